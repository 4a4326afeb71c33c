package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The warmer command, in-process. */
class WarmerCliTest {

  static Stream<FlagTable.Row> gatedFlags() {
    return FlagTable.warmer().stream()
        .filter(row -> !FeatureGates.warmer().isSupported(row.canonical()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("gatedFlags")
  void unsupportedFlag_setExplicitly_failsWithItsNotSupportedLine(FlagTable.Row row) {
    String[] args = Stream.concat(Stream.of("--image", "busybox"), row.sampleArgs().stream())
        .toArray(String[]::new);

    CliHarness.Result result = CliHarness.warmer(Map.of(), args);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("error: " + row.flag() + " is not supported yet");
  }

  @Test
  void validFlags_failLoudlyBecauseWarmingIsNotBuiltYet() {
    CliHarness.Result result = CliHarness.warmer(Map.of(), "-i", "busybox:1.36", "--image=alpine",
        "-c", "/tmp/cache", "--cache-ttl", "1h30m", "-f", "--customPlatform", "linux/arm64",
        "--build-arg", "A=1", "-v", "debug");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine()).isEqualTo("error: warming the cache is not supported yet");
    assertThat(result.err()).contains("images=[busybox:1.36, alpine]")
        .contains("cacheTtl=PT1H30M").contains("force=true")
        .contains("customPlatform=Optional[linux/arm64]");
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
