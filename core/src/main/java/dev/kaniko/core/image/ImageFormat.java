package dev.kaniko.core.image;

/** The media-type family an image is written in. */
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

  public String manifestMediaType() {
    return manifestMediaType;
  }

  public String configMediaType() {
    return configMediaType;
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
