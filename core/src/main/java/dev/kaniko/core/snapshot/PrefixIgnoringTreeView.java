package dev.kaniko.core.snapshot;

import dev.kaniko.spi.FileTreeView;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** A {@link FileTreeView} that ignores a fixed list of image paths and everything below them. */
public final class PrefixIgnoringTreeView implements FileTreeView {

  private final Path root;
  private final List<String> ignored;

  /**
   * Creates a view.
   *
   * @param root the directory that is {@code /} of the image
   * @param ignoredPaths absolute image paths to leave out, e.g. {@code /proc}
   */
  public PrefixIgnoringTreeView(Path root, Collection<String> ignoredPaths) {
    this.root = root;
    this.ignored = ignoredPaths.stream().map(ImagePaths::normalize).toList();
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public boolean isIgnored(String imagePath) {
    for (String prefix : ignored) {
      if (ImagePaths.isUnder(imagePath, prefix)) {
        return true;
      }
    }
    return false;
  }
}
