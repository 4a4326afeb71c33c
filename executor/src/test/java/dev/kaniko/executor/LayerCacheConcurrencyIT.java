package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight {@code bin/executor} processes sharing one layer cache (registry, local dir) all succeed
 * with correct images, and a build SIGKILLed while it stores a layer leaves nothing a later build
 * uses.
 */
class LayerCacheConcurrencyIT {
  private static final int BUILDS = 8;

  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  @TempDir Path temp;
  private CacheBuilds builds;

  @BeforeEach
  void setUp() {
    builds = new CacheBuilds(temp);
  }

  private Path context(String tag) throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "conc/base:" + tag, ImageFormat.DOCKER_V2S2);
    return builds.context("ctx", "Dockerfile", "FROM " + base.reference() + "\n"
        + "ARG N\n"
        + "RUN echo \"$N\" > /n && echo shared > /shared\n"
        + "RUN cat /n /shared > /both\n");
  }

  @Test
  void eightParallelBuilds_sharingARegistryCache_allSucceedWithCorrectImages() throws Exception {
    parallelBuilds(context("reg"), registry.reference("conc/cache"));
  }

  @Test
  void eightParallelBuilds_sharingADirCache_allSucceedWithCorrectImages() throws Exception {
    parallelBuilds(context("dir"), "dir:" + temp.resolve("shared-cache"));
  }

  /** Builds N=0 and N=1 four times each at once, then once more: every step must hit. */
  private void parallelBuilds(Path context, String cacheRepo) throws Exception {
    List<CacheBuilds.Started> started = new ArrayList<>();
    for (int i = 0; i < BUILDS; i++) {
      started.add(builds.start(context, "--cache-repo", cacheRepo, "--build-arg", "N=" + i % 2));
    }
    for (int i = 0; i < BUILDS; i++) {
      CacheBuilds.Build build = started.get(i).await().succeeded();
      assertThat(build.file("/both")).isEqualTo(i % 2 + "\nshared\n");
    }

    for (int n = 0; n < 2; n++) {
      CacheBuilds.Build again =
          builds.run(context, "--cache-repo", cacheRepo, "--build-arg", "N=" + n).succeeded();
      assertThat(again.cacheSequence()).containsExactly("hit", "hit");
      assertThat(again.file("/both")).isEqualTo(n + "\nshared\n");
    }
  }

  @Test
  void buildKilledWhileStoring_leavesNoEntryALaterBuildUses() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "conc/base:kill", ImageFormat.DOCKER_V2S2);
    Path context = builds.context("ctx", "Dockerfile", "FROM " + base.reference() + "\n"
        + "RUN head -c 64000000 /dev/urandom > /big && md5sum /big > /big.md5\n"
        + "RUN echo after > /after\n");
    Path cache = temp.resolve("cache");

    boolean killed = false;
    for (int attempt = 0; attempt < 3 && !killed; attempt++) {
      TreeDeleterForTests.delete(cache);
      killed = killWhileStoring(builds.start(context, "--cache-repo", "dir:" + cache), cache);
    }
    assertThat(killed).as("caught a build in the middle of storing its big layer").isTrue();
    List<String> left = entries(cache).stream().map(p -> p.getFileName().toString()).toList();
    assertThat(left).as("the killed build stored at most the small layer").hasSizeLessThan(2);

    CacheBuilds.Build later = builds.run(context, "--cache-repo", "dir:" + cache).succeeded();
    CacheBuilds.Build again = builds.run(context, "--cache-repo", "dir:" + cache).succeeded();

    assertThat(later.cacheSequence()).containsExactlyElementsOf(later.keys().stream()
        .map(key -> left.contains(key + ".json") ? "hit" : "miss").toList());
    assertThat(later.cacheSequence()).startsWith("miss");
    assertThat(again.cacheSequence()).containsExactly("hit", "hit");
    for (CacheBuilds.Build build : List.of(later, again)) {
      assertThat(build.file("/big.md5")).isEqualTo(build.md5("/big") + "  /big\n");
      assertThat(build.file("/after")).isEqualTo("after\n");
    }
  }

  /**
   * Waits until the build writes its first blob into the dir cache's {@code tmp/}, then
   * SIGKILLs it; false if the build finished first.
   */
  private static boolean killWhileStoring(CacheBuilds.Started build, Path cache)
      throws Exception {
    Path tmp = cache.resolve("tmp");
    while (build.process().isAlive()) {
      if (Files.isDirectory(tmp) && !entries(cache).iterator().hasNext() && hasFile(tmp)) {
        build.process().destroyForcibly(); // bin/executor execs java: this is SIGKILL to the JVM
        assertThat(build.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        return true;
      }
      Thread.sleep(1);
    }
    return false;
  }

  private static boolean hasFile(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isPresent();
    }
  }

  private static List<Path> entries(Path cache) throws Exception {
    Path dir = cache.resolve("entries");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  /** Recursive delete of a test directory. */
  private static final class TreeDeleterForTests {
    static void delete(Path dir) throws Exception {
      if (!Files.exists(dir)) {
        return;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
