package dev.kaniko.core.image;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Passes bytes through while digesting and counting them (one streaming pass, nothing buffered). */
public final class DigestingOutputStream extends FilterOutputStream {
  private final String algorithm;
  private final MessageDigest digest;
  private long count;

  /** Digests with sha256. */
  public DigestingOutputStream(OutputStream out) {
    this(out, "sha256");
  }

  /**
   * Digests with a registry algorithm ({@code sha256}, {@code sha512}).
   *
   * @throws IllegalArgumentException for other algorithms
   */
  public DigestingOutputStream(OutputStream out, String algorithm) {
    super(out);
    this.algorithm = algorithm;
    this.digest = Digests.newMessageDigest(algorithm);
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

  /** Bytes written so far. */
  public long count() {
    return count;
  }

  /** {@code algorithm:hex}; call once, after the last write. */
  public String digest() {
    return Digests.format(algorithm, digest.digest());
  }
}
