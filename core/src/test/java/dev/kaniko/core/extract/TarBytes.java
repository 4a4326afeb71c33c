package dev.kaniko.core.extract;

/** Patches raw bytes in a built tar (same length, so PAX record lengths stay right). */
final class TarBytes {
  private TarBytes() {}

  static void replace(byte[] tar, byte[] placeholder, byte[] replacement) {
    if (placeholder.length != replacement.length) {
      throw new IllegalArgumentException("lengths differ");
    }
    for (int i = 0; i + placeholder.length <= tar.length; i++) {
      if (matches(tar, i, placeholder)) {
        System.arraycopy(replacement, 0, tar, i, replacement.length);
        return;
      }
    }
    throw new IllegalArgumentException("placeholder not found");
  }

  private static boolean matches(byte[] data, int at, byte[] pattern) {
    for (int k = 0; k < pattern.length; k++) {
      if (data[at + k] != pattern[k]) {
        return false;
      }
    }
    return true;
  }
}
