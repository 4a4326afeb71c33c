package dev.kaniko.core.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a docker {@code config.json} used for registry auth: {@code auths} (keys normalized to
 * host[:port]), {@code credHelpers} and {@code credsStore}.
 */
public final class DockerConfig {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Credential> auths;
  private final Map<String, String> credHelpers;
  private final String credsStore;

  DockerConfig(Map<String, Credential> auths, Map<String, String> credHelpers, String credsStore) {
    this.auths = Map.copyOf(auths);
    this.credHelpers = Map.copyOf(credHelpers);
    this.credsStore = credsStore;
  }

  /** A config with nothing in it (no file). */
  public static DockerConfig empty() {
    return new DockerConfig(Map.of(), Map.of(), null);
  }

  /**
   * Reads a config file; a missing file is an empty config.
   *
   * @throws CredentialException naming the file when it is not valid JSON or has a malformed entry
   */
  public static DockerConfig load(Path file) throws CredentialException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      throw new CredentialException("cannot read docker config " + file + ": " + e.getMessage(), e);
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw new CredentialException("invalid docker config " + file + ": " + oneLine(e), e);
    }
  }

  /** Parses config.json text. */
  static DockerConfig parse(String text) throws JsonProcessingException {
    JsonNode root = JSON.readTree(text);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the top level is not a JSON object");
    }
    Map<String, Credential> auths = new LinkedHashMap<>();
    root.path("auths").fields().forEachRemaining(entry -> parseAuth(entry.getKey(), entry.getValue())
        .ifPresent(credential -> auths.putIfAbsent(registryKey(entry.getKey()), credential)));
    Map<String, String> helpers = new LinkedHashMap<>();
    root.path("credHelpers").fields().forEachRemaining(
        entry -> helpers.put(registryKey(entry.getKey()), entry.getValue().asText()));
    String store = root.path("credsStore").asText("");
    return new DockerConfig(auths, helpers, store.isEmpty() ? null : store);
  }

  private static Optional<Credential> parseAuth(String key, JsonNode entry) {
    String identityToken = entry.path("identitytoken").asText("");
    if (!identityToken.isEmpty()) {
      return Optional.of(Credential.identityToken(identityToken));
    }
    String encoded = entry.path("auth").asText("");
    if (!encoded.isEmpty()) {
      return Optional.of(decodeAuth(key, encoded));
    }
    String username = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    if (!username.isEmpty() || !password.isEmpty()) {
      return Optional.of(new Credential(username, password));
    }
    return Optional.empty();
  }

  private static Credential decodeAuth(String key, String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the 'auth' of '" + key + "' is not base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("the 'auth' of '" + key + "' is not base64 of user:password");
    }
    return new Credential(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  /**
   * Normalizes a config key ({@code https://index.docker.io/v1/}, {@code http://host:5000/v2/}) to the
   * registry name used for lookups ({@code docker.io}, {@code host:5000}).
   */
  static String registryKey(String key) {
    String host = key.trim();
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    return switch (host) {
      case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> "docker.io";
      default -> host;
    };
  }

  /** The {@code auths} credential for a registry, if any. */
  public Optional<Credential> auth(String registry) {
    return Optional.ofNullable(auths.get(registry));
  }

  /** The helper name configured in {@code credHelpers} for a registry, if any. */
  public Optional<String> credHelper(String registry) {
    return Optional.ofNullable(credHelpers.get(registry));
  }

  /** The default helper ({@code credsStore}), if any. */
  public Optional<String> credsStore() {
    return Optional.ofNullable(credsStore);
  }

  private static String oneLine(Exception e) {
    String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  @Override
  public String toString() {
    return "DockerConfig{auths=" + auths.keySet() + ", credHelpers=" + credHelpers + ", credsStore=" + credsStore + "}";
  }
}
