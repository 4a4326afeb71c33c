package dev.kaniko.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Platform;
import dev.kaniko.core.registry.ImagePuller;
import dev.kaniko.core.registry.PulledImage;
import dev.kaniko.core.registry.RegistryOptions;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.HostPlatform;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BaseImageCacheIT {

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.plain();

  private static final CredentialSource ANONYMOUS = r -> Optional.empty();
  private static final Platform HOST = Platform.parse(HostPlatform.platform());
  private static final Duration TTL = Duration.ofHours(1);

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T05:06:07Z"));

  private BaseImageCache cache() {
    return new BaseImageCache(dir.resolve("cache"), TTL, clock);
  }

  private CachedImage warm(BaseImageCache cache, ImageReference ref, boolean replace) throws Exception {
    try (ImagePuller puller = new ImagePuller(RegistryOptions.defaults(), ANONYMOUS);
        BaseImageCache.Staging staging = cache.stage()) {
      PulledImage pulled = puller.pull(ref, HOST);
      puller.pullLayers(pulled, staging.layersDir());
      return cache.commit(staging, pulled, HOST, replace);
    }
  }

  @Test
  void commit_thenLookup_returnsWhatThePullerReturned_withVerifiedFiles() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/busybox:1", ImageFormat.OCI);
    ImageReference ref = ImageReference.parse(base.reference());
    BaseImageCache cache = cache();
    warm(cache, ref, false);

    CachedImage cached = cache.lookup(ref, HOST).orElseThrow();

    PulledImage pulled;
    try (ImagePuller puller = new ImagePuller(RegistryOptions.defaults(), ANONYMOUS)) {
      pulled = puller.pull(ref, HOST);
    }
    assertThat(cached.toPulledImage().manifest()).isEqualTo(pulled.manifest());
    assertThat(cached.config()).isEqualTo(pulled.config());
    assertThat(cached.digest()).isEqualTo(pulled.digest());
    assertThat(cached.layers()).hasSize(pulled.manifest().layers().size());
    for (int i = 0; i < cached.layers().size(); i++) {
      assertThat(Digests.sha256(cached.layers().get(i))).isEqualTo(pulled.manifest().layers().get(i).digest());
    }
    assertThat(cached.cachedAt()).isEqualTo(clock.instant());
    assertThat(cache.root().resolve("tmp")).isEmptyDirectory();
  }

  @Test
  void lookup_byDigest_findsAnImageCachedUnderItsTag() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/busybox:2", ImageFormat.DOCKER_V2S2);
    BaseImageCache cache = cache();
    CachedImage warmed = warm(cache, ImageReference.parse(base.reference()), false);

    ImageReference byDigest = ImageReference.parse(registry.reference("cache/busybox")).withDigest(warmed.digest());

    assertThat(cache.lookup(byDigest, HOST)).map(CachedImage::digest).contains(warmed.digest());
  }

  @Test
  void lookup_missesUnknownOtherPlatformAndStaleEntries() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/busybox:3", ImageFormat.OCI);
    ImageReference ref = ImageReference.parse(base.reference());
    BaseImageCache cache = cache();
    assertThat(cache.lookup(ref, HOST)).isEmpty();
    warm(cache, ref, false);

    assertThat(cache.lookup(ref, Platform.parse("linux/" + HostPlatform.otherArchitecture()))).isEmpty();
    assertThat(cache.isFresh(ref, HOST)).isTrue();
    clock.advance(TTL.plusSeconds(1));
    assertThat(cache.lookup(ref, HOST)).isEmpty();
    assertThat(cache.isFresh(ref, HOST)).isFalse();
  }

  @Test
  void commit_withReplace_refreshesTheEntry() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/busybox:4", ImageFormat.OCI);
    ImageReference ref = ImageReference.parse(base.reference());
    BaseImageCache cache = cache();
    warm(cache, ref, false);
    clock.advance(TTL.plusSeconds(1));

    CachedImage again = warm(cache, ref, true);

    assertThat(again.cachedAt()).isEqualTo(clock.instant());
    assertThat(cache.lookup(ref, HOST)).isPresent();
  }

  @Test
  void abandonedStaging_isNeverVisible() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/busybox:5", ImageFormat.OCI);
    ImageReference ref = ImageReference.parse(base.reference());
    BaseImageCache cache = cache();
    // a warmer killed mid-download: a staging dir with half a layer, never committed
    BaseImageCache.Staging staging = cache.stage();
    try (ImagePuller puller = new ImagePuller(RegistryOptions.defaults(), ANONYMOUS)) {
      PulledImage pulled = puller.pull(ref, HOST);
      Path first = puller.pullLayers(pulled, staging.layersDir()).get(0);
      Files.write(first, new byte[] {1}, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    }

    assertThat(cache.lookup(ref, HOST)).isEmpty();
    try (Stream<Path> images = Files.list(cache.root())) {
      assertThat(images.map(p -> p.getFileName().toString())).containsExactly("tmp");
    }
  }
}
