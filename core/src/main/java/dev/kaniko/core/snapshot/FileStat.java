package dev.kaniko.core.snapshot;

/**
 * The result of one {@code lstat}: everything a strategy may compare, in primitives.
 *
 * @param mode full {@code st_mode} (type bits, set-id and sticky bits, permissions)
 * @param uid owner user id
 * @param gid owner group id
 * @param size size in bytes
 * @param mtimeNanos modification time, nanoseconds since the epoch
 * @param ctimeNanos status change time, nanoseconds since the epoch
 * @param inode inode number
 * @param device id of the device holding the file
 * @param nlink hard link count
 * @param rdev device id for character and block devices, else 0
 */
public record FileStat(
    int mode, int uid, int gid, long size, long mtimeNanos, long ctimeNanos, long inode, long device, int nlink, long rdev) {

  static final int TYPE_MASK = 0170000;
  static final int DIRECTORY = 0040000;
  static final int REGULAR = 0100000;
  static final int SYMLINK = 0120000;

  /** The file type bits of {@link #mode}. */
  public int type() {
    return mode & TYPE_MASK;
  }

  /** Whether this is a directory (never a link to one). */
  public boolean isDirectory() {
    return type() == DIRECTORY;
  }

  /** Whether this is a regular file. */
  public boolean isRegularFile() {
    return type() == REGULAR;
  }

  /** Whether this is a symbolic link. */
  public boolean isSymbolicLink() {
    return type() == SYMLINK;
  }

  /** Whether mode, owner and modification time are equal (kaniko's metadata part of a file hash). */
  boolean sameModeOwnerMtime(FileStat other) {
    return mode == other.mode && uid == other.uid && gid == other.gid && mtimeNanos == other.mtimeNanos;
  }

  /** Whether the inode sits at the same place (same device and inode number). */
  boolean sameInode(FileStat other) {
    return inode == other.inode && device == other.device;
  }
}
