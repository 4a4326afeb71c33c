package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warmer command, in-process. */
class WarmerCliTest {

  @Test
  void everyWarmerFlag_isImplemented() {
    FlagTable.warmer().forEach(row -> assertThat(FeatureGates.warmer().isSupported(row.canonical()))
        .as(row.flag()).isTrue());
  }

  @Test
  void validFlags_unreachableRegistry_failWithOneLineNamingTheImage(@TempDir Path cache) {
    CliHarness.Result result = CliHarness.warmer(Map.of(), "-i", "127.0.0.1:1/app/busybox:1.36",
        "-c", cache.toString(), "--cache-ttl", "1h30m", "-f", "--customPlatform", "linux/arm64",
        "--build-arg", "A=1", "-v", "debug");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine()).startsWith("error: cannot cache 127.0.0.1:1/app/busybox:1.36: ");
    assertThat(result.err()).contains("images=[127.0.0.1:1/app/busybox:1.36]")
        .contains("cacheTtl=PT1H30M").contains("force=true")
        .contains("customPlatform=Optional[linux/arm64]");
  }

  @Test
  void badPlatform_isOneLine(@TempDir Path cache) {
    CliHarness.Result result = CliHarness.warmer(Map.of(), "-i", "busybox", "-c", cache.toString(),
        "--customPlatform", "linux");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine()).isEqualTo(
        "error: --customPlatform: invalid platform 'linux': expected os/arch[/variant], e.g. linux/arm64");
  }

  @Test
  void missingDockerfile_isOneLine(@TempDir Path dir) {
    Path missing = dir.resolve("Dockerfile");
    CliHarness.Result result = CliHarness.warmer(Map.of(), "-d", missing.toString(), "-c", dir.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine()).isEqualTo("error: Dockerfile " + missing + " does not exist");
  }

  @Test
  void noImage_isAUsageError() {
    CliHarness.Result result = CliHarness.warmer(Map.of());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly("error: select at least one image to cache with --image (or --dockerfile)");
  }

  @Test
  void help_listsEveryFlag() {
    CliHarness.Result result = CliHarness.warmer(Map.of(), "-h");

    assertThat(result.exitCode()).isZero();
    FlagTable.warmer().forEach(row -> assertThat(result.out()).contains(row.flag()));
  }

  @Test
  void unknownFlag_isAUsageError() {
    CliHarness.Result result = CliHarness.warmer(Map.of(), "--destination=x");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly("error: Unknown option: '--destination=x' (see 'warmer --help')");
  }
}
