package dev.kaniko.testsupport.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedBundleTest {

  @TempDir Path temp;

  /** Stands in for the plugin registry: remembers what it was loaded from and whether it was closed. */
  static final class FakeRegistry implements AutoCloseable {
    final Path dir;
    boolean closed;

    FakeRegistry(Path dir) {
      this.dir = dir;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void load_givesTheLoaderTheUnpackedPluginsDirectory_andCloseRemovesIt() throws Exception {
    Path zip = BundleZipTest.zip(temp.resolve("b.zip"), "demo/plugin.properties", "plugin.id=demo\n");

    LoadedBundle<FakeRegistry> bundle = LoadedBundle.load(zip, FakeRegistry::new);

    assertThat(bundle.registry().dir).isEqualTo(bundle.pluginsDir());
    assertThat(bundle.pluginsDir().resolve("demo/plugin.properties")).hasContent("plugin.id=demo");
    bundle.close();
    assertThat(bundle.registry().closed).isTrue();
    assertThat(bundle.pluginsDir()).doesNotExist();
  }

  @Test
  void load_loaderFails_removesTheDirectoryAndRethrows() throws Exception {
    Path zip = BundleZipTest.zip(temp.resolve("b.zip"), "demo/plugin.properties", "plugin.id=demo\n");
    AtomicReference<Path> seen = new AtomicReference<>();

    assertThatThrownBy(() -> LoadedBundle.<FakeRegistry>load(zip, dir -> {
      seen.set(dir);
      throw new IllegalStateException("broken bundle");
    })).hasMessage("broken bundle");
    assertThat(seen.get()).isNotNull().doesNotExist();
  }
}
