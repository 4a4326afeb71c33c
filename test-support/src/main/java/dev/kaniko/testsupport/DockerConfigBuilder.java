package dev.kaniko.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@code DOCKER_CONFIG} directory: {@code config.json} with {@code auths}, {@code credHelpers}
 * and {@code credsStore}, as docker, kaniko and skopeo read it.
 */
public final class DockerConfigBuilder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> auths = new LinkedHashMap<>();
  private final Map<String, String> credHelpers = new LinkedHashMap<>();
  private String credsStore;

  public static DockerConfigBuilder create() {
    return new DockerConfigBuilder();
  }

  /** Adds {@code auths[registry].auth = base64(username:password)}. */
  public DockerConfigBuilder auth(String registry, String username, String password) {
    String pair = username + ":" + password;
    auths.put(registry, Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** Adds {@code credHelpers[registry] = helper} (runs {@code docker-credential-<helper>}). */
  public DockerConfigBuilder credHelper(String registry, String helper) {
    credHelpers.put(registry, helper);
    return this;
  }

  public DockerConfigBuilder credsStore(String helper) {
    this.credsStore = helper;
    return this;
  }

  /** The config.json content. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode authsNode = root.putObject("auths");
    auths.forEach((registry, auth) -> authsNode.putObject(registry).put("auth", auth));
    if (!credHelpers.isEmpty()) {
      ObjectNode helpers = root.putObject("credHelpers");
      credHelpers.forEach(helpers::put);
    }
    if (credsStore != null) {
      root.put("credsStore", credsStore);
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code dir/config.json} (mode 0600) and returns {@code dir}, ready to be used as DOCKER_CONFIG. */
  public Path writeTo(Path dir) {
    Path file = writeFile(dir.resolve("config.json"));
    return file.getParent();
  }

  /** Writes the config to exactly {@code file} (mode 0600), e.g. as a skopeo/podman auth file. */
  public Path writeFile(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, toJson());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "DockerConfigBuilder{auths=" + auths.keySet() + ", credHelpers=" + credHelpers + ", credsStore="
        + credsStore + "}";
  }
}
