package dev.kaniko.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content digests in the {@code algorithm:hex} form registries use ({@code sha256:...}). */
public final class Digests {

  private Digests() {}

  /** The sha256 digest of some bytes. */
  public static String sha256(byte[] bytes) {
    return format("sha256", newMessageDigest("sha256").digest(bytes));
  }

  /** The sha256 digest of a file, streamed. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest = newMessageDigest("sha256");
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return format("sha256", digest.digest());
  }

  /** The algorithm part of {@code algorithm:hex} (the whole string when it has no colon). */
  public static String algorithm(String digest) {
    int colon = digest.indexOf(':');
    return colon < 0 ? digest : digest.substring(0, colon);
  }

  /**
   * A fresh message digest for a registry algorithm name.
   *
   * @throws IllegalArgumentException for algorithms other than sha256 and sha512
   */
  public static MessageDigest newMessageDigest(String algorithm) {
    String javaName = switch (algorithm) {
      case "sha256" -> "SHA-256";
      case "sha512" -> "SHA-512";
      default -> throw new IllegalArgumentException("digest algorithm '" + algorithm + "' is not supported");
    };
    try {
      return MessageDigest.getInstance(javaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(javaName + " missing from the JDK", e);
    }
  }

  /** {@code algorithm:hex} of a finished digest. */
  public static String format(String algorithm, byte[] digest) {
    return algorithm + ":" + HexFormat.of().formatHex(digest);
  }
}
