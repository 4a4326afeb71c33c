package dev.kaniko.plugins.context.s3;

import java.util.Locale;

/** The local file name of a downloaded context tarball (the host detects the compression itself). */
final class TarballNames {

  private TarballNames() {}

  /** {@code context.tar.gz} for gzip-looking keys, else {@code context.tar}. */
  static String forKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.endsWith(".gz") || lower.endsWith(".tgz") ? "context.tar.gz" : "context.tar";
  }
}
