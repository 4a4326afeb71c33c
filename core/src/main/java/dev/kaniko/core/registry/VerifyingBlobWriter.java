package dev.kaniko.core.registry;

import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.DigestingOutputStream;
import dev.kaniko.core.image.Digests;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
    String algorithm = supportedAlgorithm(expected.digest());
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path partial = Files.createTempFile(dir, ".partial-", ".blob");
    try {
      DigestingOutputStream out = new DigestingOutputStream(
          new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), algorithm);
      try (out) {
        source.writeTo(out);
        out.flush();
      }
      check(expected, what, out.digest(), out.count());
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void check(Descriptor expected, String what, String actual, long written)
      throws RegistryException {
    if (!actual.equals(expected.digest())) {
      throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH,
          what + " has digest " + actual + " but " + expected.digest() + " was expected; refusing the download");
    }
    if (expected.size() > 0 && written != expected.size()) {
      throw new RegistryException(RegistryException.Kind.DIGEST_MISMATCH,
          what + " is " + written + " bytes but its descriptor says " + expected.size());
    }
  }

  private static String supportedAlgorithm(String digest) throws RegistryException {
    String algorithm = Digests.algorithm(digest);
    try {
      Digests.newMessageDigest(algorithm);
      return algorithm;
    } catch (IllegalArgumentException e) {
      throw new RegistryException(RegistryException.Kind.UNSUPPORTED,
          "digest algorithm '" + algorithm + "' of " + digest + " is not supported");
    }
  }
}
