package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.image.Compression;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.options.SnapshotMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Flag syntax and the mapping into BuildOptions. */
class ExecutorFlagParsingTest {

  @Test
  void noFlags_giveKanikoDefaults() {
    BuildOptions options = CliHarness.parse();

    assertThat(options).isEqualTo(BuildOptions.builder()
        .gitOptions(Map.of("branch", "", "single-branch", "false", "recurse-submodules", "false"))
        .build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--dockerfile=sub/Dockerfile.dev", "--dockerfile sub/Dockerfile.dev",
      "-f sub/Dockerfile.dev", "-f=sub/Dockerfile.dev", "-fsub/Dockerfile.dev"})
  void valueFlags_acceptSeparateAndEqualsForms(String args) {
    assertThat(CliHarness.parse(args.split(" ")).dockerfile()).isEqualTo("sub/Dockerfile.dev");
  }

  @Test
  void equalsForm_keepsEqualsSignsInTheValue() {
    BuildOptions options = CliHarness.parse("--build-arg=A=b=c", "--label", "k=v=w");

    assertThat(options.buildArgs()).containsExactly(Map.entry("A", "b=c"));
    assertThat(options.labels()).containsExactly(Map.entry("k", "v=w"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--no-push|true", "--no-push=true|true", "--no-push=false|false", "''|false"})
  void booleanFlags_takeKanikoForms(String arg, boolean expected) {
    String[] args = arg.isEmpty() ? new String[0] : new String[] {arg};
    assertThat(CliHarness.parse(args).noPush()).isEqualTo(expected);
  }

  @Test
  void booleanFlagsDefaultingToTrue_canBeTurnedOff() {
    BuildOptions options = CliHarness.parse("--ignore-var-run=false", "--cache-run-layers=false",
        "--compressed-caching=false", "--cache=false");

    assertThat(options.ignoreVarRun()).isFalse();
    assertThat(options.cacheRunLayers()).isFalse();
    assertThat(options.compressedCaching()).isFalse();
    assertThat(options.cache()).isFalse();
  }

  @Test
  void repeatableFlags_keepCommandLineOrder() {
    BuildOptions options = CliHarness.parse("-d", "reg/a:1", "--destination=reg/b:2",
        "--destination", "reg/c:3", "--ignore-path", "/x", "--ignore-path=/y",
        "--plugin-dir", "/p1", "--plugin-dir=/p2", "--disable-plugin", "a", "--disable-plugin", "b");

    assertThat(options.destinations()).containsExactly("reg/a:1", "reg/b:2", "reg/c:3");
    assertThat(options.ignorePaths()).containsExactly("/x", "/y");
    assertThat(options.pluginDirs()).containsExactly(Path.of("/p1"), Path.of("/p2"));
    assertThat(options.disabledPlugins()).containsExactly("a", "b");
  }

  @Test
  void buildArgWithoutValue_takesItFromTheEnvironment() {
    BuildOptions options = CliHarness.parse(Map.of("HTTP_PROXY", "http://proxy:3128"),
        "--build-arg", "HTTP_PROXY", "--build-arg", "UNSET_IN_ENV", "--build-arg", "EMPTY=");

    assertThat(options.buildArgs())
        .containsExactly(Map.entry("HTTP_PROXY", "http://proxy:3128"), Map.entry("EMPTY", ""));
  }

  @ParameterizedTest
  @CsvSource({"336h, PT336H", "1h30m, PT1H30M", "90s, PT90S", "0, PT0S"})
  void cacheTtl_takesGoDurations(String value, String expected) {
    assertThat(CliHarness.parse("--cache-ttl", value).cacheTtl())
        .isEqualTo(Duration.parse(expected));
  }

  @Test
  void enumsAndNumbers_areConverted() {
    BuildOptions options = CliHarness.parse("--snapshot-mode=time", "--compression", "zstd",
        "--compression-level=9", "--push-retry", "3");

    assertThat(options.snapshotMode()).isEqualTo(SnapshotMode.TIME);
    assertThat(options.compression()).isEqualTo(Compression.ZSTD);
    assertThat(options.compressionLevel()).isEqualTo(9);
    assertThat(options.pushRetry()).isEqualTo(3);
  }

  @Test
  void emptyStringFlags_areAbsentOptionals() {
    BuildOptions options = CliHarness.parse("--target", "", "--tar-path=");

    assertThat(options.target()).isEmpty();
    assertThat(options.tarPath()).isEmpty();
    assertThat(CliHarness.parse("--target", "final").target()).contains("final");
  }

  @Test
  void kanikoDir_comesFromTheEnvironmentUnlessTheFlagIsGiven() {
    Map<String, String> env = Map.of("KANIKO_DIR", "/opt/kaniko");

    assertThat(CliHarness.parse(env).kanikoDir()).isEqualTo(Path.of("/opt/kaniko"));
    assertThat(CliHarness.parse(env, "--kaniko-dir", "/k").kanikoDir()).isEqualTo(Path.of("/k"));
    assertThat(CliHarness.parse().kanikoDir()).isEqualTo(Path.of("/kaniko"));
  }

  @Test
  void registryFlags_parseKanikoSyntax() {
    BuildOptions options = CliHarness.parse(
        "--registry-map", "index.docker.io=mirror.a;gcr.io=mirror.b",
        "--registry-map=index.docker.io=mirror.c",
        "--registry-certificate", "reg.local=/certs/ca.crt",
        "--registry-client-cert", "reg.local=/c/cert.pem,/c/key.pem",
        "--registry-mirror", "m1", "--registry-mirror", "m2",
        "--insecure-registry", "reg.local:5000", "--skip-tls-verify-registry", "other:443",
        "--insecure-pull", "--skip-default-registry-fallback=true");

    assertThat(options.registry().registryMaps()).containsExactly(
        Map.entry("index.docker.io", List.of("mirror.a", "mirror.c")),
        Map.entry("gcr.io", List.of("mirror.b")));
    assertThat(options.registry().registryCertificates())
        .containsExactly(Map.entry("reg.local", Path.of("/certs/ca.crt")));
    assertThat(options.registry().registryClientCertificates())
        .containsExactly(Map.entry("reg.local", "/c/cert.pem,/c/key.pem"));
    assertThat(options.registry().registryMirrors()).containsExactly("m1", "m2");
    assertThat(options.registry().insecureRegistries()).containsExactly("reg.local:5000");
    assertThat(options.registry().skipTlsVerifyRegistries()).containsExactly("other:443");
    assertThat(options.registry().insecurePull()).isTrue();
    assertThat(options.registry().skipDefaultRegistryFallback()).isTrue();
  }

  @Test
  void snapshotMode_acceptsAPluginsProviderName_andRejectsMalformedNames() {
    BuildOptions plugin = CliHarness.parse("--snapshot-mode", "keep-only");
    assertThat(plugin.snapshotModeName()).isEqualTo("keep-only");
    assertThat(plugin.snapshotMode()).isEqualTo(SnapshotMode.FULL);
    assertThat(CliHarness.parse("--snapshot-mode", "redo").snapshotModeName()).isEqualTo("redo");
    assertThat(CliHarness.parse().snapshotModeName()).isEqualTo("full");
    CliHarness.Result bad = CliHarness.executor("--snapshot-mode", "FULL");
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("invalid snapshot mode 'FULL'");
  }

  @Test
  void gitOptions_acceptKanikoKeysOnly() {
    assertThat(CliHarness.parse("--git", "branch=main,single-branch=true").gitOptions())
        .containsExactly(Map.entry("branch", "main"), Map.entry("single-branch", "true"));
    assertThatThrownBy(() -> CliHarness.parse("--git", "depth=1"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--git: unknown option 'depth'");
  }

  @Test
  void secrets_areMappedInOrder_badOrDuplicateOnesAreUsageErrors() {
    assertThat(CliHarness.parse("--secret", "id=npm,src=/run/npmrc", "--secret=id=tok,env=TOKEN").secrets())
        .extracting(dev.kaniko.core.options.SecretSpec::id).containsExactly("npm", "tok");
    assertThatThrownBy(() -> CliHarness.parse("--secret", "id=a,env=A", "--secret", "id=a,src=/x"))
        .isInstanceOf(UsageException.class).hasMessage("--secret: duplicate id 'a'");
    assertThatThrownBy(() -> CliHarness.parse("--secret", "id=a"))
        .isInstanceOf(UsageException.class).hasMessage("--secret a: give src=PATH or env=VAR");
  }

  @Test
  void optionalPaths_andOurFlags_areMapped() {
    BuildOptions options = CliHarness.parse("--tar-path", "/out/image.tar", "--rootfs", "/r",
        "--report", "/out/report.json", "--oci-layout-path", "/out/layout");

    assertThat(options.tarPath()).contains(Path.of("/out/image.tar"));
    assertThat(options.ociLayoutPath()).contains(Path.of("/out/layout"));
    assertThat(options.rootfs()).contains(Path.of("/r"));
    assertThat(options.report()).isEqualTo(Optional.of(Path.of("/out/report.json")));
  }

  @Test
  void deprecatedAliases_setTheSameOptionAsTheirReplacement() {
    assertThat(CliHarness.parse("--snapshotMode", "redo").snapshotMode())
        .isEqualTo(CliHarness.parse("--snapshot-mode", "redo").snapshotMode())
        .isEqualTo(SnapshotMode.REDO);
    assertThat(CliHarness.parse("--customPlatform=linux/arm64").customPlatform())
        .isEqualTo(CliHarness.parse("--custom-platform=linux/arm64").customPlatform())
        .contains("linux/arm64");
    assertThat(CliHarness.parse("--tarPath", "/x.tar").tarPath())
        .isEqualTo(CliHarness.parse("--tar-path", "/x.tar").tarPath())
        .contains(Path.of("/x.tar"));
    assertThat(CliHarness.parse("--whitelist-var-run=false").ignoreVarRun())
        .isEqualTo(CliHarness.parse("--ignore-var-run=false").ignoreVarRun())
        .isFalse();
  }

  @Test
  void aliasAndReplacement_lastOneWins() {
    assertThat(CliHarness.parse("--snapshot-mode", "time", "--snapshotMode", "redo").snapshotMode())
        .isEqualTo(SnapshotMode.REDO);
    assertThat(CliHarness.parse("--snapshotMode", "redo", "--snapshot-mode", "time").snapshotMode())
        .isEqualTo(SnapshotMode.TIME);
  }
}
