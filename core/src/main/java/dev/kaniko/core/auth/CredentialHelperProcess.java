package dev.kaniko.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker-credential-<name> get} (the docker credential-helper protocol: server URL on stdin,
 * {@code {"Username","Secret"}} JSON on stdout), finding the executable on the given {@code PATH}.
 */
public final class CredentialHelperProcess {

  /** The server URL Docker Hub credentials are stored under. */
  public static final String DOCKER_HUB_SERVER_URL = "https://index.docker.io/v1/";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final Map<String, String> env;
  private final Duration timeout;

  /**
   * Creates the bridge to one helper.
   *
   * @param name the helper name as written in config.json ({@code gcr} for {@code docker-credential-gcr})
   * @param env environment of the helper process; its {@code PATH} locates the executable
   */
  public CredentialHelperProcess(String name, Map<String, String> env) {
    this(name, env, TIMEOUT);
  }

  CredentialHelperProcess(String name, Map<String, String> env, Duration timeout) {
    this.name = name;
    this.env = Map.copyOf(env);
    this.timeout = timeout;
  }

  /** The executable's name, {@code docker-credential-<name>}. */
  public String executable() {
    return "docker-credential-" + name;
  }

  /**
   * Asks the helper for a registry's credential.
   *
   * @param registry normalized registry name; Docker Hub is asked for {@value #DOCKER_HUB_SERVER_URL}
   * @return empty when the helper has no credential for it
   */
  public Optional<Credential> get(String registry) throws CredentialException {
    String serverUrl = registry.equals("docker.io") ? DOCKER_HUB_SERVER_URL : registry;
    Path program = locate();
    Process process = start(program);
    CompletableFuture<byte[]> stdout = readAsync(process.getInputStream());
    CompletableFuture<byte[]> stderr = readAsync(process.getErrorStream());
    writeServerUrl(process, serverUrl);
    int exit = waitFor(process);
    String out = new String(stdout.join(), StandardCharsets.UTF_8).trim();
    if (exit != 0) {
      if (out.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
        return Optional.empty();
      }
      String err = new String(stderr.join(), StandardCharsets.UTF_8).trim();
      throw new CredentialException(executable() + " get for " + serverUrl + " failed with exit code " + exit
          + firstLine(err.isEmpty() ? out : err));
    }
    return parse(out, serverUrl);
  }

  private Path locate() throws CredentialException {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, executable());
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new HelperNotInstalledException(name, "credential helper " + executable() + " not found on PATH (configured in"
        + " docker config.json); install it or remove it from credHelpers/credsStore");
  }

  private Process start(Path program) throws CredentialException {
    ProcessBuilder builder = new ProcessBuilder(List.of(program.toString(), "get"));
    builder.environment().clear();
    builder.environment().putAll(env);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new CredentialException("cannot run " + program + ": " + e.getMessage(), e);
    }
  }

  private static CompletableFuture<byte[]> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return stream.readAllBytes();
      } catch (IOException e) {
        return new byte[0];
      }
    });
  }

  private void writeServerUrl(Process process, String serverUrl) throws CredentialException {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write((serverUrl + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the helper may exit before reading stdin; its exit status tells what happened
    }
  }

  private int waitFor(Process process) throws CredentialException {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new CredentialException(executable() + " get did not finish within " + timeout.toSeconds() + "s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CredentialException("interrupted while running " + executable(), e);
    }
  }

  private Optional<Credential> parse(String out, String serverUrl) throws CredentialException {
    JsonNode reply;
    try {
      reply = JSON.readTree(out);
    } catch (IOException e) {
      throw new CredentialException(executable() + " get for " + serverUrl + " did not print JSON");
    }
    if (reply == null || !reply.isObject()) {
      throw new CredentialException(executable() + " get for " + serverUrl + " did not print a JSON object");
    }
    String username = reply.path("Username").asText("");
    String secret = reply.path("Secret").asText("");
    if (username.isEmpty() && secret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Credential(username, secret));
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.isEmpty() ? "" : ": " + line;
  }

  @Override
  public String toString() {
    return "CredentialHelperProcess{" + executable() + "}";
  }
}
