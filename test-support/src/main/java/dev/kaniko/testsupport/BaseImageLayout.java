package dev.kaniko.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Builds (once) the OCI image layout holding every base-image fixture, with umoci only: tags {@code busybox},
 * {@code empty} and {@code multi} (an image index). Cached on disk under a fingerprint of its inputs.
 */
final class BaseImageLayout {

  /** Bump when the recipe below changes, so stale cached layouts are not reused. */
  private static final String RECIPE_VERSION = "1";

  static final String BUSYBOX = "busybox";
  static final String EMPTY = "empty";
  static final String MULTI = "multi";
  static final String PLATFORM_MARKER = "etc/kaniko-platform";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Umoci umoci;
  private final CommandRunner runner;

  BaseImageLayout(Umoci umoci, CommandRunner runner) {
    this.umoci = umoci;
    this.runner = runner;
  }

  /** Returns the cached layout under {@code cacheRoot}, building it first if needed. */
  Path obtain(Path cacheRoot) {
    Path busybox = BusyboxRootfs.hostBusybox();
    String fingerprint = Skopeo.sha256((RECIPE_VERSION + "|" + HostPlatform.architecture() + "|"
        + fileDigest(busybox)).getBytes(StandardCharsets.UTF_8)).substring("sha256:".length(), 23);
    Path layout = cacheRoot.resolve("layout-" + fingerprint);
    if (Files.exists(layout.resolve("index.json"))) {
      return layout;
    }
    Path work = createDirectories(cacheRoot).resolve("build-" + ProcessHandle.current().pid() + "-"
        + System.nanoTime());
    try {
      build(work, busybox);
      publish(work.resolve("layout"), layout);
      return layout;
    } finally {
      TempDirs.deleteRecursively(work);
    }
  }

  private void build(Path work, Path busybox) {
    if (!HostPlatform.isRoot()) {
      throw new IllegalStateException("building the base-image fixtures needs root (files owned by uid 1000); "
          + "run the tests as root");
    }
    Path layout = work.resolve("layout");
    umoci.init(layout);
    buildBusybox(layout, work.resolve("busybox-rootfs"), busybox);
    buildEmpty(layout, work.resolve("empty-rootfs"));
    buildMulti(layout, work);
  }

  private void buildBusybox(Path layout, Path rootfs, Path busybox) {
    new BusyboxRootfs(busybox, runner).writeTo(createDirectories(rootfs));
    umoci.newImage(layout, BUSYBOX);
    umoci.insert(layout, BUSYBOX, rootfs, "/");
    umoci.config(layout, BUSYBOX, "--os", "linux", "--architecture", HostPlatform.architecture(),
        "--config.cmd", "sh", "--config.env", "PATH=" + BusyboxRootfs.PATH,
        "--history.created_by", "kaniko test fixture: busybox-static rootfs");
  }

  private void buildEmpty(Path layout, Path rootfs) {
    write(createDirectories(rootfs.resolve("etc")).resolve("kaniko-base"), "empty\n");
    umoci.newImage(layout, EMPTY);
    umoci.insert(layout, EMPTY, rootfs, "/");
    umoci.config(layout, EMPTY, "--os", "linux", "--architecture", HostPlatform.architecture());
  }

  /** Host arch: busybox plus a marker layer; the other arch: only a marker (it need not run). */
  private void buildMulti(Path layout, Path work) {
    String host = HostPlatform.architecture();
    String other = HostPlatform.otherArchitecture();
    umoci.tag(layout, BUSYBOX, "multi-" + host);
    umoci.insert(layout, "multi-" + host, markerDir(work.resolve("marker-" + host), host), "/");
    umoci.newImage(layout, "multi-" + other);
    umoci.insert(layout, "multi-" + other, markerDir(work.resolve("marker-" + other), other), "/");
    umoci.config(layout, "multi-" + other, "--os", "linux", "--architecture", other, "--config.cmd", "sh",
        "--config.env", "PATH=" + BusyboxRootfs.PATH);
    addIndex(layout, MULTI, "multi-" + host, host, "multi-" + other, other);
  }

  private Path markerDir(Path dir, String arch) {
    write(createDirectories(dir.resolve("etc")).resolve("kaniko-platform"), "linux/" + arch + "\n");
    return dir;
  }

  /** Writes an OCI image index blob over two tagged manifests and tags it {@code tag} in index.json. */
  private void addIndex(Path layout, String tag, String firstTag, String firstArch, String secondTag,
      String secondArch) {
    ObjectNode top = (ObjectNode) readJson(layout.resolve("index.json"));
    ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", ImageFormat.OCI.indexMediaType());
    ArrayNode manifests = index.putArray("manifests");
    manifests.add(platformEntry(top, firstTag, firstArch));
    manifests.add(platformEntry(top, secondTag, secondArch));
    byte[] blob = index.toString().getBytes(StandardCharsets.UTF_8);
    String digest = Skopeo.sha256(blob);
    try {
      Files.write(layout.resolve("blobs/sha256/" + digest.substring("sha256:".length())), blob);
      ObjectNode descriptor = ((ArrayNode) top.get("manifests")).addObject()
          .put("mediaType", ImageFormat.OCI.indexMediaType()).put("digest", digest).put("size", blob.length);
      descriptor.putObject("annotations").put("org.opencontainers.image.ref.name", tag);
      Files.writeString(layout.resolve("index.json"), top.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode platformEntry(JsonNode top, String tag, String arch) {
    for (JsonNode descriptor : top.get("manifests")) {
      if (tag.equals(descriptor.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
        ObjectNode entry = JSON.createObjectNode()
            .put("mediaType", descriptor.get("mediaType").asText())
            .put("digest", descriptor.get("digest").asText())
            .put("size", descriptor.get("size").asLong());
        entry.putObject("platform").put("architecture", arch).put("os", "linux");
        return entry;
      }
    }
    throw new IllegalStateException("tag " + tag + " missing from the fixture layout");
  }

  /** Moves the finished layout into place; if another JVM won the race, its layout is kept. */
  private static void publish(Path built, Path target) {
    try {
      Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      // built concurrently by another test JVM: same recipe, same inputs
    } catch (AtomicMoveNotSupportedException e) {
      throw new IllegalStateException("cannot publish the fixture layout to " + target, e);
    } catch (IOException e) {
      if (!Files.exists(target.resolve("index.json"))) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String fileDigest(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path createDirectories(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
