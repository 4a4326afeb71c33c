package dev.kaniko.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigCredentialsTest {

  private final List<String> calls = new ArrayList<>();

  private DockerConfigCredentials source(String json, Map<String, Credential> helperAnswers) throws Exception {
    return new DockerConfigCredentials(DockerConfig.parse(json), (helper, registry) -> {
      calls.add(helper + "@" + registry);
      return Optional.ofNullable(helperAnswers.get(helper + "@" + registry));
    });
  }

  @Test
  void retrieve_credHelperForTheRegistryComesFirst() throws Exception {
    DockerConfigCredentials source = source("""
        {"auths":{"gcr.io":{"username":"file","password":"p"}},"credHelpers":{"gcr.io":"gcr"},"credsStore":"store"}
        """, Map.of("gcr@gcr.io", new Credential("helper", "h")));

    assertThat(source.retrieve("gcr.io")).contains(new Credential("helper", "h"));
    assertThat(calls).containsExactly("gcr@gcr.io");
  }

  @Test
  void retrieve_credsStoreForOtherRegistries_thenAuthsWhenTheHelperHasNothing() throws Exception {
    DockerConfigCredentials source = source("""
        {"auths":{"quay.io":{"username":"file","password":"p"}},"credHelpers":{"gcr.io":"gcr"},"credsStore":"store"}
        """, Map.of());

    assertThat(source.retrieve("quay.io")).contains(new Credential("file", "p"));
    assertThat(source.retrieve("docker.io")).isEmpty();
    assertThat(calls).containsExactly("store@quay.io", "store@docker.io");
  }

  @Test
  void retrieve_noHelpers_usesAuthsOnly() throws Exception {
    DockerConfigCredentials source = source("""
        {"auths":{"https://index.docker.io/v1/":{"username":"hub","password":"p"}}}
        """, Map.of());

    assertThat(source.retrieve("docker.io")).contains(new Credential("hub", "p"));
    assertThat(calls).isEmpty();
  }

  @Test
  void fromEnvironment_runsTheRealHelperProcessFromDockerConfigDir(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("docker-credential-fake");
    Files.writeString(script, "#!/bin/sh\nread url\necho \"{\\\"Username\\\":\\\"fake\\\",\\\"Secret\\\":\\\"$url\\\"}\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Files.writeString(dir.resolve("config.json"), "{\"credHelpers\":{\"localhost:5000\":\"fake\"}}");

    DockerConfigCredentials source = DockerConfigCredentials.fromEnvironment(
        Map.of("DOCKER_CONFIG", dir.toString(), "PATH", dir + ":/usr/bin:/bin"));

    assertThat(source.retrieve("localhost:5000")).contains(new Credential("fake", "localhost:5000"));
    assertThat(source.retrieve("other:5000")).isEmpty();
  }

  @Test
  void chain_fallsThroughToPluginSourcesInOrder() throws Exception {
    DockerConfigCredentials docker = source("{\"auths\":{\"a.io\":{\"username\":\"d\",\"password\":\"p\"}}}", Map.of());
    CredentialSource ecr = registry -> registry.endsWith(".amazonaws.com")
        ? Optional.of(new Credential("AWS", "ecr")) : Optional.empty();
    CredentialSource failing = registry -> {
      throw new CredentialException("acr refused " + registry);
    };
    CredentialChain chain = new CredentialChain(List.of(docker, ecr, failing));

    assertThat(chain.retrieve("a.io")).contains(new Credential("d", "p"));
    assertThat(chain.retrieve("1.dkr.ecr.x.amazonaws.com")).contains(new Credential("AWS", "ecr"));
    assertThatThrownBy(() -> chain.retrieve("b.azurecr.io")).hasMessage("acr refused b.azurecr.io");
    assertThat(new CredentialChain(List.of()).retrieve("a.io")).isEmpty();
  }
}
