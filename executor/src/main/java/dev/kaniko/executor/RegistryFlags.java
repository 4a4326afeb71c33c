package dev.kaniko.executor;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Pull-side registry flags shared by the executor and the warmer. */
final class RegistryFlags {
  @Option(names = "--insecure-pull", defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Pull images over plain HTTP.")
  boolean insecurePull;

  @Option(names = "--skip-tls-verify-pull", defaultValue = "false", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Pull images without TLS verification.")
  boolean skipTlsVerifyPull;

  @Option(names = "--insecure-registry", paramLabel = "REGISTRY",
      description = "Registry reached over plain HTTP (repeatable).")
  List<String> insecureRegistries = new ArrayList<>();

  @Option(names = "--skip-tls-verify-registry", paramLabel = "REGISTRY",
      description = "Registry reached without TLS verification (repeatable).")
  List<String> skipTlsVerifyRegistries = new ArrayList<>();

  @Option(names = "--registry-certificate", paramLabel = "REGISTRY=CA_FILE",
      description = "CA certificate for a registry (repeatable).")
  List<String> registryCertificates = new ArrayList<>();

  @Option(names = "--registry-client-cert", paramLabel = "REGISTRY=CERT,KEY",
      description = "Client certificate and key for mutual TLS with a registry (repeatable).")
  List<String> registryClientCerts = new ArrayList<>();

  @Option(names = "--registry-mirror", paramLabel = "MIRROR",
      description = "Mirror tried before docker.io, in order (repeatable).")
  List<String> registryMirrors = new ArrayList<>();

  @Option(names = "--registry-map", paramLabel = "ORIG=NEW[;ORIG2=NEW2]",
      description = "Remap registries (repeatable).")
  List<String> registryMaps = new ArrayList<>();

  @Option(names = "--skip-default-registry-fallback", defaultValue = "false", arity = "0..1",
      fallbackValue = "true", paramLabel = "BOOL", description = "Do not fall back to docker.io when the mirrors miss.")
  boolean skipDefaultRegistryFallback;
}
