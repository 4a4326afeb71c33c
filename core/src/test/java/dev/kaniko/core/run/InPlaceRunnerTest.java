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
  void run_withMountsOrIsolatedNetwork_failsInOneLineBeforeStartingAnything() {
    RunCommand mounted = RunCommand.shell("touch /should-not-exist").line(4)
        .mounts(java.util.List.of(RunMount.tmpfs("/t", ""))).build();
    RunCommand isolated = RunCommand.shell("touch /should-not-exist").line(5).isolatedNetwork(true).build();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InPlaceRunner.forHost().run(mounted, line -> { }))
        .isInstanceOf(RunSetupException.class).hasMessage("Dockerfile:4: RUN --mount is not supported in place"
            + " (on /); build in chroot mode (--rootfs DIR)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InPlaceRunner.forHost().run(isolated, line -> { }))
        .isInstanceOf(RunSetupException.class).hasMessage("Dockerfile:5: RUN --network=none is not supported"
            + " in place (on /); build in chroot mode (--rootfs DIR)");
    assertThat(Path.of("/should-not-exist")).doesNotExist();
  }

  @Test
  void lookPath_keepsPathsAndUnknownNamesAsGiven() {
    assertThat(InPlaceRunner.lookPath("/bin/sh", "/nowhere")).isEqualTo("/bin/sh");
    assertThat(InPlaceRunner.lookPath("./run.sh", "/nowhere")).isEqualTo("./run.sh");
    assertThat(InPlaceRunner.lookPath("missing-tool", temp.toString())).isEqualTo("missing-tool");
  }
}
