package dev.kaniko.core.registry;

/** The media-type family of an image: pushed manifests follow the base image's family. */
public enum ImageFormat {
  /** Docker image manifest v2 schema 2. */
  DOCKER(MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_CONFIG, MediaTypes.DOCKER_LAYER_GZIP),
  /** OCI image manifest. */
  OCI(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG, MediaTypes.OCI_LAYER_GZIP);

  private final String manifestMediaType;
  private final String configMediaType;
  private final String gzipLayerMediaType;

  ImageFormat(String manifestMediaType, String configMediaType, String gzipLayerMediaType) {
    this.manifestMediaType = manifestMediaType;
    this.configMediaType = configMediaType;
    this.gzipLayerMediaType = gzipLayerMediaType;
  }

  /** The family of a manifest or index media type. */
  public static ImageFormat of(String mediaType) {
    return switch (mediaType) {
      case MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST -> DOCKER;
      case MediaTypes.OCI_MANIFEST, MediaTypes.OCI_INDEX -> OCI;
      default -> throw new IllegalArgumentException("unsupported manifest media type " + mediaType);
    };
  }

  /** The manifest media type. */
  public String manifestMediaType() {
    return manifestMediaType;
  }

  /** The config media type. */
  public String configMediaType() {
    return configMediaType;
  }

  /** The media type of gzip-compressed layers. */
  public String gzipLayerMediaType() {
    return gzipLayerMediaType;
  }
}
