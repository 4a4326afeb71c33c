package dev.kaniko.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.auth.Credential;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.options.RegistryOptions;
import dev.kaniko.testsupport.RegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push permission check runs in the background while the build parses and pulls, yet a
 * refusal still stops the build before its first instruction, with the check's own message.
 */
class PushPermissionCheckIT {
  @RegisterExtension
  static final RegistryExtension registry = RegistryExtension.plainWithAuth();

  @TempDir Path tmp;

  private String refusal(String repo) {
    return "unauthorized: no push access to " + registry.host() + "/" + repo + ":1; check the"
        + " credentials for registry " + registry.host()
        + " (checked before building; --skip-push-permission-check skips this)";
  }

  private void build(BuildFixture f, String repo, String password, Path rootfs) throws Exception {
    BuildOptions options = BuildOptions.builder()
        .destinations(List.of(registry.host() + "/" + repo + ":1"))
        .insecure(true)
        .registry(RegistryOptions.builder().insecurePull(true).build())
        .rootfs(Optional.of(rootfs))
        .build();
    CredentialSource credentials =
        r -> Optional.of(new Credential(registry.username(), password));
    new ImageBuilder(options, f.root.resolve("work"), Clock.systemUTC(), credentials)
        .build(f.context, f.context.resolve("Dockerfile"));
  }

  @Test
  void refusedCheck_failsTheBuildBeforeItsFirstInstruction() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("a.txt", "a")
        .dockerfile("FROM scratch", "COPY a.txt /", "RUN exit 1");
    Path rootfs = tmp.resolve("rootfs");

    assertThatThrownBy(() -> build(f, "refused/copy", "wrong", rootfs))
        .isInstanceOf(BuildException.class)
        .hasMessage(refusal("refused/copy"));

    assertThat(rootfs.resolve("a.txt")).doesNotExist();
    assertThat(registry.requiresAuth()).isTrue();
  }

  @Test
  void refusedCheck_winsOverAPullThatFailedWhileItRan() throws Exception {
    // nothing listens on port 1: the pull fails at once, the check (HTTP, auth) takes longer
    BuildFixture f = new BuildFixture(tmp).file("a.txt", "a")
        .dockerfile("FROM 127.0.0.1:1/missing/base:1", "COPY a.txt /");

    assertThatThrownBy(() -> build(f, "refused/pull", "wrong", tmp.resolve("rootfs")))
        .isInstanceOf(BuildException.class)
        .hasMessage(refusal("refused/pull"));
  }

  @Test
  void acceptedCheck_buildsAndPushes() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("a.txt", "a")
        .dockerfile("FROM scratch", "COPY a.txt /");
    Path rootfs = tmp.resolve("rootfs");

    build(f, "accepted/copy", registry.password(), rootfs);

    assertThat(rootfs.resolve("a.txt")).hasContent("a");
    assertThat(Files.exists(registry.storageDir().resolve(
        "docker/registry/v2/repositories/accepted/copy/_manifests/tags/1"))).isTrue();
  }
}
