package dev.kaniko.core.registry;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams a blob into a file while hashing it, and only moves it into place when its digest and size match
 * the descriptor: a mismatch deletes the partial file and fails, never leaving a silently bad layer.
 */
public final class VerifyingBlobWriter {

  /** Writes a blob's bytes to a stream (a registry download, a cache read...). */
  @FunctionalInterface
  public interface BlobSource {
    /** Writes all of the blob to {@code out}. */
    void writeTo(OutputStream out) throws IOException, RegistryException;
  }

  private VerifyingBlobWriter() {}

  /**
   * Writes {@code source} to {@code target} (replacing it) if it matches {@code expected}.
   *
   * @param what names the blob in error messages, e.g. {@code layer sha256:... of host/repo:tag}
   * @throws RegistryException (DIGEST_MISMATCH) when digest or size differ
   */
  public static Path write(Descriptor expected, Path target, String what, BlobSource source)
      throws IOException, RegistryException {
    MessageDigest digest = newDigest(expected.digest());
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path partial = Files.createTempFile(dir, ".partial-", ".blob");
    try {
      long written;
      try (HashingOutputStream out = new HashingOutputStream(
          new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), digest)) {
        source.writeTo(out);
        out.flush();
        written = out.count();
      }
      check(expected, what, digest, written);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void check(Descriptor expected, String what, MessageDigest digest, long written)
      throws RegistryException {
    String actual = algorithm(expected.digest()) + ":" + HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(expected.digest())) {
      throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH,
          what + " has digest " + actual + " but " + expected.digest() + " was expected; refusing the download");
    }
    if (expected.size() > 0 && written != expected.size()) {
      throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH,
          what + " is " + written + " bytes but its descriptor says " + expected.size());
    }
  }

  static MessageDigest newDigest(String digest) throws RegistryException {
    String algorithm = algorithm(digest);
    String javaName = switch (algorithm) {
      case "sha256" -> "SHA-256";
      case "sha512" -> "SHA-512";
      default -> throw new RegistryException(RegistryException.Kind.UNSUPPORTED,
          "digest algorithm '" + algorithm + "' of " + digest + " is not supported");
    };
    try {
      return MessageDigest.getInstance(javaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(javaName + " missing from the JDK", e);
    }
  }

  private static String algorithm(String digest) {
    int colon = digest.indexOf(':');
    return colon < 0 ? digest : digest.substring(0, colon);
  }

  /** Hashes and counts everything written through it. */
  static final class HashingOutputStream extends FilterOutputStream {
    private final MessageDigest digest;
    private long count;

    HashingOutputStream(OutputStream out, MessageDigest digest) {
      super(out);
      this.digest = digest;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      digest.update(b, off, len);
      count += len;
    }

    long count() {
      return count;
    }
  }
}
