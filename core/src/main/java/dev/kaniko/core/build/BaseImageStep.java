package dev.kaniko.core.build;

import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.cache.BaseImageCache;
import dev.kaniko.core.cache.CachedImage;
import dev.kaniko.core.extract.ExtractMode;
import dev.kaniko.core.extract.ExtractOptions;
import dev.kaniko.core.extract.TarExtractor;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.HistoryEntry;
import dev.kaniko.core.image.ImageConfig;
import dev.kaniko.core.image.ImageJson;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.LayerBlob;
import dev.kaniko.core.image.Platform;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.registry.ImagePuller;
import dev.kaniko.core.registry.PulledImage;
import dev.kaniko.core.registry.RegistryException;
import dev.kaniko.core.registry.RegistryOptions;
import dev.kaniko.core.registry.RegistryOptionsFromFlags;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FROM a registry image: pulls it for the stage's platform, extracts its layers safely into the
 * stage rootfs (whiteouts applied) and keeps the compressed layers for the output image.
 */
final class BaseImageStep {
  private static final Logger LOG = LoggerFactory.getLogger(BaseImageStep.class);

  private final BuildOptions options;
  private final CredentialSource credentials;
  private final Path layersDir;
  private final RetryingExtraction extraction;
  private final BuildTimings timings;
  private long bytesPulled;
  /** Paths extraction never writes nor deletes (in-place mode); nothing otherwise. */
  private Predicate<String> ignored = path -> false;

  BaseImageStep(BuildOptions options, CredentialSource credentials, Path layersDir) {
    this(options, credentials, layersDir, new BuildTimings());
  }

  /** @param timings where pulls and extractions are timed */
  BaseImageStep(BuildOptions options, CredentialSource credentials, Path layersDir,
      BuildTimings timings) {
    this.timings = timings;
    this.options = options;
    this.credentials = credentials;
    this.layersDir = layersDir;
    this.extraction = new RetryingExtraction(this::extract,
        Math.max(0, options.imageFsExtractRetry()), LOG::warn);
  }

  BaseImage pull(String reference, Platform platform, Path rootfs)
      throws BuildException, IOException {
    return pull(reference, platform, rootfs, path -> false);
  }

  /** {@link #pull} whose extraction never writes nor deletes a path {@code ignore} matches. */
  BaseImage pull(String reference, Platform platform, Path rootfs, Predicate<String> ignore)
      throws BuildException, IOException {
    this.ignored = ignore;
    try {
      return pullAndExtract(reference, platform, rootfs);
    } finally {
      this.ignored = path -> false;
    }
  }

  /** Extracts one (compressed or plain) layer file into {@code rootfs}, sparing {@code ignore}. */
  void extractLayer(Path layer, Path rootfs, Predicate<String> ignore) throws IOException {
    this.ignored = ignore;
    try {
      extraction.extract(layer, rootfs);
    } finally {
      this.ignored = path -> false;
    }
  }

  private BaseImage pullAndExtract(String reference, Platform platform, Path rootfs)
      throws BuildException, IOException {
    ImageReference ref = parse(reference);
    Optional<CachedImage> cached = fromCacheDir(ref, platform);
    if (cached.isPresent()) {
      LOG.info("Using base image {} from the cache dir {} ({})", reference, options.cacheDir(),
          cached.get().digest());
      return fromLayers(cached.get().toPulledImage(), cached.get().layers(), rootfs);
    }
    try (ImagePuller puller =
        new ImagePuller(registryOptions(), credentials)) {
      long start = System.nanoTime();
      PulledImage image = puller.pull(ref, platform);
      LOG.info("Pulled {} ({})", reference, image.digest());
      Path dir = Files.createDirectories(layersDir.resolve(image.digest().replace(':', '-')));
      List<Path> files;
      try {
        files = puller.pullLayers(image, dir);
      } finally {
        bytesPulled += puller.bytesPulled();
        timings.add(BuildTimings.PULL, System.nanoTime() - start);
      }
      return fromLayers(image, files, rootfs);
    } catch (RegistryException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  private BaseImage fromLayers(PulledImage image, List<Path> files, Path rootfs)
      throws BuildException, IOException {
    ImageConfig config = ImageJson.parse(image.config(), ImageConfig.class);
    List<LayerBlob> layers = layers(image, config, files);
    long start = System.nanoTime();
    try {
      for (Path file : files) {
        extraction.extract(file, rootfs);
      }
    } finally {
      timings.add(BuildTimings.EXTRACT, System.nanoTime() - start);
    }
    return new BaseImage(withLayerHistory(config, layers.size()), layers, image.format(),
        image.digest());
  }

  /**
   * The base from the {@code --cache-dir} (read only, fresh per {@code --cache-ttl}) when that
   * directory exists; empty on a miss, so the caller pulls from the registry.
   */
  private Optional<CachedImage> fromCacheDir(ImageReference ref, Platform platform)
      throws BuildException {
    Path dir = options.cacheDir();
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try {
      Optional<CachedImage> hit =
          new BaseImageCache(dir, options.cacheTtl(), Clock.systemUTC()).lookup(ref, platform);
      if (hit.isEmpty()) {
        LOG.debug("Base image {} ({}) is not in the cache dir {}", ref, platform, dir);
      }
      return hit;
    } catch (IOException e) {
      throw new BuildException("--cache-dir " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Blob bytes (configs and layers) downloaded by the pulls so far. */
  long bytesPulled() {
    return bytesPulled;
  }

  private RegistryOptions registryOptions() throws BuildException {
    try {
      return RegistryOptionsFromFlags.forBuild(options);
    } catch (IllegalArgumentException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  private static ImageReference parse(String reference) throws BuildException {
    try {
      return ImageReference.parse(reference);
    } catch (IllegalArgumentException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  private static List<LayerBlob> layers(PulledImage image, ImageConfig config, List<Path> files)
      throws BuildException {
    List<Descriptor> descriptors = image.manifest().layers();
    List<String> diffIds = config.rootfs().diffIds();
    if (diffIds.size() != descriptors.size()) {
      throw new BuildException("base image " + image.requested() + " lists "
          + descriptors.size() + " layers but " + diffIds.size() + " diff_ids in its config");
    }
    List<LayerBlob> layers = new ArrayList<>();
    for (int i = 0; i < descriptors.size(); i++) {
      Descriptor d = descriptors.get(i);
      layers.add(new LayerBlob(files.get(i), d.mediaType(), d.digest(), diffIds.get(i), d.size(),
          -1));
    }
    return layers;
  }

  private void extract(Path layer, Path rootfs) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(layer), 1 << 16)) {
      new TarExtractor(ExtractOptions.builder(ExtractMode.LAYER).ignore(ignored).build())
          .extract(in, rootfs);
    }
  }

  /**
   * A base without a history line per layer gets neutral ones, so the image's history keeps
   * matching its layers once ours are added.
   */
  private static ImageConfig withLayerHistory(ImageConfig config, int layerCount) {
    long nonEmpty = config.history().stream().filter(h -> !h.isEmptyLayer()).count();
    if (nonEmpty >= layerCount) {
      return config;
    }
    List<HistoryEntry> history = new ArrayList<>(config.history());
    for (long i = nonEmpty; i < layerCount; i++) {
      history.add(new HistoryEntry(null, null, null, "base image layer", null));
    }
    return config.withHistory(history);
  }
}
