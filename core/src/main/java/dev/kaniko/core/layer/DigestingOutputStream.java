package dev.kaniko.core.layer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Passes bytes through while computing their sha256 and counting them. */
final class DigestingOutputStream extends FilterOutputStream {
  private final MessageDigest sha256;
  private long count;

  DigestingOutputStream(OutputStream out) {
    super(out);
    this.sha256 = newSha256();
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    sha256.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    sha256.update(b, off, len);
    count += len;
  }

  long count() {
    return count;
  }

  /** {@code sha256:<hex>}; call once, after the last write. */
  String digest() {
    return "sha256:" + HexFormat.of().formatHex(sha256.digest());
  }
}
