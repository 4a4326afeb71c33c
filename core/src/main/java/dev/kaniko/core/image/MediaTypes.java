package dev.kaniko.core.image;

/** Manifest, index, config and layer media types of the Docker schema 2 and OCI image formats. */
public final class MediaTypes {
  private MediaTypes() {}

  /** Docker image manifest, schema 2. */
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  /** Docker manifest list. */
  public static final String DOCKER_MANIFEST_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  /** Docker schema 1 (unsupported). */
  public static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
  /** Docker image config. */
  public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
  /** Docker uncompressed layer. */
  public static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar";
  /** Docker gzip layer. */
  public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  /** Docker foreign (non-distributable) gzip layer. */
  public static final String DOCKER_FOREIGN_LAYER_GZIP =
      "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

  /** The {@code imageLayoutVersion} of an OCI layout. */
  public static final String OCI_LAYOUT_VERSION = "1.0.0";
  /** OCI image index. */
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  /** OCI image manifest. */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  /** OCI image config. */
  public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  /** OCI uncompressed layer. */
  public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
  /** OCI gzip layer. */
  public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  /** OCI zstd layer. */
  public static final String OCI_LAYER_ZSTD = "application/vnd.oci.image.layer.v1.tar+zstd";

  /** The annotation naming an image in an OCI layout's index.json. */
  public static final String REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";

  /** True for manifest lists and OCI indexes. */
  public static boolean isIndex(String mediaType) {
    return DOCKER_MANIFEST_LIST.equals(mediaType) || OCI_INDEX.equals(mediaType);
  }

  /** True for single-image manifests (Docker schema 2, OCI). */
  public static boolean isManifest(String mediaType) {
    return DOCKER_MANIFEST.equals(mediaType) || OCI_MANIFEST.equals(mediaType);
  }
}
