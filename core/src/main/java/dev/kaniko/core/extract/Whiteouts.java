package dev.kaniko.core.extract;

import java.io.IOException;
import java.util.Set;

/**
 * Applies a layer's {@code .wh.<name>} and {@code .wh..wh..opq} entries to what lower layers
 * left, sparing the paths this layer wrote ({@code written}) and ignored paths.
 */
final class Whiteouts {
  static final String PREFIX = ".wh.";
  static final String OPAQUE = ".wh..wh..opq";

  private final RootResolver resolver;
  private final ExtractOptions options;
  private final TreeDeleter deleter;
  private final ExtractResult.Tally tally;
  private final Set<String> written;

  Whiteouts(RootResolver resolver, ExtractOptions options, TreeDeleter deleter,
      ExtractResult.Tally tally, Set<String> written) {
    this.resolver = resolver;
    this.options = options;
    this.deleter = deleter;
    this.tally = tally;
    this.written = written;
  }

  void apply(String name, ImagePath path) throws IOException {
    if (path.fileName().equals(OPAQUE)) {
      opaque(name, path);
    } else {
      delete(name, path, path.fileName().substring(PREFIX.length()));
    }
  }

  private void delete(String name, ImagePath path, String victim) throws IOException {
    if (victim.isEmpty() || victim.equals(".") || victim.equals("..")) {
      throw new ExtractionException(name, "whiteout of \"" + victim + "\" is not allowed");
    }
    tally.whiteouts++;
    RootResolver.Resolved parent = resolver.resolveDirectory(path.parent(), name, null);
    if (parent == null) {
      return;
    }
    ImagePath image = parent == RootResolver.IGNORED ? null : parent.image().child(victim);
    if (image == null || options.isIgnored(image.toString())) {
      tally.ignored++;
      return;
    }
    if (!written.contains(image.toString())) {
      deleter.delete(parent.host().resolve(victim), image);
    }
  }

  private void opaque(String name, ImagePath path) throws IOException {
    RootResolver.Resolved dir = resolver.resolveDirectory(path.parent(), name, null);
    if (dir == RootResolver.IGNORED) {
      tally.ignored++;
      return;
    }
    if (dir != null && dir.image().isRoot()) {
      throw new ExtractionException(name, "an opaque marker on the root is not allowed");
    }
    tally.opaqueDirectories++;
    if (dir == null) {
      return;
    }
    written.add(dir.image().toString());
    deleter.clearExcept(dir.host(), dir.image(), written);
  }
}
