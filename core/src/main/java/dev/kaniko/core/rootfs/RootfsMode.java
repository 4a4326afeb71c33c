package dev.kaniko.core.rootfs;

/** Where the build's filesystem lives and how RUN reaches it. */
public enum RootfsMode {
  /** The rootfs is {@code /}: kaniko's mode, inside the executor image. */
  IN_PLACE,
  /** The rootfs is a directory; RUN runs chrooted into it in a private mount namespace. */
  CHROOT
}
