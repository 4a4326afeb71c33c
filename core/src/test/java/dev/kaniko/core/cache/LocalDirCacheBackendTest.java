package dev.kaniko.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.spi.CacheBackend;
import dev.kaniko.spi.CacheEntry;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

class LocalDirCacheBackendTest extends CacheBackendContract {

  Path root() {
    return scratch.resolve("cache");
  }

  @Override
  CacheBackend backend() {
    return new LocalDirCacheBackend(root(), TTL, clock);
  }

  /** A store killed mid-copy: half a blob in tmp/, no entry file. */
  @Override
  void leaveInterruptedStore(CacheBackend backend, String key, CacheEntry entry, Path blob) throws Exception {
    Path temp = root().resolve("tmp").resolve("tmp-killed");
    Files.createDirectories(temp.getParent());
    try (InputStream in = Files.newInputStream(blob); OutputStream out = Files.newOutputStream(temp)) {
      out.write(in.readNBytes((int) (entry.size() / 2)));
    }
    assertThat(root().resolve("entries").resolve(key + ".json")).doesNotExist();
  }
}
