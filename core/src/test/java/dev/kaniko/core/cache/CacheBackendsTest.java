package dev.kaniko.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.registry.RegistryOptions;
import dev.kaniko.spi.CacheBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheBackendsTest {

  @TempDir Path dir;

  private CacheBackend select(Optional<String> repo, String... destinations) {
    List<ImageReference> refs = java.util.Arrays.stream(destinations).map(ImageReference::parse).toList();
    return CacheBackends.forRepo(repo, refs, Duration.ofHours(1), RegistryOptions.defaults(), r -> Optional.empty(),
        dir, Clock.systemUTC());
  }

  @Test
  void ociPrefix_isAnOciLayout_andDirPrefix_aLocalDirectory() {
    assertThat(select(Optional.of("oci:" + dir.resolve("layout"))))
        .isInstanceOf(OciLayoutCacheBackend.class).hasToString("oci:" + dir.resolve("layout"));
    assertThat(select(Optional.of("dir:" + dir.resolve("local"))))
        .isInstanceOf(LocalDirCacheBackend.class).hasToString("dir:" + dir.resolve("local"));
  }

  @Test
  void registryRepo_orDefault_isTheRegistryBackend_likeKaniko() {
    assertThat(select(Optional.of("registry.example:5000/team/cache")))
        .isInstanceOf(RegistryCacheBackend.class).hasToString("registry:registry.example:5000/team/cache");
    assertThat(select(Optional.empty(), "registry.example:5000/team/app:1.0", "other.example/x"))
        .hasToString("registry:registry.example:5000/team/app/cache");
    assertThat(select(Optional.of(""), "busybox:1")).hasToString("registry:docker.io/library/busybox/cache");
  }

  @Test
  void noRepoAndNoDestination_isAOneLineError() {
    assertThatThrownBy(() -> select(Optional.empty()))
        .hasMessage("--cache needs --cache-repo when there is no --destination");
    assertThatThrownBy(() -> select(Optional.of("UPPER/Case")))
        .hasMessageStartingWith("--cache-repo: invalid image reference 'UPPER/Case'");
  }
}
