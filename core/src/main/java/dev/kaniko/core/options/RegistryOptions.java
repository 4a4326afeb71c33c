package dev.kaniko.core.options;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registry access options shared by the executor and the warmer (pull side, mirrors, TLS). */
public final class RegistryOptions {
  private final boolean insecurePull;
  private final boolean skipTlsVerifyPull;
  private final List<String> insecureRegistries;
  private final List<String> skipTlsVerifyRegistries;
  private final Map<String, Path> registryCertificates;
  private final Map<String, String> registryClientCertificates;
  private final List<String> registryMirrors;
  private final Map<String, List<String>> registryMaps;
  private final boolean skipDefaultRegistryFallback;

  private RegistryOptions(Builder builder) {
    this.insecurePull = builder.insecurePull;
    this.skipTlsVerifyPull = builder.skipTlsVerifyPull;
    this.insecureRegistries = List.copyOf(builder.insecureRegistries);
    this.skipTlsVerifyRegistries = List.copyOf(builder.skipTlsVerifyRegistries);
    this.registryCertificates = Copies.map(builder.registryCertificates);
    this.registryClientCertificates = Copies.map(builder.registryClientCertificates);
    this.registryMirrors = List.copyOf(builder.registryMirrors);
    this.registryMaps = Copies.mapOfLists(builder.registryMaps);
    this.skipDefaultRegistryFallback = builder.skipDefaultRegistryFallback;
  }

  /** A builder holding kaniko's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** kaniko's defaults. */
  public static RegistryOptions defaults() {
    return builder().build();
  }

  public boolean insecurePull() {
    return insecurePull;
  }

  public boolean skipTlsVerifyPull() {
    return skipTlsVerifyPull;
  }

  public List<String> insecureRegistries() {
    return insecureRegistries;
  }

  public List<String> skipTlsVerifyRegistries() {
    return skipTlsVerifyRegistries;
  }

  /** Registry host to CA certificate file ({@code --registry-certificate registry=/path/ca.crt}). */
  public Map<String, Path> registryCertificates() {
    return registryCertificates;
  }

  /** Registry host to {@code /path/cert,/path/key} ({@code --registry-client-cert}). */
  public Map<String, String> registryClientCertificates() {
    return registryClientCertificates;
  }

  public List<String> registryMirrors() {
    return registryMirrors;
  }

  /** Original registry to its replacements, in order ({@code --registry-map}). */
  public Map<String, List<String>> registryMaps() {
    return registryMaps;
  }

  public boolean skipDefaultRegistryFallback() {
    return skipDefaultRegistryFallback;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RegistryOptions
        && components().equals(((RegistryOptions) other).components());
  }

  @Override
  public int hashCode() {
    return components().hashCode();
  }

  private List<Object> components() {
    return Arrays.asList(insecurePull, skipTlsVerifyPull, insecureRegistries,
        skipTlsVerifyRegistries, registryCertificates, registryClientCertificates,
        registryMirrors, registryMaps, skipDefaultRegistryFallback);
  }

  @Override
  public String toString() {
    return "RegistryOptions{insecurePull=" + insecurePull
        + ", skipTlsVerifyPull=" + skipTlsVerifyPull
        + ", insecureRegistries=" + insecureRegistries
        + ", skipTlsVerifyRegistries=" + skipTlsVerifyRegistries
        + ", registryCertificates=" + registryCertificates
        + ", registryClientCertificates=" + registryClientCertificates
        + ", registryMirrors=" + registryMirrors
        + ", registryMaps=" + registryMaps
        + ", skipDefaultRegistryFallback=" + skipDefaultRegistryFallback + '}';
  }

  /** Mutable builder; starts from kaniko's defaults. */
  public static final class Builder {
    private boolean insecurePull;
    private boolean skipTlsVerifyPull;
    private List<String> insecureRegistries = List.of();
    private List<String> skipTlsVerifyRegistries = List.of();
    private Map<String, Path> registryCertificates = new LinkedHashMap<>();
    private Map<String, String> registryClientCertificates = new LinkedHashMap<>();
    private List<String> registryMirrors = List.of();
    private Map<String, List<String>> registryMaps = new LinkedHashMap<>();
    private boolean skipDefaultRegistryFallback;

    private Builder() {}

    public Builder insecurePull(boolean value) {
      this.insecurePull = value;
      return this;
    }

    public Builder skipTlsVerifyPull(boolean value) {
      this.skipTlsVerifyPull = value;
      return this;
    }

    public Builder insecureRegistries(List<String> value) {
      this.insecureRegistries = value;
      return this;
    }

    public Builder skipTlsVerifyRegistries(List<String> value) {
      this.skipTlsVerifyRegistries = value;
      return this;
    }

    public Builder registryCertificates(Map<String, Path> value) {
      this.registryCertificates = value;
      return this;
    }

    public Builder registryClientCertificates(Map<String, String> value) {
      this.registryClientCertificates = value;
      return this;
    }

    public Builder registryMirrors(List<String> value) {
      this.registryMirrors = value;
      return this;
    }

    public Builder registryMaps(Map<String, List<String>> value) {
      this.registryMaps = value;
      return this;
    }

    public Builder skipDefaultRegistryFallback(boolean value) {
      this.skipDefaultRegistryFallback = value;
      return this;
    }

    public RegistryOptions build() {
      return new RegistryOptions(this);
    }
  }
}
