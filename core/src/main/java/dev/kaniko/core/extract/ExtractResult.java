package dev.kaniko.core.extract;

/**
 * What one {@link TarExtractor#extract} call did. {@code bytes} counts regular file content written;
 * {@code xattrsSkipped} counts extended attributes the file system refused (best effort).
 */
public record ExtractResult(
    long entries,
    long files,
    long directories,
    long symlinks,
    long hardlinks,
    long specialFiles,
    long whiteouts,
    long opaqueDirectories,
    long ignored,
    long bytes,
    long xattrsSkipped) {

  /** A mutable tally filled during extraction. */
  static final class Tally {
    long entries;
    long files;
    long directories;
    long symlinks;
    long hardlinks;
    long specialFiles;
    long whiteouts;
    long opaqueDirectories;
    long ignored;
    long bytes;
    long xattrsSkipped;

    ExtractResult toResult() {
      return new ExtractResult(entries, files, directories, symlinks, hardlinks, specialFiles,
          whiteouts, opaqueDirectories, ignored, bytes, xattrsSkipped);
    }
  }
}
