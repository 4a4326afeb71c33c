package dev.kaniko.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SnapshotStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStrategyFactoryTest {

  @TempDir Path dir;

  @Test
  void builtinPlugin_registersEveryModeThroughTheRegistry() throws Exception {
    try (PluginRegistry registry = PluginRegistry.load(PluginLoadOptions.builtinOnly())) {
      List<ProviderFactory<SnapshotStrategy>> factories = registry.factories(SnapshotStrategy.class);

      assertThat(factories).extracting(ProviderFactory::name).containsExactlyInAnyOrder("full", "redo", "time", "new-run");
      TestTree tree = new TestTree(dir.resolve("rootfs")).write("etc/hosts", "h");
      for (ProviderFactory<SnapshotStrategy> factory : factories) {
        SnapshotStrategy strategy = factory.create(Map.of("parallelism", "2"), context());
        strategy.baseline(tree.view);
        TestTree.tick();
        tree.write("tmp/" + factory.name(), "x");

        assertThat(tree.diff(strategy).changed()).as(factory.name()).contains("/tmp/" + factory.name());
      }
    }
  }

  @Test
  void create_rejectsBadParallelismAndUnknownKeys() {
    SnapshotStrategyFactory factory = new SnapshotStrategyFactory(SnapshotMode.REDO);

    assertThatThrownBy(() -> factory.create(Map.of("parallelism", "zero"), context()))
        .isInstanceOfSatisfying(PluginException.class,
            e -> assertThat(e.reason()).isEqualTo(PluginException.Reason.INVALID_CONFIGURATION))
        .hasMessage("snapshot parallelism must be a number from 1 to 64, got 'zero'");
    assertThatThrownBy(() -> factory.create(Map.of("parallelism", "0"), context())).isInstanceOf(PluginException.class);
    assertThatThrownBy(() -> factory.create(Map.of("hash", "md5"), context()))
        .hasMessage("unknown configuration key 'hash' for snapshot mode redo");
  }

  @Test
  void mode_ofNameListsTheValidNames() {
    assertThat(SnapshotMode.ofName("new-run")).isEqualTo(SnapshotMode.NEW_RUN);
    assertThatThrownBy(() -> SnapshotMode.ofName("fast"))
        .hasMessage("unknown snapshot mode 'fast', expected one of full, redo, time, new-run");
  }

  @Test
  void diff_beforeBaselineOrOfAnotherRootFailsLoudly() throws Exception {
    SnapshotStrategy strategy = TreeSnapshotStrategy.of(SnapshotMode.FULL, 1);
    TestTree a = new TestTree(dir.resolve("a")).mkdir(".");
    TestTree b = new TestTree(dir.resolve("b")).mkdir(".");

    assertThatThrownBy(() -> a.diff(strategy)).hasMessage("snapshot diff requested without a baseline (none taken, or the last snapshot failed)");
    strategy.baseline(a.view);
    assertThatThrownBy(() -> b.diff(strategy)).hasMessageContaining("but the baseline was taken of " + a.root);
    assertThatThrownBy(() -> strategy.baseline(new TestTree(dir.resolve("missing")).view))
        .hasMessageStartingWith("snapshot root is not a directory: ");
  }

  private HostPluginContext context() {
    return HostPluginContext.of(Map.of(), dir, "builtin");
  }
}
