package dev.kaniko.core.layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A comparable description of a directory tree: per path its type, mode, owner, mtime, content
 * digest, link target, device numbers, xattrs and hardlink group. Used to compare a source tree
 * with what tar/umoci extracted from our layers.
 */
public final class TreeDescription {
  private TreeDescription() {}

  public static Map<String, String> of(Path root, boolean withMtime) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Map<String, List<String>> byInode = new TreeMap<>();
    XattrReader xattrs = XattrReader.system();
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.filter(p -> !p.equals(root)).sorted().toList();
    }
    for (Path p : paths) {
      String rel = root.relativize(p).toString();
      FileMetadata md = FileMetadata.read(p);
      StringBuilder d = new StringBuilder();
      d.append(Integer.toOctalString(md.type())).append(' ')
          .append(Integer.toOctalString(md.permissions())).append(' ')
          .append(md.uid()).append(':').append(md.gid());
      if (withMtime && md.type() != FileMetadata.S_IFLNK && !md.isDirectory()) {
        d.append(" t=").append(md.mtimeSeconds());
      }
      if (md.type() == FileMetadata.S_IFREG) {
        d.append(" ").append(LayerReadback.sha256(p));
      } else if (md.type() == FileMetadata.S_IFLNK) {
        d.append(" -> ").append(Files.readSymbolicLink(p));
      } else if (md.type() == FileMetadata.S_IFCHR || md.type() == FileMetadata.S_IFBLK) {
        d.append(" dev=").append(md.devMajor()).append(',').append(md.devMinor());
      }
      if (md.type() != FileMetadata.S_IFLNK) {
        xattrs.read(p).forEach((k, v) -> d.append(" ").append(k).append('=')
            .append(SampleTree.hex(v)));
      }
      if (!md.isDirectory() && md.nlink() > 1) {
        byInode.computeIfAbsent(md.dev() + ":" + md.ino(), k -> new ArrayList<>()).add(rel);
      }
      out.put(rel, d.toString());
    }
    for (List<String> group : byInode.values()) {
      for (String rel : group) {
        out.put(rel, out.get(rel) + " links=" + group);
      }
    }
    return out;
  }

}
