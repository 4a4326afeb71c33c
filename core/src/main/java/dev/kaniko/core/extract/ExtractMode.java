package dev.kaniko.core.extract;

/** What a tar stream means to {@link TarExtractor}: an image layer or a build context. */
public enum ExtractMode {
  /** OCI layer: whiteouts and opaque markers apply, ownership, xattrs and device nodes are kept. */
  LAYER,
  /** Build context: files, directories and links only; {@code .wh.} names are ordinary files. */
  CONTEXT
}
