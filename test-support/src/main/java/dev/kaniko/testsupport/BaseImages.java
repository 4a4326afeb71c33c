package dev.kaniko.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base-image fixtures, built with umoci from the host's busybox-static (never pulled from the internet) and
 * pushed with skopeo. The OCI layout is built once and cached under {@code target/kaniko-base-images}
 * (or {@code -Dkaniko.test.baseImagesDir=...}); a push into a fresh registry takes well under a second.
 */
public final class BaseImages {

  /** Default repository:tag of each fixture. */
  public static final String BUSYBOX = "base/busybox:latest";
  public static final String EMPTY = "base/empty:latest";
  public static final String MULTI = "base/multi:latest";

  /** The file in {@code base/empty} ({@code /etc/kaniko-base}, content "empty"). */
  public static final String EMPTY_MARKER = "/etc/kaniko-base";
  /** The file each platform of {@code base/multi} carries, holding its platform, e.g. "linux/arm64". */
  public static final String PLATFORM_MARKER = "/" + BaseImageLayout.PLATFORM_MARKER;
  /** The PATH in the busybox config. */
  public static final String BUSYBOX_PATH = BusyboxRootfs.PATH;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path cachedLayout;

  private BaseImages() {}

  /**
   * The OCI image layout with tags {@code busybox}, {@code empty} and {@code multi}. Read-only: copy it
   * before changing anything.
   */
  public static synchronized Path ociLayout() {
    if (cachedLayout == null) {
      CommandRunner runner = CommandRunner.create();
      cachedLayout = new BaseImageLayout(new Umoci(runner), runner).obtain(cacheRoot());
    }
    return cachedLayout;
  }

  /** Busybox for the host platform as {@code base/busybox:latest}, Docker v2s2 media types. */
  public static ImageRef pushBusybox(RegistryExtension registry) {
    return pushBusybox(registry, BUSYBOX, ImageFormat.DOCKER_V2S2);
  }

  public static ImageRef pushBusybox(RegistryExtension registry, ImageFormat format) {
    return pushBusybox(registry, BUSYBOX, format);
  }

  public static ImageRef pushBusybox(RegistryExtension registry, String repoAndTag, ImageFormat format) {
    return push(registry, BaseImageLayout.BUSYBOX, repoAndTag, format);
  }

  /** A scratch-like image (one tiny layer holding {@link #EMPTY_MARKER}) as {@code base/empty:latest}, v2s2. */
  public static ImageRef pushEmpty(RegistryExtension registry) {
    return pushEmpty(registry, EMPTY, ImageFormat.DOCKER_V2S2);
  }

  public static ImageRef pushEmpty(RegistryExtension registry, ImageFormat format) {
    return pushEmpty(registry, EMPTY, format);
  }

  public static ImageRef pushEmpty(RegistryExtension registry, String repoAndTag, ImageFormat format) {
    return push(registry, BaseImageLayout.EMPTY, repoAndTag, format);
  }

  /**
   * A two-platform index as {@code base/multi:latest} (OCI index): the host platform is busybox plus
   * {@link #PLATFORM_MARKER}; the other platform ({@link HostPlatform#otherArchitecture()}) holds only the
   * marker. {@link ImageRef#platformDigests()} maps "linux/amd64"/"linux/arm64" to manifest digests.
   */
  public static ImageRef pushMulti(RegistryExtension registry) {
    return pushMulti(registry, MULTI, ImageFormat.OCI);
  }

  /** The index with this format: OCI index, or Docker manifest list for {@link ImageFormat#DOCKER_V2S2}. */
  public static ImageRef pushMulti(RegistryExtension registry, ImageFormat format) {
    return pushMulti(registry, MULTI, format);
  }

  public static ImageRef pushMulti(RegistryExtension registry, String repoAndTag, ImageFormat format) {
    String reference = registry.reference(repoAndTag);
    Skopeo skopeo = new Skopeo();
    String digest = skopeo.copy(Skopeo.ociLayout(ociLayout(), BaseImageLayout.MULTI), Skopeo.docker(reference))
        .destinationAccess(registry.access()).format(format).all().run();
    String index = skopeo.rawManifest(Skopeo.docker(reference), registry.access());
    return new ImageRef(reference, digest, platformDigests(index));
  }

  private static ImageRef push(RegistryExtension registry, String layoutTag, String repoAndTag, ImageFormat format) {
    String reference = registry.reference(repoAndTag);
    String digest = new Skopeo().copy(Skopeo.ociLayout(ociLayout(), layoutTag), Skopeo.docker(reference))
        .destinationAccess(registry.access()).format(format).run();
    return new ImageRef(reference, digest);
  }

  private static Map<String, String> platformDigests(String index) {
    Map<String, String> digests = new LinkedHashMap<>();
    try {
      for (JsonNode manifest : JSON.readTree(index).path("manifests")) {
        JsonNode platform = manifest.path("platform");
        digests.put(platform.path("os").asText() + "/" + platform.path("architecture").asText(),
            manifest.path("digest").asText());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return digests;
  }

  private static Path cacheRoot() {
    String configured = System.getProperty("kaniko.test.baseImagesDir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    Path target = Path.of("target").toAbsolutePath();
    if (Files.isDirectory(target)) {
      return target.resolve("kaniko-base-images");
    }
    return Path.of(System.getProperty("java.io.tmpdir"), "kaniko-base-images");
  }
}
