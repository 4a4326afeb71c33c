package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The executor command end to end, in-process: exit codes, error lines, gates, warnings. */
class ExecutorCliTest {

  /** Gates with these two flags withdrawn: every executor flag has its feature now. */
  private static final FeatureGates WITHDRAWN =
      FeatureGates.executorWithout("--force", "--ignore-var-run");

  static Stream<FlagTable.Row> supportedFlags() {
    return FlagTable.executor().stream()
        .filter(row -> FeatureGates.executor().isSupported(row.canonical()));
  }

  /** Flags a gate can stop: --help/--version exit first, --log-format=json changes the line. */
  static Stream<FlagTable.Row> withdrawableFlags() {
    return supportedFlags().filter(row ->
        !List.of("--help", "--version", "--log-format").contains(row.canonical()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("withdrawableFlags")
  void withdrawnFlag_setExplicitly_failsWithItsNotSupportedLine(FlagTable.Row row) {
    CliHarness.Result result = CliHarness.executorGated(
        FeatureGates.executorWithout(row.canonical()), row.sampleArgs().toArray(String[]::new));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine())
        .isEqualTo("error: " + row.canonical() + " is not supported yet");
    assertThat(result.built()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("supportedFlags")
  void supportedFlag_neverTripsAGate(FlagTable.Row row) {
    CliHarness.Result result = CliHarness.executor(row.sampleArgs().toArray(String[]::new));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).doesNotContain("not supported yet");
  }

  @Test
  void gateRegistry_supportsEveryFlagOfTheTable() {
    List<String> supported = supportedFlags().map(FlagTable.Row::flag).toList();

    assertThat(supported).contains("--dockerfile", "--context", "--build-arg", "--target",
        "--skip-unused-stages", "--plugin-dir", "--disable-plugin", "--verbosity", "--help",
        "--no-push", "--destination", "--tar-path", "--oci-layout-path", "--reproducible");
    assertThat(supported).hasSize(FlagTable.executor().size());
  }

  @Test
  void defaultsAlone_neverTripAGate() {
    CliHarness.Result result = CliHarness.executor();

    assertThat(result.exitCode()).isZero();
    assertThat(result.built()).hasSize(1);
  }

  @Test
  void explicitValueEqualToTheDefault_stillTripsTheGate() {
    CliHarness.Result result = CliHarness.executorGated(WITHDRAWN, "--force=false");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine()).isEqualTo("error: --force is not supported yet");
  }

  @Test
  void severalUnsupportedFlags_reportTheFirstInCommandLineOrder() {
    assertThat(CliHarness.executorGated(WITHDRAWN, "--ignore-var-run", "--force", "-d", "r/a").errLines())
        .containsExactly("error: --ignore-var-run is not supported yet");
    assertThat(CliHarness.executorGated(WITHDRAWN, "-d", "r/a", "--force", "--ignore-var-run").errLines())
        .containsExactly("error: --force is not supported yet");
    assertThat(CliHarness.executorGated(WITHDRAWN, "--target", "x", "--cache", "--force").errLines())
        .containsExactly("error: --force is not supported yet");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--customPlatform", "--tarPath", "--snapshotMode", "--whitelist-var-run"})
  void deprecatedAliasOfAWorkingFlag_warnsAndBuilds(String alias) {
    FlagTable.Row row = FlagTable.executor().stream()
        .filter(candidate -> candidate.flag().equals(alias)).findFirst().orElseThrow();

    CliHarness.Result result = CliHarness.executor(row.sampleArgs().toArray(String[]::new));

    String replacement = DeprecatedAliases.executor().get(alias);
    assertThat(result.errLines()).containsExactly(
        "WARN flag " + alias + " is deprecated, use " + replacement + " instead");
    assertThat(result.built()).hasSize(1);
  }

  @Test
  void unknownFlag_isAUsageErrorOnOneLine() {
    CliHarness.Result result = CliHarness.executor("--no-such-flag");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly("error: Unknown option: '--no-such-flag' (see 'executor --help')");
  }

  @Test
  void badDuration_isAUsageErrorOnOneLine() {
    CliHarness.Result result = CliHarness.executor("--cache-ttl", "2 weeks");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.lastErrLine()).startsWith("error: ")
        .contains("--cache-ttl").contains("invalid duration '2 weeks'");
  }

  @Test
  void badVerbosity_isAUsageError() {
    CliHarness.Result result = CliHarness.executor("-v", "loud");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.lastErrLine()).contains("invalid verbosity 'loud'");
  }

  @Test
  void malformedBuildArg_isAUsageError() {
    CliHarness.Result result = CliHarness.executor("--build-arg", "=value");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines()).containsExactly("error: --build-arg: expected KEY=VALUE, got '=value'");
  }

  @Test
  void positionalArguments_areRejected() {
    CliHarness.Result result = CliHarness.executor("Dockerfile");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.lastErrLine()).startsWith("error: Unmatched argument");
  }

  @Test
  void help_listsEveryFlagAndExitsZero() {
    CliHarness.Result result = CliHarness.executor("--help");

    assertThat(result.exitCode()).isZero();
    List<String> all = new ArrayList<>();
    FlagTable.executor().forEach(row -> all.add(row.flag()));
    assertThat(result.out()).contains(all);
    assertThat(result.out()).contains("Deprecated aliases, still accepted with a warning:")
        .containsPattern("--snapshotMode +use --snapshot-mode");
    assertThat(result.built()).isEmpty();
  }

  @Test
  void version_printsTheVersion() {
    CliHarness.Result result = CliHarness.executor("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).startsWith("kaniko for the JVM ");
  }

  @Test
  void userError_fromTheBuild_isOneLineWithExitCodeOne() {
    CliHarness.Result result = CliHarness.executor(Map.of(), options -> {
      throw new UserException("Dockerfile not found: /ctx/Dockerfile",
          new IllegalStateException("detail"));
    });

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("error: Dockerfile not found: /ctx/Dockerfile");
  }

  @Test
  void userError_atDebug_showsTheCauseStackTrace() {
    CliHarness.Result result = CliHarness.executor(Map.of(), options -> {
      throw new UserException("it failed", new IllegalStateException("root cause"));
    }, "-v", "debug");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("root cause").contains("\tat ");
    assertThat(result.lastErrLine()).isEqualTo("error: it failed");
  }

  @Test
  void unexpectedFailure_isOneLineWithoutStackTraceAtInfo() {
    CliHarness.Result result = CliHarness.executor(Map.of(), options -> {
      throw new IllegalStateException("boom");
    });

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.errLines()).containsExactly("error: boom");
  }

  @Test
  void buildOptions_reachTheBuild() {
    CliHarness.Result result = CliHarness.executor(Map.of("TOKEN", "t0k3n"), options -> {},
        "-c", "dir:///src", "-f", "build/Dockerfile", "--context-sub-path", "app",
        "--target", "final", "--skip-unused-stages", "--build-arg", "TOKEN");

    assertThat(result.built()).singleElement().satisfies(options -> {
      assertThat(options.context()).isEqualTo("dir:///src");
      assertThat(options.dockerfile()).isEqualTo("build/Dockerfile");
      assertThat(options.contextSubPath()).isEqualTo("app");
      assertThat(options.target()).contains("final");
      assertThat(options.skipUnusedStages()).isTrue();
      assertThat(options.buildArgs()).containsExactly(Map.entry("TOKEN", "t0k3n"));
    });
  }

  @Test
  void registeredSecret_isMaskedInErrorLines() {
    dev.kaniko.executor.logging.SecretRedactor.register("pa55-in-error-line");

    CliHarness.Result result = CliHarness.executor(Map.of(), options -> {
      throw new UserException("login with pa55-in-error-line refused");
    });

    assertThat(result.errLines()).containsExactly("error: login with *** refused");
  }

  @Test
  void jsonLogFormat_printsErrorsAsJsonLines() {
    CliHarness.Result result = CliHarness.executorGated(WITHDRAWN, "--log-format=json", "--force");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.lastErrLine())
        .startsWith("{\"level\":\"error\",\"msg\":\"--force is not supported yet\",\"time\":\"");
  }

  @Test
  void contextUriPassword_isMaskedInErrors() {
    CliHarness.Result result = CliHarness.executor(Map.of(), options -> {
      throw new UserException("cannot fetch " + options.context());
    }, "--context", "https://builder:uri-pa55word@git.example/repo.git");

    assertThat(result.errLines())
        .containsExactly("error: cannot fetch https://builder:***@git.example/repo.git");
  }

  @Test
  void tokenOnlyUserInfo_andCredentialVariables_areMasked() {
    CliHarness.Result result = CliHarness.executor(
        Map.of("GIT_TOKEN", "ghp_envtoken123", "AWS_SECRET_ACCESS_KEY", "aws/secret+key"),
        options -> {
          throw new UserException(options.context() + " ghp_envtoken123 aws/secret+key");
        }, "--context", "git://tok3n-only-user@github.com/org/repo.git");

    assertThat(result.errLines())
        .containsExactly("error: git://***@github.com/org/repo.git *** ***");
  }

  @Test
  void shortValues_areNotRegistered() {
    CliHarness.Result result = CliHarness.executor(Map.of("GIT_PASSWORD", "abc"), options -> {
      throw new UserException("abc stays readable");
    });

    assertThat(result.errLines()).containsExactly("error: abc stays readable");
  }

  private static final org.slf4j.Logger BUILD_LOG = org.slf4j.LoggerFactory.getLogger("dev.kaniko.build");

  @Test
  void loggingFlags_configureTheProvider() {
    BuildAction logs = options -> {
      BUILD_LOG.debug("debug line");
      BUILD_LOG.info("info line");
    };

    assertThat(CliHarness.executor(Map.of(), logs).errLines()).containsExactly("INFO info line");
    assertThat(CliHarness.executor(Map.of(), logs, "--log-timestamp", "-v=debug").errLines())
        .hasSize(2)
        .allMatch(line -> line.matches("(DEBUG|INFO)\\[\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\] .* line"));
    assertThat(CliHarness.executor(Map.of(), logs, "--verbosity", "warn").errLines()).isEmpty();
    assertThat(CliHarness.executor(Map.of(), logs, "--log-format", "json").errLines())
        .singleElement().asString().startsWith("{\"level\":\"info\",\"msg\":\"info line\",\"time\":");
  }
}
