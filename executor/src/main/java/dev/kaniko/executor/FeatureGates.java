package dev.kaniko.executor;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that says which flags have a working feature behind them. A flag not listed
 * here, set explicitly, stops the command with {@code error: --flag is not supported yet};
 * later issues add their flags when the feature lands.
 */
public final class FeatureGates {
  private static final Set<String> COMMON =
      Set.of("--help", "--version", "--verbosity", "--log-format", "--log-timestamp",
          "--plugin-dir", "--disable-plugin");

  /** Executor flags that work (some only parsed into BuildOptions for the engine). */
  private static final Set<String> EXECUTOR =
      Set.of("--dockerfile", "--context", "--context-sub-path", "--build-arg", "--target",
          "--skip-unused-stages", "--kaniko-dir", "--rootfs", "--no-push", "--destination",
          "--tar-path", "--oci-layout-path", "--digest-file", "--image-name-with-digest-file",
          "--image-name-tag-with-digest-file", "--reproducible", "--label", "--custom-platform",
          "--compression", "--compression-level", "--push-retry",
          "--push-ignore-immutable-tag-errors", "--skip-push-permission-check", "--insecure",
          "--skip-tls-verify", "--insecure-registry", "--skip-tls-verify-registry",
          "--registry-certificate", "--registry-client-cert", "--insecure-pull",
          "--skip-tls-verify-pull", "--registry-mirror", "--registry-map",
          "--skip-default-registry-fallback", "--image-download-retry", "--snapshot-mode",
          "--use-new-run", "--ignore-path",
          "--report", "--secret", "--git", "--bucket", "--single-snapshot", "--cleanup",
          "--force-build-metadata",
          "--cache-dir", "--cache-ttl", "--image-fs-extract-retry",
          "--force", "--ignore-var-run",
          "--cache", "--cache-repo", "--cache-run-layers", "--cache-copy-layers",
          "--no-push-cache", "--compressed-caching");

  /** Warmer flags, all implemented by WarmerRun. */
  private static final Set<String> WARMER =
      Set.of("--image", "--dockerfile", "--build-arg", "--cache-dir", "--cache-ttl", "--force",
          "--customPlatform", "--insecure-pull", "--skip-tls-verify-pull", "--insecure-registry",
          "--skip-tls-verify-registry", "--registry-certificate", "--registry-client-cert",
          "--registry-mirror", "--registry-map", "--skip-default-registry-fallback");

  private static final FeatureGates EXECUTOR_GATES = new FeatureGates(union(COMMON, EXECUTOR));
  private static final FeatureGates WARMER_GATES = new FeatureGates(union(COMMON, WARMER));

  private final Set<String> supported;

  private FeatureGates(Set<String> supported) {
    this.supported = supported;
  }

  /** Gates of the {@code executor} command. */
  public static FeatureGates executor() {
    return EXECUTOR_GATES;
  }

  /** Gates of the {@code warmer} command. */
  public static FeatureGates warmer() {
    return WARMER_GATES;
  }

  /** The executor's gates with {@code flags} withdrawn: tests of the gate mechanism itself. */
  static FeatureGates executorWithout(String... flags) {
    Set<String> supported = new HashSet<>(EXECUTOR_GATES.supported);
    List.of(flags).forEach(supported::remove);
    return new FeatureGates(Set.copyOf(supported));
  }

  /** The supported flags (canonical long names). */
  public Set<String> supportedFlags() {
    return supported;
  }

  /** Whether {@code flag} (canonical long name) is supported. */
  public boolean isSupported(String flag) {
    return supported.contains(flag);
  }

  /** The first flag, in command-line order, whose feature is not built yet. */
  public Optional<String> firstUnsupported(List<String> flagsInOrder) {
    return flagsInOrder.stream().filter(flag -> !isSupported(flag)).findFirst();
  }

  /** The error message for an unsupported flag (printed after {@code error: }). */
  public static String notSupported(String flag) {
    return flag + " is not supported yet";
  }

  private static Set<String> union(Set<String> first, Set<String> second) {
    Set<String> all = new HashSet<>(first);
    all.addAll(second);
    return Set.copyOf(all);
  }
}
