package dev.kaniko.core.extract;

import java.io.IOException;

/** A tar entry that was refused (unsafe or unsupported) or could not be written; names the entry. */
public final class ExtractionException extends IOException {
  private final String entryName;

  ExtractionException(String entryName, String reason) {
    super("tar entry \"" + entryName + "\": " + reason);
    this.entryName = entryName;
  }

  ExtractionException(String entryName, String reason, Throwable cause) {
    super("tar entry \"" + entryName + "\": " + reason, cause);
    this.entryName = entryName;
  }

  /** The entry name exactly as it appears in the archive. */
  public String entryName() {
    return entryName;
  }
}
