package dev.kaniko.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.options.SnapshotMode;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.core.plugin.testing.PluginSources;
import dev.kaniko.core.plugin.testing.TestBundles;
import dev.kaniko.core.plugin.testing.TestJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stage's snapshot strategy comes from the plugin registry by name: a third-party plugin
 * (a jar built here) is chosen with its name as --snapshot-mode.
 */
class SnapshotPluginIT {
  @TempDir Path tmp;

  /** A strategy that reports only files whose name starts with "keep" (a visible fingerprint). */
  private static final String FACTORY = """
      package test.snap;
      import dev.kaniko.spi.*;
      import java.nio.file.*;
      import java.util.*;
      public class KeepOnlyFactory implements ProviderFactory<SnapshotStrategy> {
        public Class<SnapshotStrategy> type() { return SnapshotStrategy.class; }
        public String name() { return "keep-only"; }
        public SnapshotStrategy create(Map<String, String> config, PluginContext context) {
          return new SnapshotStrategy() {
            public void baseline(FileTreeView tree) {}
            public ChangeSet diff(FileTreeView tree, Collection<String> declared)
                throws PluginException {
              Set<String> changed = new TreeSet<>();
              try (var paths = Files.walk(tree.root())) {
                paths.filter(p -> p.getFileName().toString().startsWith("keep"))
                    .forEach(p -> changed.add("/" + tree.root().relativize(p)));
              } catch (java.io.IOException e) {
                throw new PluginException(PluginException.Reason.OTHER, e.getMessage(), e);
              }
              return new ChangeSet(changed, Set.of());
            }
          };
        }
      }
      """;

  @Test
  void snapshotMode_selectsAThirdPartyPluginByName_andUnknownNamesFailListingTheAvailable()
      throws Exception {
    Path plugins = Files.createDirectories(tmp.resolve("plugins"));
    Path jar = new TestJarBuilder(Files.createDirectories(tmp.resolve("jar")))
        .source("test.snap.KeepOnlyFactory", FACTORY)
        .source("test.snap.SnapPlugin", PluginSources.plugin("test.snap.SnapPlugin", "snap-keep",
            "java.util.List.of(new KeepOnlyFactory())"))
        .plugin("test.snap.SnapPlugin")
        .build(tmp.resolve("snap-keep.jar"));
    TestBundles.directoryBundle(plugins, "snap-keep",
        TestBundles.descriptor("snap-keep", "1.0.0", null), jar);
    BuildFixture f = new BuildFixture(tmp).file("keep.txt", "k").file("drop.txt", "d")
        .dockerfile("FROM scratch", "COPY keep.txt drop.txt /");

    try (PluginRegistry registry =
        PluginRegistry.load(new PluginLoadOptions(List.of(plugins), Set.of()))) {
      SnapshotStrategies strategies = SnapshotStrategies.of(registry,
          id -> HostPluginContext.of(Map.of(), tmp, id));
      build(f, strategies, "keep-only");
      Path rootfs = f.unpack("latest");
      assertThat(rootfs.resolve("keep.txt")).hasContent("k");
      assertThat(rootfs.resolve("drop.txt")).doesNotExist();

      build(f, strategies, SnapshotMode.FULL.flagValue());
      assertThat(f.unpack("latest").resolve("drop.txt")).hasContent("d");

      assertThatThrownBy(() -> build(f, strategies, "nope"))
          .isInstanceOf(BuildException.class)
          .hasMessage("--snapshot-mode nope: no snapshot strategy of that name"
              + " (available: full, keep-only, new-run, redo, time)");
    }
    assertThatThrownBy(() -> build(f, SnapshotStrategies.builtin(), "keep-only"))
        .hasMessageContaining("available: full, new-run, redo, time");
  }

  private static void build(BuildFixture f, SnapshotStrategies strategies, String mode)
      throws Exception {
    var options = dev.kaniko.core.options.BuildOptions.builder().noPush(true)
        .ociLayoutPath(Optional.of(f.layout)).singleSnapshot(true).snapshotModeName(mode)
        .build();
    new ImageBuilder(options, f.root.resolve("work"), Clock.systemUTC())
        .withSnapshotStrategies(strategies).build(f.context, f.context.resolve("Dockerfile"));
  }

}
