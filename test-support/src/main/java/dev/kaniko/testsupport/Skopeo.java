package dev.kaniko.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Runs the real {@code skopeo} binary (copy, inspect, raw manifest) with an accept-anything signature policy
 * and explicit per-registry TLS and credentials, so the host's containers config never matters.
 * Credentials go through a temporary 0600 auth file, never the command line.
 */
public final class Skopeo {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommandRunner runner;

  public Skopeo() {
    this(CommandRunner.create());
  }

  public Skopeo(CommandRunner runner) {
    this.runner = runner;
  }

  /** {@code docker://<reference>}. */
  public static String docker(String reference) {
    return "docker://" + reference;
  }

  /** {@code oci:<layout>:<tag>}. */
  public static String ociLayout(Path layout, String tag) {
    return "oci:" + layout.toAbsolutePath() + ":" + tag;
  }

  /** Starts describing a copy; finish with {@link Copy#run()}. */
  public Copy copy(String source, String destination) {
    return new Copy(source, destination);
  }

  /** {@code skopeo inspect} (for an index: the host platform's image). */
  public JsonNode inspect(String image, RegistryAccess access) {
    return parse(runWithAccess(List.of("inspect"), image, access, ""));
  }

  /** {@code skopeo inspect --config}: the image's config blob. */
  public JsonNode inspectConfig(String image, RegistryAccess access) {
    return parse(runWithAccess(List.of("inspect", "--config"), image, access, ""));
  }

  /** The manifest (or index) exactly as stored. */
  public String rawManifest(String image, RegistryAccess access) {
    return runWithAccess(List.of("inspect", "--raw"), image, access, "");
  }

  /** {@code sha256:<hex>} of the raw manifest. */
  public String manifestDigest(String image, RegistryAccess access) {
    return sha256(rawManifest(image, access).getBytes(StandardCharsets.UTF_8));
  }

  /** Runs skopeo with raw arguments, without failing on a non-zero exit (for negative tests). */
  public CommandResult tryRun(List<String> args) {
    try (Session session = new Session()) {
      return runner.run(session.command(args));
    }
  }

  static String sha256(byte[] data) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String runWithAccess(List<String> verb, String image, RegistryAccess access, String prefix) {
    try (Session session = new Session()) {
      List<String> args = new ArrayList<>(verb);
      args.addAll(session.accessFlags(prefix, access));
      args.add(image);
      return checked(session, args).stdout();
    }
  }

  private CommandResult checked(Session session, List<String> args) {
    return runner.masking(session.secrets()).runChecked(session.command(args));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("skopeo printed invalid JSON", e);
    }
  }

  /** One {@code skopeo copy}; every option is optional. */
  public final class Copy {
    private final String source;
    private final String destination;
    private RegistryAccess sourceAccess;
    private RegistryAccess destinationAccess;
    private ImageFormat format;
    private boolean all;
    private boolean preserveDigests;

    private Copy(String source, String destination) {
      this.source = source;
      this.destination = destination;
    }

    public Copy sourceAccess(RegistryAccess access) {
      this.sourceAccess = access;
      return this;
    }

    public Copy destinationAccess(RegistryAccess access) {
      this.destinationAccess = access;
      return this;
    }

    /** Converts manifests to this format ({@code --format}). */
    public Copy format(ImageFormat newFormat) {
      this.format = newFormat;
      return this;
    }

    /** Copies every image of an index ({@code --all}). */
    public Copy all() {
      this.all = true;
      return this;
    }

    public Copy preserveDigests() {
      this.preserveDigests = true;
      return this;
    }

    /** Runs the copy and returns the digest of the manifest (or index) written at the destination. */
    public String run() {
      CommandResult result = attempt(true);
      return result.stdout().strip();
    }

    /** Runs the copy and returns the result even when it failed (for negative tests). */
    public CommandResult tryRun() {
      return attempt(false);
    }

    private CommandResult attempt(boolean failOnError) {
      try (Session session = new Session()) {
        Path digestFile = session.dir().resolve("digest");
        List<String> args = new ArrayList<>(List.of("copy", "--quiet", "--digestfile", digestFile.toString()));
        args.addAll(session.accessFlags("src-", sourceAccess));
        args.addAll(session.accessFlags("dest-", destinationAccess));
        if (format != null) {
          args.addAll(List.of("--format", format.skopeoName()));
        }
        if (all) {
          args.add("--all");
        }
        if (preserveDigests) {
          args.add("--preserve-digests");
        }
        args.add(source);
        args.add(destination);
        CommandRunner masked = runner.masking(session.secrets());
        CommandResult result = failOnError ? masked.runChecked(session.command(args))
            : masked.run(session.command(args));
        if (!result.succeeded()) {
          return new CommandResult(result.command(), result.exitCode(), result.stdout(),
              masked.mask(result.stderr()));
        }
        return new CommandResult(result.command(), 0, read(digestFile), result.stderr());
      }
    }

    private String read(Path file) {
      try {
        return Files.exists(file) ? Files.readString(file) : "";
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A temporary directory holding the policy, cert dirs and auth files of one skopeo invocation. */
  private static final class Session implements AutoCloseable {
    private final Path dir = TempDirs.create("kaniko-skopeo-");
    private final List<String> secrets = new ArrayList<>();

    Path dir() {
      return dir;
    }

    String[] secrets() {
      return secrets.toArray(String[]::new);
    }

    List<String> command(List<String> args) {
      Path policy = dir.resolve("policy.json");
      write(policy, "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}");
      List<String> command = new ArrayList<>(List.of("skopeo", "--policy", policy.toString()));
      command.addAll(args);
      return command;
    }

    /** Flags for one side: {@code prefix} is "src-", "dest-" or "" (inspect). Null access: no flags (oci:, dir:). */
    List<String> accessFlags(String prefix, RegistryAccess access) {
      if (access == null) {
        return List.of();
      }
      List<String> flags = new ArrayList<>();
      flags.add("--" + prefix + "tls-verify=" + access.tls());
      access.caCert().ifPresent(ca -> flags.addAll(List.of("--" + prefix + "cert-dir", certDir(prefix, ca))));
      if (access.hasCredentials()) {
        secrets.add(access.password().orElseThrow());
        Path authFile = dir.resolve(prefix + "auth.json");
        DockerConfigBuilder.create()
            .auth(access.host(), access.username().orElseThrow(), access.password().orElseThrow())
            .writeFile(authFile);
        flags.addAll(List.of("--" + prefix + "authfile", authFile.toString()));
      } else {
        flags.add("--" + prefix + "no-creds");
      }
      return flags;
    }

    private String certDir(String prefix, Path ca) {
      Path certs = dir.resolve(prefix + "certs");
      try {
        Files.createDirectories(certs);
        Files.copy(ca, certs.resolve("ca.crt"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return certs.toString();
    }

    private static void write(Path file, String content) {
      try {
        Files.writeString(file, content);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      TempDirs.deleteRecursively(dir);
    }
  }
}
