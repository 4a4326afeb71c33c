package dev.kaniko.core.copy;

/** A numeric owner of copied files. */
public record Ownership(int uid, int gid) {
  /** root:root, the owner of files copied from the build context without --chown. */
  public static final Ownership ROOT = new Ownership(0, 0);
}
