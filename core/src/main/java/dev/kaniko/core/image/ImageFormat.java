package dev.kaniko.core.image;

/** The media-type family an image is written in; pushed manifests follow the base image's family. */
public enum ImageFormat {
  /** Docker image manifest v2 schema 2. */
  DOCKER(MediaTypes.DOCKER_MANIFEST, MediaTypes.DOCKER_CONFIG),
  /** OCI image manifest v1. */
  OCI(MediaTypes.OCI_MANIFEST, MediaTypes.OCI_CONFIG);

  private final String manifestMediaType;
  private final String configMediaType;

  ImageFormat(String manifestMediaType, String configMediaType) {
    this.manifestMediaType = manifestMediaType;
    this.configMediaType = configMediaType;
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
    return this == DOCKER ? MediaTypes.DOCKER_LAYER_GZIP : MediaTypes.OCI_LAYER_GZIP;
  }

  /**
   * A layer's media type in this family. gzip and uncompressed layers are translated between
   * families; zstd has no Docker type, so it keeps the OCI one (as containerd and ggcr do);
   * anything else (e.g. foreign layers) is kept.
   */
  public String layerMediaType(String mediaType) {
    boolean docker = this == DOCKER;
    switch (mediaType) {
      case MediaTypes.OCI_LAYER_GZIP:
      case MediaTypes.DOCKER_LAYER_GZIP:
        return docker ? MediaTypes.DOCKER_LAYER_GZIP : MediaTypes.OCI_LAYER_GZIP;
      case MediaTypes.OCI_LAYER:
      case MediaTypes.DOCKER_LAYER:
        return docker ? MediaTypes.DOCKER_LAYER : MediaTypes.OCI_LAYER;
      default:
        return mediaType;
    }
  }
}
