package dev.kaniko.core.rootfs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides between in-place and chroot mode from {@code --rootfs}, {@code --force} and whether we run
 * inside a container.
 *
 * <ul>
 *   <li>{@code --rootfs DIR} (not {@code /}): chroot into DIR, inside a container or not;
 *   <li>{@code --rootfs /}, or no {@code --rootfs} inside a container: in place (by default only
 *       inside the executor image, see {@link #decide(Optional, boolean, boolean)});
 *   <li>outside a container, in place only with {@code --force} (kaniko's rule): {@code --rootfs /}
 *       without it is an error, and without {@code --rootfs} the default is chroot into a fresh
 *       directory from the supplier.
 * </ul>
 */
public final class RootfsModeResolver {
  static final String NOT_IN_CONTAINER =
      "kaniko should only be run inside of a container, run with the --force flag if you are sure you"
          + " want to continue, or give --rootfs DIR to build in chroot mode";

  private static final Path SLASH = Path.of("/");

  private final ContainerDetector detector;
  private final Supplier<Path> defaultChrootDir;

  /**
   * @param defaultChrootDir makes the chroot directory when none is given outside a container
   */
  public RootfsModeResolver(ContainerDetector detector, Supplier<Path> defaultChrootDir) {
    this.detector = detector;
    this.defaultChrootDir = defaultChrootDir;
  }

  public RootfsDecision decide(Optional<Path> rootfsFlag, boolean force) throws RootfsModeException {
    return decide(rootfsFlag, force, true);
  }

  /**
   * As {@link #decide(Optional, boolean)}, but without {@code --rootfs} and {@code --force} a
   * container only means in place when {@code fromExecutorImage} (the executor runs from its own
   * image, its distribution inside the kaniko dir): emptying {@code /} of any other container (a CI
   * job's, kaniko #1870) is never a default; chroot mode is.
   */
  public RootfsDecision decide(Optional<Path> rootfsFlag, boolean force, boolean fromExecutorImage)
      throws RootfsModeException {
    Optional<String> evidence = detector.evidence();
    if (rootfsFlag.isEmpty() && !force && evidence.isPresent() && !fromExecutorImage) {
      Path dir = defaultChrootDir.get().toAbsolutePath().normalize();
      return new RootfsDecision(RootfsMode.CHROOT, dir, "inside a container (" + evidence.get()
          + ") but not the executor image: chroot mode by default (--rootfs / builds in place)");
    }
    if (rootfsFlag.isPresent() && !isSlash(rootfsFlag.get())) {
      Path dir = rootfsFlag.get().toAbsolutePath().normalize();
      return new RootfsDecision(RootfsMode.CHROOT, dir, "--rootfs " + dir);
    }
    if (evidence.isPresent()) {
      return new RootfsDecision(RootfsMode.IN_PLACE, SLASH, "inside a container: " + evidence.get());
    }
    if (force) {
      return new RootfsDecision(RootfsMode.IN_PLACE, SLASH, "--force outside a container");
    }
    if (rootfsFlag.isPresent()) {
      throw new RootfsModeException(NOT_IN_CONTAINER);
    }
    Path dir = defaultChrootDir.get().toAbsolutePath().normalize();
    return new RootfsDecision(RootfsMode.CHROOT, dir, "outside a container: chroot mode by default");
  }

  private static boolean isSlash(Path path) {
    return path.toAbsolutePath().normalize().equals(SLASH);
  }
}
