package dev.kaniko.core.image;

import java.util.Arrays;

/** The exact bytes of a JSON blob (config, manifest, index) and their sha256 digest. */
public record SerializedJson(byte[] bytes, String digest) {

  public SerializedJson {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public long size() {
    return bytes.length;
  }

  public String digestHex() {
    return digest.substring("sha256:".length());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SerializedJson s && s.digest.equals(digest)
        && Arrays.equals(s.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return "SerializedJson[" + digest + ", " + bytes.length + " bytes]";
  }
}
