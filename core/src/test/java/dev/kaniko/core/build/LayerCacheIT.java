package dev.kaniko.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.cache.LocalDirCacheBackend;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.CacheEntry;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer cache in process (FROM scratch, COPY layers with --cache-copy-layers): a cache plugin
 * chosen by the scheme of --cache-repo, keys that ignore mtimes but see content, modes and owners,
 * and the reused blobs.
 */
class LayerCacheIT {
  @TempDir Path temp;

  /** A third-party style backend factory {@code rec}: a dir cache that records the calls. */
  static final class RecordingFactory implements ProviderFactory<CacheBackend> {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> configs = new ArrayList<>();

    @Override
    public Class<CacheBackend> type() {
      return CacheBackend.class;
    }

    @Override
    public String name() {
      return "rec";
    }

    @Override
    public CacheBackend create(Map<String, String> config, PluginContext context) {
      configs.add(config);
      CacheBackend dir = new LocalDirCacheBackend(Path.of(config.get("path")),
          Duration.ofHours(1), Clock.systemUTC());
      return new CacheBackend() {
        @Override
        public Optional<CacheEntry> lookup(String key) throws PluginException {
          calls.add("lookup");
          return dir.lookup(key);
        }

        @Override
        public InputStream open(CacheEntry entry) throws PluginException {
          calls.add("open");
          return dir.open(entry);
        }

        @Override
        public void store(String key, CacheEntry entry, Path blob) throws PluginException {
          calls.add("store");
          dir.store(key, entry, blob);
        }
      };
    }
  }

  private BuildResult build(BuildFixture fixture, RecordingFactory factory, String... extraArgs)
      throws Exception {
    BuildOptions options = BuildOptions.builder().noPush(true)
        .ociLayoutPath(Optional.of(fixture.layout)).reproducible(true).cache(true)
        .cacheCopyLayers(true).cacheRepo(Optional.of("rec:" + temp.resolve("plugin-cache")))
        .build();
    return new ImageBuilder(options, fixture.root.resolve("work"),
        Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
        .withCacheBackends(LayerCacheBackends.of(List.of(factory), null))
        .build(fixture.context, fixture.context.resolve("Dockerfile"));
  }

  @Test
  void cachePlugin_chosenByScheme_storesThenServesCopyLayers() throws Exception {
    BuildFixture fixture = new BuildFixture(temp.resolve("b"));
    fixture.file("a.txt", "alpha").file("dir/b.txt", "beta")
        .dockerfile("FROM scratch", "COPY a.txt /a.txt", "ENV X=1", "COPY dir /dir/");
    RecordingFactory factory = new RecordingFactory();

    BuildResult cold = build(fixture, factory);
    List<String> coldCalls = List.copyOf(factory.calls);
    factory.calls.clear();
    Files.setLastModifiedTime(fixture.context.resolve("a.txt"),
        FileTime.from(Instant.parse("2020-01-01T00:00:00Z"))); // mtimes never count
    BuildResult warm = build(fixture, factory);

    assertThat(factory.configs.get(0)).containsEntry("path", temp.resolve("plugin-cache")
        .toString()).containsKey("ttl");
    assertThat(cold.cacheMisses()).isEqualTo(2);
    assertThat(cold.cacheHits()).isZero();
    assertThat(warm.cacheHits()).isEqualTo(2);
    assertThat(warm.cacheMisses()).isZero();
    assertThat(warm.digest()).isEqualTo(cold.digest());
    assertThat(warm.layers()).isEqualTo(cold.layers());
    assertThat(coldCalls).containsExactlyInAnyOrder("lookup", "lookup", "store", "store");
    assertThat(factory.calls).containsExactly("lookup", "open", "lookup", "open");
    Path rootfs = fixture.unpack("latest");
    assertThat(rootfs.resolve("a.txt")).hasContent("alpha");
    assertThat(rootfs.resolve("dir/b.txt")).hasContent("beta");
  }

  @Test
  void copyKeys_seeContentAndModes() throws Exception {
    BuildFixture fixture = new BuildFixture(temp.resolve("b"));
    fixture.file("a.txt", "alpha").dockerfile("FROM scratch", "COPY a.txt /a.txt");
    RecordingFactory factory = new RecordingFactory();
    build(fixture, factory);

    fixture.file("a.txt", "ALPHA");
    BuildResult content = build(fixture, factory);
    Files.setAttribute(fixture.context.resolve("a.txt"), "unix:mode", 0600);
    BuildResult mode = build(fixture, factory);
    BuildResult again = build(fixture, factory);

    assertThat(content.cacheMisses()).isEqualTo(1);
    assertThat(mode.cacheMisses()).isEqualTo(1);
    assertThat(again.cacheHits()).isEqualTo(1);
    assertThat(fixture.unpack("latest").resolve("a.txt")).hasContent("ALPHA");
  }

  @Test
  void builtinSchemes_andRegistryRepos_areNotTakenByPlugins() throws Exception {
    RecordingFactory factory = new RecordingFactory();
    LayerCacheBackends backends = LayerCacheBackends.of(List.of(factory), null);
    BuildOptions.Builder base = BuildOptions.builder().cache(true);

    CacheBackend dir = backends.open(base.cacheRepo(Optional.of("dir:" + temp)).build(),
        registry -> Optional.empty(), temp);
    CacheBackend registry = backends.open(base.cacheRepo(Optional.empty())
        .destinations(List.of("localhost:5000/app:1")).build(),
        r -> Optional.empty(), temp);

    assertThat(dir).hasToString("dir:" + temp);
    assertThat(registry).hasToString("registry:localhost:5000/app/cache");
    assertThat(factory.configs).isEmpty();
    assertThatThrownBy(() -> backends.open(BuildOptions.builder().cache(true).build(),
        r -> Optional.empty(), temp))
        .isInstanceOf(BuildException.class)
        .hasMessage("--cache needs --cache-repo when there is no --destination");
  }
}
