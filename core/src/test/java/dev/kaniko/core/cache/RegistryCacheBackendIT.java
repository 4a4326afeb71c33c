package dev.kaniko.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.registry.ImagePusher;
import dev.kaniko.core.registry.ImageToPush;
import dev.kaniko.core.registry.LayerToPush;
import dev.kaniko.core.registry.RegistryOptions;
import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.CacheEntry;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegistryCacheBackendIT extends CacheBackendContract {

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.plain();

  private static final AtomicInteger REPOS = new AtomicInteger();

  private final List<RegistryCacheBackend> opened = new ArrayList<>();
  private final ImageReference repo = ImageReference.parse(registry.reference("app/cache" + REPOS.incrementAndGet()));

  @AfterEach
  void closeBackends() {
    opened.forEach(RegistryCacheBackend::close);
  }

  @Override
  CacheBackend backend() {
    RegistryCacheBackend backend = new RegistryCacheBackend(repo, RegistryOptions.defaults(), r -> Optional.empty(),
        scratch.resolve("work"), TTL, clock);
    opened.add(backend);
    return backend;
  }

  /** A push killed after the layer blob was uploaded, before the manifest (the tag) was written. */
  @Override
  void leaveInterruptedStore(CacheBackend backend, String key, CacheEntry entry, Path blob) throws Exception {
    try (ImagePusher pusher = new ImagePusher(RegistryOptions.defaults(), r -> Optional.empty())) {
      ImageToPush other = new ImageToPush(CacheImage.format(entry), CacheImage.config(entry, clock.instant()),
          List.of(LayerToPush.ofFile(CacheImage.layerDescriptor(entry), blob)));
      pusher.push(other, List.of(repo.withTag("unrelated")));
    }
  }

  @Test
  void store_pushesAKanikoStyleCacheImageTaggedWithTheKey() throws Exception {
    CacheBackend backend = backend();
    Layer layer = layer("kaniko");
    String key = key("kaniko");
    backend.store(key, layer.entry(), layer.file());

    var config = new Skopeo().inspectConfig(Skopeo.docker(repo.withTag(key).toString()), registry.access());

    assertThat(config.path("rootfs").path("diff_ids").get(0).asText()).isEqualTo(layer.entry().diffId());
    assertThat(config.path("created").asText()).isEqualTo(clock.instant().toString());
  }
}
