package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.ImageIndex;
import dev.kaniko.core.image.Manifest;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.core.image.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformSelectorTest {

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = PlatformSelectorTest.class.getResourceAsStream("/registry/" + name)) {
      return in.readAllBytes();
    }
  }

  private static ImageIndex multiarch() throws IOException {
    return ImageIndex.parse(fixture("index-multiarch.json"), "sha256:" + "0".repeat(64), null);
  }

  private static String select(ImageIndex index, String platform) throws RegistryException {
    return new PlatformSelector().select(index, Platform.parse(platform), "r/img:1").digest();
  }

  @Test
  void select_matchesOsAndArchitecture() throws Exception {
    assertThat(select(multiarch(), "linux/amd64")).startsWith("sha256:1111");
    assertThat(select(multiarch(), "linux/arm64")).startsWith("sha256:4444");
  }

  @Test
  void select_honoursRequestedVariant() throws Exception {
    assertThat(select(multiarch(), "linux/arm/v7")).startsWith("sha256:3333");
    assertThat(select(multiarch(), "linux/arm/v6")).startsWith("sha256:2222");
    assertThat(select(multiarch(), "linux/arm64/v8")).startsWith("sha256:4444");
  }

  @Test
  void select_withoutVariant_takesTheFirstMatchInIndexOrder() throws Exception {
    assertThat(select(multiarch(), "linux/arm")).startsWith("sha256:2222");
  }

  @Test
  void select_missingPlatform_listsWhatTheIndexHas() {
    assertThatThrownBy(() -> select(multiarch(), "linux/s390x"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("image r/img:1 has no manifest for platform linux/s390x; it has linux/amd64, linux/arm/v6,"
            + " linux/arm/v7, linux/arm64, unknown/unknown")
        .satisfies(e -> assertThat(((RegistryException) e).kind()).isEqualTo(RegistryException.Kind.NOT_FOUND));
  }

  @Test
  void select_variantMissingFromIndex_isLookedUpInTheConfigsOfSameArchEntriesOnly() throws Exception {
    ImageIndex list = ImageIndex.parse(fixture("manifest-list-docker.json"), "sha256:" + "0".repeat(64), null);
    Map<String, String> configVariants = Map.of(
        "sha256:" + "a".repeat(64), "v6", "sha256:" + "b".repeat(64), "v7");
    List<String> looked = new ArrayList<>();
    PlatformSelector selector = new PlatformSelector(entry -> {
      looked.add(entry.digest());
      return Optional.ofNullable(configVariants.get(entry.digest()));
    });

    Descriptor chosen = selector.select(list, Platform.parse("linux/arm/v7"), "r/img");

    assertThat(chosen.digest()).isEqualTo("sha256:" + "b".repeat(64));
    assertThat(looked).containsExactly("sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64));
    assertThat(list.mediaType()).isEqualTo(MediaTypes.DOCKER_MANIFEST_LIST);
  }

  @Test
  void imageManifest_parsesConfigLayersUrlsAndFamily() throws Exception {
    Manifest manifest = Manifest.parse(fixture("manifest-docker.json"), "sha256:" + "9".repeat(64), null);

    assertThat(manifest.format()).isEqualTo(ImageFormat.DOCKER);
    assertThat(manifest.config().size()).isEqualTo(1469);
    assertThat(manifest.layers()).extracting(Descriptor::size).containsExactly(2811478L, 100L);
    assertThat(manifest.layers().get(1).urls()).containsExactly("https://example.com/layer");
  }

  @Test
  void imageManifest_rejectsSchema1AndIndexes() throws Exception {
    assertThatThrownBy(() -> Manifest.parse(fixture("manifest-schema1.json"), "sha256:x", null))
        .hasMessageContaining("Docker schema 1 is not supported");
    assertThatThrownBy(() -> Manifest.parse(fixture("index-multiarch.json"), "sha256:x", null))
        .hasMessageContaining("unsupported media type " + MediaTypes.OCI_INDEX);
  }
}
