package dev.kaniko.core.snapshot;

import java.util.HashMap;

/**
 * The recorded state of one path: its last status, what the detector keeps (a digest, a link target)
 * and, for directories, the children by name. Paths are not stored: names are the map keys.
 */
final class Node {

  FileStat stat;
  /** Detector data: a content digest ({@code byte[]}) or a symlink target ({@code String}), else null. */
  Object detail;
  /** Children by file name, for directories only; may be a partial listing after a declared-path diff. */
  HashMap<String, Node> children;

  Node(FileStat stat) {
    this.stat = stat;
  }
}
