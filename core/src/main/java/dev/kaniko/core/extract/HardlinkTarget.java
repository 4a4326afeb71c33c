package dev.kaniko.core.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * The existing file a hardlink entry points at: its name is normalised like an entry name, its
 * parents resolved inside the root; it must exist and must not be a directory.
 */
final class HardlinkTarget {
  private final RootResolver resolver;
  private final ExtractOptions options;
  private final TarArchiveEntry entry;

  HardlinkTarget(RootResolver resolver, ExtractOptions options, TarArchiveEntry entry) {
    this.resolver = resolver;
    this.options = options;
    this.entry = entry;
  }

  Path resolve() throws IOException {
    String name = entry.getName();
    String linkName = entry.getLinkName();
    if (linkName == null || linkName.isEmpty()) {
      throw new ExtractionException(name, "hardlink with an empty target");
    }
    ImagePath target = parseTarget(name, linkName);
    RootResolver.Resolved parent = resolver.resolveDirectory(target.parent(), name, null);
    if (parent == RootResolver.IGNORED
        || parent != null && options.isIgnored(parent.image().child(target.fileName()).toString())) {
      throw new ExtractionException(name, "hardlink target \"" + linkName + "\" is an ignored path");
    }
    Path host = parent == null ? null : parent.host().resolve(target.fileName());
    BasicFileAttributes attrs = host == null ? null : RootResolver.lstat(host);
    if (attrs == null) {
      throw new ExtractionException(name, "hardlink target \"" + linkName + "\" does not exist");
    }
    if (attrs.isDirectory()) {
      throw new ExtractionException(name, "hardlink target \"" + linkName + "\" is a directory");
    }
    return host;
  }

  private static ImagePath parseTarget(String name, String linkName) throws ExtractionException {
    ImagePath target;
    try {
      target = ImagePath.parse(linkName, name);
    } catch (ExtractionException e) {
      throw new ExtractionException(name,
          "hardlink target \"" + linkName + "\" climbs above the root");
    }
    if (target.isRoot()) {
      throw new ExtractionException(name, "hardlink target \"" + linkName + "\" is the root");
    }
    return target;
  }
}
