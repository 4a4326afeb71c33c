package dev.kaniko.core.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A root directory next to a sentinel directory "outside" (root/../outside), plus a fingerprint
 * of both the sentinel tree and the host's /etc/shadow (inode, links, mtime, content), to prove
 * nothing outside the root changed. (/etc itself is not fingerprinted: other processes on the
 * machine may legitimately change it while tests run.)
 */
final class Sandbox {
  static final Path SHADOW = Path.of("/etc/shadow");

  final Path root;
  final Path outside;

  Sandbox(Path base) throws IOException {
    root = Files.createDirectory(base.resolve("root"));
    outside = Files.createDirectory(base.resolve("outside"));
    Files.writeString(outside.resolve("sentinel"), "do not touch", StandardCharsets.UTF_8);
    Files.createDirectory(outside.resolve("dir"));
    Files.writeString(outside.resolve("dir/inner"), "inner", StandardCharsets.UTF_8);
  }

  ExtractResult extract(ExtractOptions options, byte[] tar) throws IOException {
    try (InputStream in = new ByteArrayInputStream(tar)) {
      return new TarExtractor(options).extract(in, root);
    }
  }

  /** Listing, types, modes, times and content hashes of the sentinel tree and /etc/shadow. */
  Map<String, String> outsideFingerprint() throws IOException {
    Map<String, String> print = new TreeMap<>(fingerprintTree(outside));
    if (Files.exists(SHADOW, LinkOption.NOFOLLOW_LINKS)) {
      print.put("/etc/shadow", describe(SHADOW));
    }
    return print;
  }

  static Map<String, String> fingerprintTree(Path dir) throws IOException {
    Map<String, String> print = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        print.put(dir.relativize(path).toString(), describe(path));
      }
    }
    return print;
  }

  static String describe(Path path) throws IOException {
    Map<String, Object> attrs = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
    String text = "mode=" + Integer.toOctalString((Integer) attrs.get("mode"))
        + " uid=" + attrs.get("uid") + " nlink=" + attrs.get("nlink") + " ino=" + attrs.get("ino")
        + " size=" + attrs.get("size") + " mtime=" + attrs.get("lastModifiedTime");
    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      text += " sha256=" + sha256(Files.readAllBytes(path));
    } else if (Files.isSymbolicLink(path)) {
      text += " -> " + Files.readSymbolicLink(path);
    }
    return text;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
