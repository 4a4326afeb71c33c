package dev.kaniko.core.snapshot;

import dev.kaniko.spi.ChangeSet;
import dev.kaniko.spi.FileTreeView;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.SnapshotStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A real directory tree used as a stage root, with the file operations a build step performs. */
final class TestTree {

  final Path root;
  final FileTreeView view;

  TestTree(Path root, String... ignored) {
    this.root = root;
    this.view = new PrefixIgnoringTreeView(root, List.of(ignored));
  }

  Path path(String rel) {
    return root.resolve(rel);
  }

  TestTree write(String rel, String content) throws IOException {
    Path file = path(rel);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return this;
  }

  TestTree mkdir(String rel) throws IOException {
    Files.createDirectories(path(rel));
    return this;
  }

  TestTree symlink(String rel, String target) throws IOException {
    Files.createSymbolicLink(path(rel), Path.of(target));
    return this;
  }

  TestTree hardlink(String rel, String existing) throws IOException {
    Files.createLink(path(rel), path(existing));
    return this;
  }

  /** Rewrites a file and puts its modification time back, like {@code touch -d} after an edit. */
  TestTree rewriteKeepingMtime(String rel, String content) throws IOException {
    FileTime mtime = mtime(rel);
    Files.writeString(path(rel), content);
    setMtime(rel, mtime);
    return this;
  }

  FileTime mtime(String rel) throws IOException {
    return Files.getLastModifiedTime(path(rel), LinkOption.NOFOLLOW_LINKS);
  }

  TestTree setMtime(String rel, FileTime time) throws IOException {
    Files.getFileAttributeView(path(rel), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setTimes(time, null, null);
    return this;
  }

  TestTree chmod(String rel, String permissions) throws IOException {
    Files.setPosixFilePermissions(path(rel), PosixFilePermissions.fromString(permissions));
    return this;
  }

  TestTree chown(String rel, int uid, int gid) throws IOException {
    Files.setAttribute(path(rel), "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(path(rel), "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    return this;
  }

  TestTree delete(String rel) throws IOException {
    try (Stream<Path> all = Files.walk(path(rel))) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    return this;
  }

  ChangeSet diff(SnapshotStrategy strategy, String... declared) throws PluginException {
    return strategy.diff(view, List.of(declared));
  }

  /** Lets the file system clock move on, so a later write gets a later timestamp than earlier ones. */
  static void tick() throws InterruptedException {
    Thread.sleep(20);
  }
}
