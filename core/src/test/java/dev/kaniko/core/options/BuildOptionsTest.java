package dev.kaniko.core.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.image.Compression;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuildOptionsTest {

  @Test
  void defaults_matchKaniko() {
    BuildOptions options = BuildOptions.defaults();

    assertThat(options.dockerfile()).isEqualTo("Dockerfile");
    assertThat(options.context()).isEqualTo("/workspace/");
    assertThat(options.snapshotMode()).isEqualTo(SnapshotMode.FULL);
    assertThat(options.cacheDir()).isEqualTo(Path.of("/cache"));
    assertThat(options.cacheTtl()).isEqualTo(Duration.ofHours(336));
    assertThat(options.cacheRunLayers()).isTrue();
    assertThat(options.compressedCaching()).isTrue();
    assertThat(options.ignoreVarRun()).isTrue();
    assertThat(options.compression()).isEqualTo(Compression.GZIP);
    assertThat(options.compressionLevel()).isEqualTo(-1);
    assertThat(options.kanikoDir()).isEqualTo(Path.of("/kaniko"));
    assertThat(options.destinations()).isEmpty();
    assertThat(options.target()).isEmpty();
    assertThat(options.registry()).isEqualTo(RegistryOptions.defaults());
  }

  @Test
  void build_copiesCollectionsSoLaterChangesDoNotLeakIn() {
    List<String> destinations = new ArrayList<>(List.of("reg/a:1"));
    Map<String, String> args = new LinkedHashMap<>(Map.of("A", "1"));
    BuildOptions options =
        BuildOptions.builder().destinations(destinations).buildArgs(args).build();

    destinations.add("reg/b:2");
    args.put("B", "2");

    assertThat(options.destinations()).containsExactly("reg/a:1");
    assertThat(options.buildArgs()).containsOnlyKeys("A");
    assertThatThrownBy(() -> options.destinations().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void buildArgs_keepCommandLineOrder() {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("Z", "1");
    args.put("A", "2");
    args.put("M", "3");

    assertThat(BuildOptions.builder().buildArgs(args).build().buildArgs().keySet())
        .containsExactly("Z", "A", "M");
  }

  @Test
  void toString_masksBuildArgValues() {
    BuildOptions options =
        BuildOptions.builder()
            .buildArgs(Map.of("NPM_TOKEN", "s3cr3t-value"))
            .target(Optional.of("final"))
            .build();

    assertThat(options.toString())
        .contains("NPM_TOKEN=***")
        .contains("target=Optional[final]")
        .doesNotContain("s3cr3t-value");
  }

  @Test
  void equals_comparesEveryOption() {
    assertThat(BuildOptions.builder().noPush(true).build())
        .isEqualTo(BuildOptions.builder().noPush(true).build())
        .isNotEqualTo(BuildOptions.defaults());
    assertThat(BuildOptions.builder().buildArgs(Map.of("A", "1")).build())
        .isNotEqualTo(BuildOptions.builder().buildArgs(Map.of("A", "2")).build());
  }

  @Test
  void builder_rejectsNullReferences() {
    assertThatThrownBy(() -> BuildOptions.builder().dockerfile(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("dockerfile");
  }

  @Test
  void warmerToString_masksBuildArgValues() {
    WarmerOptions options =
        WarmerOptions.builder().images(List.of("busybox")).buildArgs(Map.of("K", "hidden")).build();

    assertThat(options.toString()).contains("K=***").contains("busybox").doesNotContain("hidden");
    assertThat(options.cacheTtl()).isEqualTo(Duration.ofHours(336));
  }

  @Test
  void enums_parseKanikoSpellingsAndRejectOthers() {
    assertThat(SnapshotMode.parse("redo")).isEqualTo(SnapshotMode.REDO);
    assertThat(Compression.parse("zstd")).isEqualTo(Compression.ZSTD);
    assertThatThrownBy(() -> SnapshotMode.parse("FULL"))
        .hasMessage("invalid snapshot mode 'FULL' (expected full, redo or time)");
    assertThatThrownBy(() -> Compression.parse("xz"))
        .hasMessage("invalid compression 'xz' (expected gzip or zstd)");
  }
}
