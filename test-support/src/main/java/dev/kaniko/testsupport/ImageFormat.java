package dev.kaniko.testsupport;

/** The manifest media types an image is pushed with (skopeo {@code --format}). */
public enum ImageFormat {
  /** Docker image manifest v2 schema 2 (and Docker manifest list for indexes). */
  DOCKER_V2S2("v2s2", "application/vnd.docker.distribution.manifest.v2+json",
      "application/vnd.docker.distribution.manifest.list.v2+json"),
  /** OCI image manifest (and OCI image index for indexes). */
  OCI("oci", "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json");

  private final String skopeoName;
  private final String manifestMediaType;
  private final String indexMediaType;

  ImageFormat(String skopeoName, String manifestMediaType, String indexMediaType) {
    this.skopeoName = skopeoName;
    this.manifestMediaType = manifestMediaType;
    this.indexMediaType = indexMediaType;
  }

  /** The value of skopeo's {@code --format}. */
  public String skopeoName() {
    return skopeoName;
  }

  public String manifestMediaType() {
    return manifestMediaType;
  }

  public String indexMediaType() {
    return indexMediaType;
  }
}
