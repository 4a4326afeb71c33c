package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.ImageRef;
import dev.kaniko.testsupport.RegistryExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code bin/executor} with {@code --cache} against the harness registry (busybox
 * base): an unchanged rebuild is all hits with the same digest; a changed source file, build arg,
 * ENV or base image misses exactly from the affected step on; multi-stage builds hit in every
 * stage; lookups go on after a miss; a failing cache is a warning, never a failed build.
 */
class LayerCacheBuildIT {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  @TempDir Path temp;
  private CacheBuilds builds;

  @BeforeEach
  void setUp() {
    builds = new CacheBuilds(temp);
  }

  /** COPY (A), RUN (B), ARG, RUN using it (C), ENV, RUN using it (D), RUN (E). */
  private static String dockerfile(String base, String mode) {
    return "FROM " + base + "\n"
        + "COPY app.txt /app/app.txt\n"
        + "RUN cat /app/app.txt > /copy\n"
        + "ARG GREETING=hello\n"
        + "RUN echo \"$GREETING\" > /greeting\n"
        + "ENV MODE=" + mode + "\n"
        + "RUN echo \"$MODE\" > /mode\n"
        + "RUN echo static > /static\n";
  }

  @Test
  void rebuilds_hitUntilTheFirstChangedInput_andUnchangedRebuildGivesTheSameDigest()
      throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/base:1", ImageFormat.DOCKER_V2S2);
    Path context = builds.context("ctx", "app.txt", "v1",
        "Dockerfile", dockerfile(base.reference(), "one"));
    String[] flags = {"--cache-repo", registry.reference("cache/layers"), "--reproducible",
        "--cache-copy-layers"};

    CacheBuilds.Build cold = builds.run(context, flags).succeeded();
    CacheBuilds.Build warm = builds.run(context, flags).succeeded();

    assertThat(cold.cacheSequence()).containsExactly("miss", "miss", "miss", "miss", "miss");
    assertThat(warm.cacheSequence()).containsExactly("hit", "hit", "hit", "hit", "hit");
    assertThat(warm.keys()).isEqualTo(cold.keys());
    assertThat(warm.digest()).isEqualTo(cold.digest());
    assertThat(warm.reportJson().get("cacheHits").asInt()).isEqualTo(5);
    assertThat(cold.reportJson().get("cacheMisses").asInt()).isEqualTo(5);
    assertThat(warm.file("/copy")).isEqualTo("v1");
    assertThat(warm.file("/greeting")).isEqualTo("hello\n");
    assertThat(warm.file("/mode")).isEqualTo("one\n");

    CacheBuilds.Build arg = builds.run(context, append(flags, "--build-arg", "GREETING=bye"))
        .succeeded();
    assertThat(arg.cacheSequence()).containsExactly("hit", "hit", "miss", "miss", "miss");
    assertThat(arg.file("/greeting")).isEqualTo("bye\n");

    Files.writeString(context.resolve("Dockerfile"), dockerfile(base.reference(), "two"));
    CacheBuilds.Build env = builds.run(context, flags).succeeded();
    assertThat(env.cacheSequence()).containsExactly("hit", "hit", "hit", "miss", "miss");
    assertThat(env.file("/mode")).isEqualTo("two\n");

    Files.writeString(context.resolve("Dockerfile"), dockerfile(base.reference(), "one"));
    Files.writeString(context.resolve("app.txt"), "v2");
    CacheBuilds.Build source = builds.run(context, flags).succeeded();
    assertThat(source.cacheSequence()).containsExactly("miss", "miss", "miss", "miss", "miss");
    assertThat(source.file("/copy")).isEqualTo("v2");

    Files.writeString(context.resolve("app.txt"), "v1");
    BaseImages.pushBusybox(registry, "cache/base:1", ImageFormat.OCI); // same tag, new digest
    CacheBuilds.Build rebased = builds.run(context, flags).succeeded();
    assertThat(rebased.cacheSequence()).containsExactly("miss", "miss", "miss", "miss", "miss");
    assertThat(rebased.file("/copy")).isEqualTo("v1");
  }

  @Test
  void defaults_cacheRunLayersOnly_andCopyChangesStillReachTheKeys() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/base:2", ImageFormat.DOCKER_V2S2);
    Path context = builds.context("ctx", "app.txt", "v1",
        "Dockerfile", dockerfile(base.reference(), "one"));
    String[] flags = {"--cache-repo", "dir:" + temp.resolve("dir-cache")};

    CacheBuilds.Build cold = builds.run(context, flags).succeeded();
    CacheBuilds.Build warm = builds.run(context, flags).succeeded();
    Files.writeString(context.resolve("app.txt"), "v2");
    CacheBuilds.Build changed = builds.run(context, flags).succeeded();

    assertThat(cold.cacheSequence()).containsExactly("miss", "miss", "miss", "miss");
    assertThat(warm.cacheSequence()).containsExactly("hit", "hit", "hit", "hit");
    assertThat(cold.err()).doesNotContain("cache miss Dockerfile:2 ");
    assertThat(changed.cacheSequence()).containsExactly("miss", "miss", "miss", "miss");
    assertThat(changed.file("/copy")).isEqualTo("v2");
    assertThat(warm.file("/static")).isEqualTo("static\n");
  }

  @Test
  void multiStageBuild_hitsInEveryStage() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/base:3", ImageFormat.DOCKER_V2S2);
    Path context = builds.context("ctx", "src/app.txt", "source",
        "Dockerfile", "FROM " + base.reference() + " AS builder\n"
            + "COPY src /src\n"
            + "RUN cat /src/app.txt > /out && echo built >> /out\n"
            + "RUN test -f /out\n"
            + "FROM builder AS tested\n"
            + "RUN grep built /out > /tested\n"
            + "FROM " + base.reference() + "\n"
            + "COPY --from=tested /out /tested /result/\n"
            + "RUN cat /result/out /result/tested > /final\n");
    String[] flags = {"--cache-repo", registry.reference("cache/multi"), "--reproducible",
        "--cache-copy-layers"};

    CacheBuilds.Build cold = builds.run(context, flags).succeeded();
    CacheBuilds.Build warm = builds.run(context, flags).succeeded();

    assertThat(cold.cacheSequence()).hasSize(6).containsOnly("miss");
    assertThat(warm.cacheSequence()).containsExactly("hit", "hit", "hit", "hit", "hit", "hit");
    assertThat(warm.err()).contains("cache hit Dockerfile:4 RUN test -f /out key=");
    assertThat(warm.digest()).isEqualTo(cold.digest());
    assertThat(warm.file("/final")).isEqualTo("sourcebuilt\nsourcebuilt\n");
  }

  @Test
  void aMissingEntry_missesThatStepOnly_lookupsGoOn() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/base:4", ImageFormat.DOCKER_V2S2);
    Path context = builds.context("ctx", "Dockerfile", "FROM " + base.reference() + "\n"
        + "RUN echo one > /one\nRUN echo two > /two\nRUN cat /one /two > /three\n");
    Path cache = temp.resolve("dir-cache");
    String[] flags = {"--cache-repo", "dir:" + cache};
    CacheBuilds.Build cold = builds.run(context, flags).succeeded();
    Files.delete(cache.resolve("entries").resolve(cold.keys().get(1) + ".json"));

    CacheBuilds.Build warm = builds.run(context, flags).succeeded();

    assertThat(warm.cacheSequence()).containsExactly("hit", "miss", "hit");
    assertThat(warm.keys()).isEqualTo(cold.keys());
    assertThat(warm.file("/three")).isEqualTo("one\ntwo\n");
  }

  @Test
  void noPushCache_looksUpButNeverStores_ociLayoutBackend() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/base:5", ImageFormat.DOCKER_V2S2);
    Path context = builds.context("ctx", "Dockerfile", "FROM " + base.reference() + "\n"
        + "RUN echo one > /one\n");
    String cache = "oci:" + temp.resolve("oci-cache");

    CacheBuilds.Build first = builds.run(context, "--cache-repo", cache, "--no-push-cache")
        .succeeded();
    CacheBuilds.Build second = builds.run(context, "--cache-repo", cache).succeeded();
    CacheBuilds.Build third = builds.run(context, "--cache-repo", cache, "--no-push-cache")
        .succeeded();

    assertThat(first.cacheSequence()).containsExactly("miss");
    assertThat(second.cacheSequence()).containsExactly("miss");
    assertThat(third.cacheSequence()).containsExactly("hit");
    assertThat(third.file("/one")).isEqualTo("one\n");
    assertThat(temp.resolve("oci-cache/index.json")).content().contains(third.keys().get(0));
  }

  @Test
  void changedHeredocBody_misses() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/base:8", ImageFormat.DOCKER_V2S2);
    Path context = builds.context("ctx", "Dockerfile", "FROM " + base.reference() + "\n"
        + "RUN <<EOF\necho one > /doc\nEOF\n");
    String[] flags = {"--cache-repo", "dir:" + temp.resolve("dir-cache")};
    builds.run(context, flags).succeeded();
    Files.writeString(context.resolve("Dockerfile"), "FROM " + base.reference() + "\n"
        + "RUN <<EOF\necho two > /doc\nEOF\n");

    CacheBuilds.Build changed = builds.run(context, flags).succeeded();

    assertThat(changed.cacheSequence()).containsExactly("miss");
    assertThat(changed.file("/doc")).isEqualTo("two\n");
  }

  @Test
  void expiredEntries_areMisses() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/base:6", ImageFormat.DOCKER_V2S2);
    Path context = builds.context("ctx", "Dockerfile", "FROM " + base.reference() + "\n"
        + "RUN echo one > /one\n");
    String repo = registry.reference("cache/ttl");
    builds.run(context, "--cache-repo", repo).succeeded();
    Thread.sleep(1100);

    CacheBuilds.Build expired = builds.run(context, "--cache-repo", repo, "--cache-ttl", "1s")
        .succeeded();
    CacheBuilds.Build fresh = builds.run(context, "--cache-repo", repo, "--cache-ttl", "1h")
        .succeeded();

    assertThat(expired.cacheSequence()).containsExactly("miss");
    assertThat(fresh.cacheSequence()).containsExactly("hit");
  }

  @Test
  void brokenCache_isAWarning_neverAFailedBuild() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/base:7", ImageFormat.DOCKER_V2S2);
    Path context = builds.context("ctx", "Dockerfile", "FROM " + base.reference() + "\n"
        + "RUN echo one > /one\n");
    Path cache = Files.createDirectories(temp.resolve("broken-cache"));
    Files.writeString(cache.resolve("blobs"), "a file where the blob directory should be");

    CacheBuilds.Build build = builds.run(context, "--cache-repo", "dir:" + cache).succeeded();

    assertThat(build.cacheSequence()).containsExactly("miss");
    assertThat(build.err()).contains("cache store failed for key=" + build.keys().get(0));
    assertThat(build.file("/one")).isEqualTo("one\n");
  }

  @Test
  void runWithABindMount_isNeverCached_andLaterStepsSeeWhatItChanged() throws Exception {
    ImageRef base = BaseImages.pushBusybox(registry, "cache/base:bind", ImageFormat.DOCKER_V2S2);
    Path context = builds.context("ctx", "x.txt", "one",
        "Dockerfile", "FROM " + base.reference() + "\n"
            + "RUN --mount=type=bind,source=x.txt,target=/x cp /x /copied\n"
            + "RUN cat /copied > /out\n");
    String[] flags = {"--cache-repo", "dir:" + temp.resolve("bind-cache"), "--reproducible"};

    CacheBuilds.Build cold = builds.run(context, flags).succeeded();
    CacheBuilds.Build same = builds.run(context, flags).succeeded();
    Files.writeString(context.resolve("x.txt"), "two");
    CacheBuilds.Build changed = builds.run(context, flags).succeeded();

    assertThat(cold.err()).contains("cache skip Dockerfile:2");
    assertThat(cold.cacheSequence()).containsExactly("miss");
    assertThat(same.cacheSequence()).containsExactly("hit"); // the RUN made the same layer
    assertThat(changed.cacheSequence()).containsExactly("miss");
    assertThat(changed.file("/out")).isEqualTo("two");
  }

  @Test
  void cacheWithSingleSnapshot_failsWithOneLine() throws Exception {
    Path context = builds.context("ctx", "Dockerfile", "FROM scratch\nENV A=b\n");

    CacheBuilds.Build build = builds.run(context, "--cache-repo", "dir:" + temp.resolve("c"),
        "--single-snapshot");

    assertThat(build.exit()).isEqualTo(1);
    assertThat(build.err().strip().lines().toList()).last().isEqualTo(
        "error: --cache with --single-snapshot is not supported yet");
  }

  private static String[] append(String[] flags, String... more) {
    List<String> all = new java.util.ArrayList<>(List.of(flags));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
