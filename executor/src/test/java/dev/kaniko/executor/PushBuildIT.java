package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.auth.Credential;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.build.BuildException;
import dev.kaniko.core.build.BuildResult;
import dev.kaniko.core.build.ImageBuilder;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.options.RegistryOptions;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The engine pushing to a real registry (TLS + basic auth) with a docker config. */
class PushBuildIT {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.tlsWithAuth();

  @TempDir Path temp;

  private BuildResult build(Path dockerConfig, List<String> destinations, Path digestFile)
      throws Exception {
    Path context = Files.createDirectories(temp.resolve("ctx"));
    Files.writeString(context.resolve("hello.txt"), "hello registry\n");
    Files.writeString(context.resolve("Dockerfile"),
        "FROM scratch\nCOPY hello.txt /\nCMD [\"/hello.txt\"]\n");
    BuildOptions options = BuildOptions.builder().context(context.toString())
        .destinations(destinations).reproducible(true).digestFile(Optional.of(digestFile))
        .registry(RegistryOptions.builder()
            .registryCertificates(Map.of(registry.host(), registry.caCert())).build())
        .build();
    return new ImageBuilder(options, temp.resolve("work"), Clock.systemUTC(),
        Map.of("DOCKER_CONFIG", dockerConfig.toString()))
        .build(context, context.resolve("Dockerfile"));
  }

  @Test
  void push_toEveryDestination_digestMatchesTheRegistryAndTheDigestFile() throws Exception {
    Path dockerConfig = registry.dockerConfig().writeTo(temp.resolve("docker"));
    String first = registry.reference("app/hello:1");
    String second = registry.reference("app/hello:latest");
    Path digestFile = temp.resolve("digest");

    BuildResult result = build(dockerConfig, List.of(first, second), digestFile);

    Skopeo skopeo = new Skopeo();
    assertThat(skopeo.manifestDigest(Skopeo.docker(first), registry.access()))
        .isEqualTo(result.digest());
    assertThat(skopeo.manifestDigest(Skopeo.docker(second), registry.access()))
        .isEqualTo(result.digest());
    assertThat(digestFile).hasContent(result.digest());
    assertThat(skopeo.inspectConfig(Skopeo.docker(first), registry.access())
        .get("config").get("Cmd").get(0).asText()).isEqualTo("/hello.txt");

    long mark = registry.log().mark();
    BuildResult again = build(dockerConfig, List.of(first), digestFile);
    assertThat(again.digest()).isEqualTo(result.digest());
    assertThat(registry.log().blobUploadsSince(mark)).isZero();
  }

  @Test
  void push_withAGivenCredentialSource_asPluginHelpersProvideThem() throws Exception {
    Path context = Files.createDirectories(temp.resolve("ctx2"));
    Files.writeString(context.resolve("Dockerfile"), "FROM scratch\nENV FROM=helper\n");
    String destination = registry.reference("app/helper:1");
    BuildOptions options = BuildOptions.builder().context(context.toString())
        .destinations(List.of(destination))
        .registry(RegistryOptions.builder()
            .registryCertificates(Map.of(registry.host(), registry.caCert())).build())
        .build();
    CredentialSource helper = host -> host.equals(registry.host())
        ? Optional.of(new Credential(registry.username(), registry.password()))
        : Optional.empty();

    BuildResult result = new ImageBuilder(options, temp.resolve("work"), Clock.systemUTC(),
        helper).build(context, context.resolve("Dockerfile"));

    assertThat(new Skopeo().manifestDigest(Skopeo.docker(destination), registry.access()))
        .isEqualTo(result.digest());
  }

  @Test
  void push_withoutCredentials_failsBeforeBuildingWithOneLine() throws Exception {
    Path emptyConfig = Files.createDirectories(temp.resolve("empty-docker"));
    Files.writeString(emptyConfig.resolve("config.json"), "{}");

    assertThatThrownBy(() -> build(emptyConfig, List.of(registry.reference("app/x:1")),
        temp.resolve("d")))
        .isInstanceOf(BuildException.class)
        .hasMessageStartingWith("unauthorized: no push access to ")
        .hasMessageNotContaining(registry.password());
    assertThat(temp.resolve("d")).doesNotExist();
  }
}
