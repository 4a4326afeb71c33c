package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryProcessTest {

  @Test
  void launch_missingBinary_saysHowToInstall(@TempDir Path tmp) {
    assertThatThrownBy(() -> RegistryProcess.launch("no-such-registry-binary", tmp.resolve("c.yml"),
        tmp.resolve("log")))
        .hasMessageContaining("no-such-registry-binary").hasMessageContaining("install-test-deps.sh");
  }

  @Test
  void awaitReady_processExits_reportsExitCodeAndMaskedLogTail(@TempDir Path tmp) throws Exception {
    // "sh serve CONFIG" runs the script "serve": it prints a secret and exits with 3
    Files.writeString(tmp.resolve("serve"), "echo 'listen failed for hunter2'; exit 3\n");
    RegistryProcess process = RegistryProcess.launch("sh", tmp.resolve("c.yml"), tmp.resolve("registry.log"));

    assertThatThrownBy(() -> process.awaitReady("fake registry on 127.0.0.1:1", "http://127.0.0.1:1",
        null, Duration.ofSeconds(10), text -> text.replace("hunter2", "****")))
        .hasMessageContaining("fake registry on 127.0.0.1:1 exited with code 3")
        .hasMessageContaining("listen failed for ****")
        .hasMessageContaining(tmp.resolve("registry.log").toString())
        .hasMessageNotContaining("hunter2");
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  void awaitReady_noAnswer_timesOutNamingTheLastError(@TempDir Path tmp) throws Exception {
    Files.writeString(tmp.resolve("serve"), "exec sleep 30\n");
    RegistryProcess process = RegistryProcess.launch("sh", tmp.resolve("c.yml"), tmp.resolve("registry.log"));

    assertThatThrownBy(() -> process.awaitReady("silent registry", "http://127.0.0.1:" + FreePort.onLoopback(),
        null, Duration.ofMillis(300), text -> text))
        .hasMessageContaining("did not answer GET /v2/").hasMessageContaining("connection refused");
    assertThat(process.isAlive()).as("killed after the failure").isFalse();
  }
}
