package dev.kaniko.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.CacheEntry;
import dev.kaniko.spi.PluginException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The behaviour every {@link CacheBackend} shares; one thin subclass per backend. */
abstract class CacheBackendContract {
  static final Duration TTL = Duration.ofHours(2);

  @TempDir Path scratch;

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05Z"));

  /** A backend over fresh storage, using {@link #clock} and {@link #TTL}. */
  abstract CacheBackend backend() throws Exception;

  /** Leaves behind what a store of {@code key} killed before it finished would leave. */
  abstract void leaveInterruptedStore(CacheBackend backend, String key, CacheEntry entry, Path blob) throws Exception;

  /** A gzip layer with content derived from {@code seed}, and its entry. */
  Layer layer(String seed) throws Exception {
    Path file = scratch.resolve("layer-" + seed + ".tar.gz");
    byte[] content = new byte[200_000];
    new Random(seed.hashCode()).nextBytes(content);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content);
    }
    String diffId = Digests.sha256(content);
    return new Layer(file, new CacheEntry(Digests.sha256(file), diffId, Files.size(file), MediaTypes.OCI_LAYER_GZIP));
  }

  record Layer(Path file, CacheEntry entry) {}

  static String key(String text) {
    return CacheKeys.root("sha256:" + Digests.sha256(text.getBytes(StandardCharsets.UTF_8)).substring(7));
  }

  @Test
  void lookup_missesAnUnknownKey() throws Exception {
    assertThat(backend().lookup(key("nothing"))).isEmpty();
  }

  @Test
  void store_thenLookupAndOpen_returnTheSameLayer() throws Exception {
    CacheBackend backend = backend();
    Layer layer = layer("a");
    backend.store(key("a"), layer.entry(), layer.file());

    Optional<CacheEntry> found = backend.lookup(key("a"));

    assertThat(found).contains(layer.entry());
    try (InputStream in = backend.open(found.get())) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(layer.file()));
    }
    assertThat(backend.lookup(key("b"))).isEmpty();
  }

  @Test
  void lookup_honoursTheTtl() throws Exception {
    CacheBackend backend = backend();
    Layer layer = layer("ttl");
    backend.store(key("ttl"), layer.entry(), layer.file());

    clock.advance(TTL.minusMinutes(1));
    assertThat(backend.lookup(key("ttl"))).isPresent();
    clock.advance(Duration.ofMinutes(2));
    assertThat(backend.lookup(key("ttl"))).isEmpty();
  }

  @Test
  void store_again_refreshesAnExpiredEntry() throws Exception {
    CacheBackend backend = backend();
    Layer layer = layer("refresh");
    backend.store(key("refresh"), layer.entry(), layer.file());
    clock.advance(TTL.plusHours(1));
    assertThat(backend.lookup(key("refresh"))).isEmpty();

    backend.store(key("refresh"), layer.entry(), layer.file());

    assertThat(backend.lookup(key("refresh"))).contains(layer.entry());
  }

  @Test
  void store_fromEightBuildsAtOnce_leavesOneValidEntry() throws Exception {
    List<CacheBackend> builds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      builds.add(backend());
    }
    String key = key("parallel");
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      layers.add(layer("parallel-" + (i % 2)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> stores = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        CacheBackend build = builds.get(i);
        Layer layer = layers.get(i);
        stores.add(pool.submit(() -> {
          start.await();
          build.store(key, layer.entry(), layer.file());
          return null;
        }));
      }
      start.countDown();
      for (Future<?> store : stores) {
        store.get();
      }
    } finally {
      pool.shutdownNow();
    }

    CacheBackend reader = backend();
    CacheEntry found = reader.lookup(key).orElseThrow();
    assertThat(found).isIn(layers.get(0).entry(), layers.get(1).entry());
    try (InputStream in = reader.open(found)) {
      assertThat(Digests.sha256(in.readAllBytes())).isEqualTo(found.digest());
    }
  }

  @Test
  void interruptedStore_isNeverVisible() throws Exception {
    CacheBackend backend = backend();
    Layer layer = layer("killed");

    leaveInterruptedStore(backend, key("killed"), layer.entry(), layer.file());

    assertThat(backend.lookup(key("killed"))).isEmpty();
    backend.store(key("killed"), layer.entry(), layer.file());
    assertThat(backend.lookup(key("killed"))).contains(layer.entry());
  }

  @Test
  void store_refusesABlobThatDoesNotMatchItsEntry() throws Exception {
    CacheBackend backend = backend();
    Layer layer = layer("good");
    Layer other = layer("other");

    assertThatThrownBy(() -> backend.store(key("bad"), layer.entry(), other.file()))
        .isInstanceOf(PluginException.class);

    assertThat(backend.lookup(key("bad"))).isEmpty();
  }

  @Test
  void lookup_rejectsAMalformedKey() throws Exception {
    CacheBackend backend = backend();

    assertThatThrownBy(() -> backend.lookup("../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid cache key");
  }
}
