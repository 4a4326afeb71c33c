package dev.kaniko.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostToolsTest {
  @Test
  void require_findsProgramOnPathFirst(@TempDir Path dir) throws Exception {
    Path tool = Files.createFile(dir.resolve("setpriv"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

    assertThat(HostTools.fromEnvironment(Map.of("PATH", dir.toString())).require("setpriv")).isEqualTo(tool.toString());
  }

  @Test
  void require_fallsBackToSystemDirs() throws Exception {
    assertThat(HostTools.fromEnvironment(Map.of()).require("sh")).startsWith("/");
  }

  @Test
  void require_missingProgram_namesItAndItsPackage() {
    assertThatThrownBy(() -> HostTools.fromEnvironment(Map.of()).require("no-such-kaniko-tool"))
        .isInstanceOf(RunSetupException.class)
        .hasMessageStartingWith("RUN needs 'no-such-kaniko-tool' (util-linux) on the host");
  }
}
