package dev.kaniko.core.registry;

import dev.kaniko.core.image.ImageReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The executor's registry flags (transport, mirrors, retries, push behaviour) as one immutable value.
 * The builder's string methods take flag values verbatim and reject malformed ones with a one-line error.
 */
public final class RegistryOptions {

  /** Client certificate and key (PEM files) for mTLS. */
  public record ClientCertificate(Path certificate, Path key) {}

  final boolean insecurePush;
  final boolean insecurePull;
  final Set<String> insecureRegistries;
  final boolean skipTlsVerifyPush;
  final boolean skipTlsVerifyPull;
  final Set<String> skipTlsVerifyRegistries;
  final Map<String, List<Path>> registryCertificates;
  final Map<String, ClientCertificate> clientCertificates;
  final List<String> mirrors;
  final Map<String, List<String>> registryMaps;
  final boolean skipDefaultRegistryFallback;
  final int pushRetry;
  final int pullRetry;
  final Duration initialBackoff;
  final boolean pushIgnoreImmutableTagErrors;
  final boolean skipPushPermissionCheck;
  final int parallelism;

  private RegistryOptions(Builder b) {
    insecurePush = b.insecurePush;
    insecurePull = b.insecurePull;
    insecureRegistries = Set.copyOf(b.insecureRegistries);
    skipTlsVerifyPush = b.skipTlsVerifyPush;
    skipTlsVerifyPull = b.skipTlsVerifyPull;
    skipTlsVerifyRegistries = Set.copyOf(b.skipTlsVerifyRegistries);
    Map<String, List<Path>> certs = new LinkedHashMap<>();
    b.registryCertificates.forEach((k, v) -> certs.put(k, List.copyOf(v)));
    registryCertificates = Map.copyOf(certs);
    clientCertificates = Map.copyOf(b.clientCertificates);
    mirrors = List.copyOf(b.mirrors);
    Map<String, List<String>> maps = new LinkedHashMap<>();
    b.registryMaps.forEach((k, v) -> maps.put(k, List.copyOf(v)));
    registryMaps = Map.copyOf(maps);
    skipDefaultRegistryFallback = b.skipDefaultRegistryFallback;
    pushRetry = b.pushRetry;
    pullRetry = b.pullRetry;
    initialBackoff = b.initialBackoff;
    pushIgnoreImmutableTagErrors = b.pushIgnoreImmutableTagErrors;
    skipPushPermissionCheck = b.skipPushPermissionCheck;
    parallelism = b.parallelism;
  }

  /** Defaults: TLS verified, no mirrors, no retries, 4 parallel blob transfers. */
  public static RegistryOptions defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Which way data flows: the {@code -pull} flags apply to pulls, the others to pushes. */
  public enum Direction { PULL, PUSH }

  /** The transport settings for one registry in one direction. */
  public TransportSettings transportFor(String registry, Direction direction) {
    boolean insecure = insecureRegistries.contains(registry) || isLoopback(registry)
        || (direction == Direction.PULL ? insecurePull : insecurePush);
    boolean skipVerify = skipTlsVerifyRegistries.contains(registry)
        || (direction == Direction.PULL ? skipTlsVerifyPull : skipTlsVerifyPush);
    return new TransportSettings(insecure, skipVerify, registryCertificates.getOrDefault(registry, List.of()),
        clientCertificates.get(registry));
  }

  /**
   * True for {@code localhost}, {@code 127.x.x.x} and {@code [::1]} registries, which (as in kaniko) may fall
   * back to plain HTTP without {@code --insecure}; TLS is still tried first and still verified.
   */
  static boolean isLoopback(String registry) {
    String host = registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1)
        : registry.replaceFirst(":[0-9]+$", "");
    return host.equals("localhost") || host.matches("127(\\.[0-9]{1,3}){3}") || host.equals("[::1]");
  }

  /** Mirrors for Docker Hub ({@code --registry-mirror}), in order. */
  public List<String> mirrors() {
    return mirrors;
  }

  /** {@code --registry-map}: registry to its replacements, in order. */
  public Map<String, List<String>> registryMaps() {
    return registryMaps;
  }

  /** {@code --skip-default-registry-fallback}. */
  public boolean skipDefaultRegistryFallback() {
    return skipDefaultRegistryFallback;
  }

  /** {@code --push-retry}. */
  public int pushRetry() {
    return pushRetry;
  }

  /** {@code --image-download-retry}. */
  public int pullRetry() {
    return pullRetry;
  }

  /** First back-off delay between retries; doubles each time. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@code --push-ignore-immutable-tag-errors}. */
  public boolean pushIgnoreImmutableTagErrors() {
    return pushIgnoreImmutableTagErrors;
  }

  /** {@code --skip-push-permission-check}. */
  public boolean skipPushPermissionCheck() {
    return skipPushPermissionCheck;
  }

  /** Parallel blob transfers. */
  public int parallelism() {
    return parallelism;
  }

  /** Builds {@link RegistryOptions}. */
  public static final class Builder {
    private boolean insecurePush;
    private boolean insecurePull;
    private final Set<String> insecureRegistries = new LinkedHashSet<>();
    private boolean skipTlsVerifyPush;
    private boolean skipTlsVerifyPull;
    private final Set<String> skipTlsVerifyRegistries = new LinkedHashSet<>();
    private final Map<String, List<Path>> registryCertificates = new LinkedHashMap<>();
    private final Map<String, ClientCertificate> clientCertificates = new LinkedHashMap<>();
    private final List<String> mirrors = new ArrayList<>();
    private final Map<String, List<String>> registryMaps = new LinkedHashMap<>();
    private boolean skipDefaultRegistryFallback;
    private int pushRetry;
    private int pullRetry;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private boolean pushIgnoreImmutableTagErrors;
    private boolean skipPushPermissionCheck;
    private int parallelism = 4;

    private Builder() {}

    /** {@code --insecure}: push over plain HTTP. */
    public Builder insecure(boolean value) {
      insecurePush = value;
      return this;
    }

    /** {@code --insecure-pull}. */
    public Builder insecurePull(boolean value) {
      insecurePull = value;
      return this;
    }

    /** {@code --insecure-registry} (repeatable). */
    public Builder insecureRegistry(String registry) {
      insecureRegistries.add(registryName(registry, "--insecure-registry"));
      return this;
    }

    /** {@code --skip-tls-verify}. */
    public Builder skipTlsVerify(boolean value) {
      skipTlsVerifyPush = value;
      return this;
    }

    /** {@code --skip-tls-verify-pull}. */
    public Builder skipTlsVerifyPull(boolean value) {
      skipTlsVerifyPull = value;
      return this;
    }

    /** {@code --skip-tls-verify-registry} (repeatable). */
    public Builder skipTlsVerifyRegistry(String registry) {
      skipTlsVerifyRegistries.add(registryName(registry, "--skip-tls-verify-registry"));
      return this;
    }

    /** {@code --registry-certificate registry=/path/ca.crt} (repeatable). */
    public Builder registryCertificate(String flagValue) {
      String[] pair = keyValue(flagValue, "--registry-certificate", "registry=/path/to/ca.crt");
      registryCertificates.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(Path.of(pair[1]));
      return this;
    }

    /** {@code --registry-client-cert registry=/path/cert,/path/key} (repeatable). */
    public Builder registryClientCert(String flagValue) {
      String usage = "registry=/path/to/cert,/path/to/key";
      String[] pair = keyValue(flagValue, "--registry-client-cert", usage);
      String[] files = pair[1].split(",", -1);
      if (files.length != 2 || files[0].isBlank() || files[1].isBlank()) {
        throw badFlag("--registry-client-cert", flagValue, usage);
      }
      clientCertificates.put(pair[0], new ClientCertificate(Path.of(files[0].trim()), Path.of(files[1].trim())));
      return this;
    }

    /** {@code --registry-mirror} (repeatable, tried in order); may carry a path prefix. */
    public Builder registryMirror(String mirror) {
      mirrors.add(mirrorName(mirror, "--registry-mirror"));
      return this;
    }

    /** {@code --registry-map orig=new[;orig2=new2]} (repeatable; several targets per registry are tried in order). */
    public Builder registryMap(String flagValue) {
      if (flagValue == null || flagValue.isBlank()) {
        return this;
      }
      for (String entry : flagValue.split(";")) {
        if (entry.isBlank()) {
          continue;
        }
        String[] pair = keyValue(entry, "--registry-map", "original.registry=mirror.registry[/path]");
        registryMaps.computeIfAbsent(ImageReference.normalizeRegistry(pair[0]), k -> new ArrayList<>())
            .add(mirrorName(pair[1], "--registry-map"));
      }
      return this;
    }

    /** {@code --skip-default-registry-fallback}. */
    public Builder skipDefaultRegistryFallback(boolean value) {
      skipDefaultRegistryFallback = value;
      return this;
    }

    /** {@code --push-retry}. */
    public Builder pushRetry(int retries) {
      pushRetry = nonNegative(retries, "--push-retry");
      return this;
    }

    /** {@code --image-download-retry}. */
    public Builder imageDownloadRetry(int retries) {
      pullRetry = nonNegative(retries, "--image-download-retry");
      return this;
    }

    /** First back-off delay (1s by default; tests shorten it). */
    public Builder initialBackoff(Duration delay) {
      initialBackoff = delay;
      return this;
    }

    /** {@code --push-ignore-immutable-tag-errors}. */
    public Builder pushIgnoreImmutableTagErrors(boolean value) {
      pushIgnoreImmutableTagErrors = value;
      return this;
    }

    /** {@code --skip-push-permission-check}. */
    public Builder skipPushPermissionCheck(boolean value) {
      skipPushPermissionCheck = value;
      return this;
    }

    /** Parallel blob transfers (at least 1). */
    public Builder parallelism(int transfers) {
      if (transfers < 1) {
        throw new IllegalArgumentException("parallel blob transfers must be at least 1, got " + transfers);
      }
      parallelism = transfers;
      return this;
    }

    /** The options. */
    public RegistryOptions build() {
      return new RegistryOptions(this);
    }

    private static String[] keyValue(String flagValue, String flag, String usage) {
      int eq = flagValue == null ? -1 : flagValue.indexOf('=');
      if (eq <= 0 || eq == flagValue.length() - 1) {
        throw badFlag(flag, flagValue, usage);
      }
      return new String[] {flagValue.substring(0, eq).trim(), flagValue.substring(eq + 1).trim()};
    }

    private static IllegalArgumentException badFlag(String flag, String value, String usage) {
      return new IllegalArgumentException("invalid " + flag + " '" + value + "': expected " + usage);
    }

    private static String registryName(String value, String flag) {
      if (value == null || value.isBlank() || value.contains("/")) {
        throw badFlag(flag, value, "a registry host[:port]");
      }
      return ImageReference.normalizeRegistry(value.trim());
    }

    private static String mirrorName(String value, String flag) {
      if (value == null || value.isBlank()) {
        throw badFlag(flag, value, "a registry host[:port][/path]");
      }
      String mirror = value.trim();
      for (String scheme : List.of("https://", "http://")) {
        if (mirror.startsWith(scheme)) {
          mirror = mirror.substring(scheme.length());
        }
      }
      while (mirror.endsWith("/")) {
        mirror = mirror.substring(0, mirror.length() - 1);
      }
      return mirror;
    }

    private static int nonNegative(int value, String flag) {
      if (value < 0) {
        throw new IllegalArgumentException(flag + " must not be negative, got " + value);
      }
      return value;
    }
  }
}
