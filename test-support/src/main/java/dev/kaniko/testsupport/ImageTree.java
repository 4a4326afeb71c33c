package dev.kaniko.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The merged filesystem and the config of an image stored by {@code skopeo copy ... dir:DIR} (Docker
 * v2s2 or OCI manifest): layers applied in order with OCI whiteouts, contents hashed while streaming.
 */
public final class ImageTree {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  /** What a path is in the merged tree. */
  public enum Type { FILE, DIR, SYMLINK, CHAR, BLOCK, FIFO }

  /**
   * One path of the merged tree ({@code path} relative, no leading slash). A hard link is a
   * {@code FILE} carrying its target's content, with {@code hardlinkTo} naming the path it links to.
   */
  public record Entry(String path, Type type, int mode, long uid, long gid, long size, String sha256,
      String linkTarget, String hardlinkTo) {
    /** {@code "file 0644 0:0 5 sha256:..."}, {@code "dir 0755 0:0"}, {@code "symlink 0:0 -> t"}. */
    public String describe() {
      String owner = uid + ":" + gid;
      return switch (type) {
        case DIR -> "dir " + octal(mode) + " " + owner;
        case SYMLINK -> "symlink " + owner + " -> " + linkTarget;
        case FILE -> "file " + octal(mode) + " " + owner + " " + size + " " + sha256;
        default -> type.name().toLowerCase() + " " + octal(mode) + " " + owner;
      };
    }
  }

  private final Map<String, Entry> entries;
  private final JsonNode manifest;
  private final JsonNode config;

  private ImageTree(Map<String, Entry> entries, JsonNode manifest, JsonNode config) {
    this.entries = Collections.unmodifiableMap(entries);
    this.manifest = manifest;
    this.config = config;
  }

  /** Reads the image skopeo wrote to {@code dir} with the {@code dir:} transport. */
  public static ImageTree readDir(Path dir) {
    try {
      JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
      JsonNode config = JSON.readTree(blob(dir, manifest.path("config").path("digest").asText()).toFile());
      Map<String, Entry> tree = new TreeMap<>();
      for (JsonNode layer : manifest.path("layers")) {
        applyLayer(tree, blob(dir, layer.path("digest").asText()));
      }
      return new ImageTree(tree, manifest, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the image in " + dir, e);
    }
  }

  /** Every path, sorted. */
  public Map<String, Entry> entries() {
    return entries;
  }

  /** The entry at {@code path} (leading slash optional), or null. */
  public Entry entry(String path) {
    return entries.get(normalize(path));
  }

  /** The manifest as stored. */
  public JsonNode manifest() {
    return manifest;
  }

  /** The image config blob (its {@code config} member holds Env, Cmd...). */
  public JsonNode config() {
    return config;
  }

  /** {@code path -> describe()} of every entry. */
  public Map<String, String> describeAll() {
    Map<String, String> out = new TreeMap<>();
    entries.forEach((path, entry) -> out.put(path, entry.describe()));
    return out;
  }

  /** A layer path without leading {@code /} or {@code ./} and trailing {@code /}. */
  public static String normalize(String path) {
    String p = path;
    while (p.startsWith("/") || p.startsWith("./")) {
      p = p.startsWith("/") ? p.substring(1) : p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static Path blob(Path dir, String digest) {
    return dir.resolve(digest.substring(digest.indexOf(':') + 1));
  }

  /** Reads the whole layer's entries first, then applies its whiteouts to the lower layers, then its entries. */
  private static void applyLayer(Map<String, Entry> tree, Path layer) throws IOException {
    List<Entry> added = new ArrayList<>();
    List<String> opaque = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    Map<String, Entry> own = new TreeMap<>();
    try (InputStream raw = decompress(new BufferedInputStream(Files.newInputStream(layer)));
        TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String path = normalize(e.getName());
        if (path.isEmpty()) {
          continue;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        if (name.equals(OPAQUE)) {
          opaque.add(parent);
          continue;
        }
        if (name.startsWith(WHITEOUT)) {
          removed.add(join(parent, name.substring(WHITEOUT.length())));
          continue;
        }
        Entry entry = toEntry(path, e, tar, tree, own);
        own.put(path, entry);
        added.add(entry);
      }
    }
    for (String dir : opaque) {
      tree.keySet().removeIf(p -> isBelow(p, dir));
    }
    for (String path : removed) {
      tree.keySet().removeIf(p -> p.equals(path) || isBelow(p, path));
    }
    for (Entry entry : added) {
      Entry old = tree.get(entry.path());
      if (old != null && !(old.type() == Type.DIR && entry.type() == Type.DIR)) {
        tree.keySet().removeIf(p -> isBelow(p, entry.path()));
      }
      tree.put(entry.path(), entry);
    }
  }

  private static Entry toEntry(String path, TarArchiveEntry e, InputStream tar,
      Map<String, Entry> lower, Map<String, Entry> own) throws IOException {
    int mode = e.getMode() & 07777;
    long uid = e.getLongUserId();
    long gid = e.getLongGroupId();
    if (e.isLink()) {
      String target = normalize(e.getLinkName());
      Entry linked = own.containsKey(target) ? own.get(target) : lower.get(target);
      if (linked == null) {
        throw new IOException("hard link " + path + " to missing " + target);
      }
      return new Entry(path, linked.type(), linked.mode(), linked.uid(), linked.gid(), linked.size(),
          linked.sha256(), linked.linkTarget(), target);
    }
    if (e.isSymbolicLink()) {
      return new Entry(path, Type.SYMLINK, mode, uid, gid, 0, null, e.getLinkName(), null);
    }
    if (e.isDirectory()) {
      return new Entry(path, Type.DIR, mode, uid, gid, 0, null, null, null);
    }
    if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      Type type = e.isCharacterDevice() ? Type.CHAR : e.isBlockDevice() ? Type.BLOCK : Type.FIFO;
      return new Entry(path, type, mode, uid, gid, 0, null, null, null);
    }
    return new Entry(path, Type.FILE, mode, uid, gid, e.getSize(), hash(tar), null, null);
  }

  private static String hash(InputStream in) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    DigestInputStream hashing = new DigestInputStream(in, digest);
    byte[] buffer = new byte[64 * 1024];
    while (hashing.read(buffer) != -1) {
      // streaming: only the digest is kept
    }
    return "sha256:" + HexFormat.of().formatHex(digest.digest());
  }

  private static InputStream decompress(BufferedInputStream in) throws IOException {
    in.mark(4);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, 64 * 1024);
    }
    return in;
  }

  private static boolean isBelow(String path, String dir) {
    return dir.isEmpty() ? !path.isEmpty() : path.startsWith(dir + "/");
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "/" + name;
  }

  private static String octal(int mode) {
    return String.format("%04o", mode);
  }
}
