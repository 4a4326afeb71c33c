package dev.kaniko.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.CacheEntry;
import dev.kaniko.testsupport.CommandResult;
import dev.kaniko.testsupport.Skopeo;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OciLayoutCacheBackendTest extends CacheBackendContract {

  Path root() {
    return scratch.resolve("layout");
  }

  @Override
  CacheBackend backend() {
    return new OciLayoutCacheBackend(root(), TTL, clock);
  }

  /** A store killed after the layer blob landed but before index.json named it. */
  @Override
  void leaveInterruptedStore(CacheBackend backend, String key, CacheEntry entry, Path blob) throws Exception {
    Path target = AtomicFiles.blobPath(root(), entry.digest());
    Files.createDirectories(target.getParent());
    Files.copy(blob, target);
    Files.createDirectories(root().resolve(".tmp"));
    Files.write(root().resolve(".tmp").resolve("tmp-half"), new byte[] {1, 2, 3});
  }

  @Test
  void store_writesALayoutThatOciToolsRead() throws Exception {
    CacheBackend backend = backend();
    Layer layer = layer("umoci");
    String key = key("umoci");
    backend.store(key, layer.entry(), layer.file());

    assertThat(root().resolve("oci-layout")).exists();
    assertThat(Files.readString(root().resolve("index.json"))).contains(key);
    CommandResult config = new Skopeo().tryRun(List.of("inspect", "--config", Skopeo.ociLayout(root(), key)));
    assertThat(config.succeeded()).as(config.stderr()).isTrue();
    assertThat(config.stdout()).contains(layer.entry().diffId());
  }
}
