package dev.kaniko.core.rootfs;

/** The flags ask for a rootfs mode that is not allowed here; the message is one line for the user. */
public final class RootfsModeException extends Exception {
  public RootfsModeException(String message) {
    super(message);
  }
}
