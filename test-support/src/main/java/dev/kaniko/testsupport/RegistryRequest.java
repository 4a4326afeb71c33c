package dev.kaniko.testsupport;

/** One request as recorded in the registry's access log. */
public record RegistryRequest(String method, String path, int status) {

  /** True for the request that completes a blob upload (the final {@code PUT .../blobs/uploads/...}). */
  public boolean isCompletedBlobUpload() {
    return method.equals("PUT") && path.contains("/blobs/uploads/") && status == 201;
  }

  /** True for a successful cross-repository blob mount ({@code POST .../blobs/uploads/?mount=...}). */
  public boolean isBlobMount() {
    return method.equals("POST") && path.contains("/blobs/uploads/") && path.contains("mount=") && status == 201;
  }

  /** True for a successful manifest push. */
  public boolean isManifestPut() {
    return method.equals("PUT") && path.contains("/manifests/") && status == 201;
  }
}
