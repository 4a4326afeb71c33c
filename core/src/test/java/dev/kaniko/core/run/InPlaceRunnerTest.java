package dev.kaniko.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InPlaceRunnerTest {
  @TempDir Path temp;

  @Test
  void lookPath_findsTheFirstExecutableInTheCommandsPath() throws Exception {
    Path first = Files.createDirectories(temp.resolve("first"));
    Path second = Files.createDirectories(temp.resolve("second"));
    Files.writeString(first.resolve("tool"), "not executable");
    Path tool = Files.writeString(second.resolve("tool"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(InPlaceRunner.lookPath("tool", first + "::" + second)).isEqualTo(tool.toString());
  }

  @Test
  void lookPath_keepsPathsAndUnknownNamesAsGiven() {
    assertThat(InPlaceRunner.lookPath("/bin/sh", "/nowhere")).isEqualTo("/bin/sh");
    assertThat(InPlaceRunner.lookPath("./run.sh", "/nowhere")).isEqualTo("./run.sh");
    assertThat(InPlaceRunner.lookPath("missing-tool", temp.toString())).isEqualTo("missing-tool");
  }
}
