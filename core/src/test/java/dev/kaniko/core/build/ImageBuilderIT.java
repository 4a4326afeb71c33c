package dev.kaniko.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kaniko.core.layer.Processes;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end builds of FROM scratch / FROM stage Dockerfiles, checked with umoci and skopeo. */
class ImageBuilderIT {
  @TempDir Path tmp;

  @Test
  void scratchBuild_copiesFilesAndWritesDockerConfig() throws Exception {
    BuildFixture f = new BuildFixture(tmp)
        .file("app/bin/run.sh", "#!/bin/sh\necho hi\n")
        .file("app/conf/app.conf", "key=value\n")
        .file("README.txt", "read me\n")
        .dockerfile("FROM scratch",
            "ENV APP_HOME=/opt/app GREETING=\"hello world\"",
            "WORKDIR $APP_HOME",
            "COPY app/ ./",
            "COPY README.txt /docs/",
            "LABEL org.example.name=demo version=1",
            "EXPOSE 8080 53/udp",
            "VOLUME /data",
            "USER 1000:1000",
            "STOPSIGNAL SIGTERM",
            "MAINTAINER someone@example.com",
            "CMD [\"/opt/app/bin/run.sh\"]");
    Files.setAttribute(f.context.resolve("app/bin/run.sh"), "unix:mode", 0750);

    BuildResult result = f.build(b -> b.labels(Map.of("from.flag", "yes")));

    JsonNode config = f.inspectConfig("oci:" + f.layout + ":latest");
    JsonNode c = config.get("config");
    assertThat(BuildFixture.texts(c.get("Env"))).containsExactly(
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "APP_HOME=/opt/app", "GREETING=hello world");
    assertThat(c.get("WorkingDir").asText()).isEqualTo("/opt/app");
    assertThat(c.get("User").asText()).isEqualTo("1000:1000");
    assertThat(BuildFixture.texts(c.get("Cmd"))).containsExactly("/opt/app/bin/run.sh");
    assertThat(c.get("Labels").get("org.example.name").asText()).isEqualTo("demo");
    assertThat(c.get("Labels").get("version").asText()).isEqualTo("1");
    assertThat(c.get("Labels").get("from.flag").asText()).isEqualTo("yes");
    assertThat(c.get("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(c.get("ExposedPorts").has("53/udp")).isTrue();
    assertThat(c.get("Volumes").has("/data")).isTrue();
    assertThat(c.get("StopSignal").asText()).isEqualTo("SIGTERM");
    assertThat(config.get("author").asText()).isEqualTo("someone@example.com");
    assertThat(config.get("created").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(config.get("os").asText()).isEqualTo("linux");

    JsonNode history = config.get("history");
    assertThat(history).hasSize(11);
    assertThat(history.get(2).get("created_by").asText()).isEqualTo("COPY app/ ./");
    assertThat(history.get(2).has("empty_layer")).isFalse();
    assertThat(history.get(0).get("created_by").asText())
        .isEqualTo("ENV APP_HOME=/opt/app GREETING=\"hello world\"");
    assertThat(history.get(0).get("empty_layer").asBoolean()).isTrue();
    // WORKDIR created /opt/app: a layer; two COPYs: two more
    assertThat(result.layers()).hasSize(3);
    assertThat(config.get("rootfs").get("diff_ids")).hasSize(3);

    Path rootfs = f.unpack("latest");
    assertThat(rootfs.resolve("opt/app/bin/run.sh")).hasContent("#!/bin/sh\necho hi");
    assertThat(rootfs.resolve("opt/app/conf/app.conf")).hasContent("key=value");
    assertThat(rootfs.resolve("docs/README.txt")).hasContent("read me");
    assertThat(mode(rootfs.resolve("opt/app/bin/run.sh"))).isEqualTo(0750);
    assertThat(Files.getAttribute(rootfs.resolve("docs/README.txt"), "unix:uid")).isEqualTo(0);
  }

  @Test
  void copyFlags_chownByNameFromStagePasswdAndChmod() throws Exception {
    BuildFixture f = new BuildFixture(tmp)
        .file("passwd", "root:x:0:0:root:/root:/bin/sh\napp:x:1234:1234::/home/app:/bin/sh\n")
        .file("group", "root:x:0:\nstaff:x:50:\n")
        .file("data/a.txt", "a")
        .file("data/sub/b.txt", "b")
        .dockerfile("FROM scratch",
            "COPY passwd group /etc/",
            "COPY --chown=app:staff --chmod=0640 data /srv/data",
            "COPY --chown=1234 data/a.txt /srv/single");

    f.build();

    Path rootfs = f.unpack("latest");
    Path b = rootfs.resolve("srv/data/sub/b.txt");
    assertThat(b).hasContent("b");
    assertThat(Files.getAttribute(b, "unix:uid")).isEqualTo(1234);
    assertThat(Files.getAttribute(b, "unix:gid")).isEqualTo(50);
    assertThat(mode(b)).isEqualTo(0640);
    assertThat(Files.getAttribute(rootfs.resolve("srv/data"), "unix:uid")).isEqualTo(1234);
    assertThat(Files.getAttribute(rootfs.resolve("srv/single"), "unix:gid")).isEqualTo(1234);
    assertThat(rootfs.resolve("srv/single")).isRegularFile().hasContent("a");
  }

  @Test
  void multiStage_fromStageAndCopyFrom() throws Exception {
    BuildFixture f = new BuildFixture(tmp)
        .file("one.txt", "one")
        .file("two.txt", "two")
        .file("lib/x.so", "x")
        .dockerfile("FROM scratch AS base",
            "ENV FROM_BASE=1",
            "COPY one.txt /base/",
            "CMD [\"base\"]",
            "FROM scratch AS builder",
            "COPY lib /out/lib",
            "COPY two.txt /out/",
            "FROM base",
            "ENTRYPOINT [\"/entry\"]",
            "COPY --from=builder /out/lib/*.so /usr/lib/",
            "COPY --from=1 /out/two.txt /two.txt");

    f.build();

    JsonNode c = f.inspectConfig("oci:" + f.layout + ":latest").get("config");
    assertThat(BuildFixture.texts(c.get("Env"))).contains("FROM_BASE=1");
    assertThat(BuildFixture.texts(c.get("Entrypoint"))).containsExactly("/entry");
    assertThat(c.has("Cmd")).as("ENTRYPOINT resets an inherited CMD").isFalse();
    Path rootfs = f.unpack("latest");
    assertThat(rootfs.resolve("base/one.txt")).hasContent("one");
    assertThat(rootfs.resolve("usr/lib/x.so")).hasContent("x");
    assertThat(rootfs.resolve("two.txt")).hasContent("two");
    assertThat(rootfs.resolve("out")).doesNotExist();
    JsonNode manifest = f.inspect("oci:" + f.layout + ":latest");
    assertThat(manifest.get("Layers")).hasSize(3);
  }

  @Test
  void hardlinksInsideACopiedTreeStayHardlinks() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("tree/a", "same")
        .dockerfile("FROM scratch", "COPY tree /t");
    Files.createLink(f.context.resolve("tree/b"), f.context.resolve("tree/a"));

    f.build();

    Path rootfs = f.unpack("latest");
    assertThat(Files.getAttribute(rootfs.resolve("t/a"), "unix:ino"))
        .isEqualTo(Files.getAttribute(rootfs.resolve("t/b"), "unix:ino"));
  }

  @Test
  void reproducible_sameDigestEveryTimeAndEpochTimes() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("f.txt", "content")
        .dockerfile("FROM scratch", "COPY f.txt /", "CMD [\"/f.txt\"]");

    BuildResult first = f.build(b -> b.reproducible(true));
    Files.setLastModifiedTime(f.context.resolve("f.txt"),
        java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    BuildResult second = f.build(b -> b.reproducible(true));

    assertThat(second.digest()).isEqualTo(first.digest());
    JsonNode config = f.inspectConfig("oci:" + f.layout + ":latest");
    assertThat(config.get("created").asText()).isEqualTo("1970-01-01T00:00:00Z");
    // umoci (Go) needs a created time on every history entry: the epoch, as for the image.
    config.get("history").forEach(entry ->
        assertThat(entry.get("created").asText()).isEqualTo("1970-01-01T00:00:00Z"));
    assertThat(f.build().digest()).isNotEqualTo(first.digest());
  }

  @Test
  void outputs_dockerArchiveAndDigestFiles() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("f.txt", "x")
        .dockerfile("FROM scratch", "COPY f.txt /");
    Path digest = tmp.resolve("out/digest");
    Path names = tmp.resolve("out/names");
    Path tags = tmp.resolve("out/tags");

    BuildResult result = f.build(b -> b.tarPath(Optional.of(f.tar))
        .destinations(List.of("registry.example:5000/team/app:1.2", "app"))
        .digestFile(Optional.of(digest)).imageNameWithDigestFile(Optional.of(names))
        .imageNameTagWithDigestFile(Optional.of(tags)));

    assertThat(digest).hasContent(result.digest());
    assertThat(Files.readString(names)).isEqualTo("registry.example:5000/team/app@"
        + result.digest() + "\nindex.docker.io/library/app@" + result.digest() + "\n");
    assertThat(Files.readString(tags)).isEqualTo("registry.example:5000/team/app:1.2@"
        + result.digest() + "\nindex.docker.io/library/app:latest@" + result.digest() + "\n");
    JsonNode archive = f.inspectConfig("docker-archive:" + f.tar);
    assertThat(archive.get("rootfs").get("diff_ids")).hasSize(1);
    assertThat(f.inspect("oci:" + f.layout + ":1.2").get("Digest").asText())
        .isEqualTo(result.digest());
  }

  @Test
  void errors_nameTheDockerfileLine() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("f.txt", "x");
    f.dockerfile("FROM scratch", "COPY f.txt /", "RUN --mount=type=cache,target=/c,sharing=bogus echo hi");
    assertThatThrownBy(f::build).isInstanceOf(BuildException.class)
        .hasMessage("Dockerfile:3: RUN --mount: sharing must be shared, private or locked, not 'bogus'");
    f.dockerfile("FROM scratch", "RUN --network=bridge true");
    assertThatThrownBy(f::build).hasMessage(
        "Dockerfile:2: RUN --network=bridge is not supported (default, none, host)");
    f.dockerfile("FROM scratch", "RUN --security=insecure true");
    assertThatThrownBy(f::build).hasMessage("Dockerfile:2: RUN --security=insecure is not supported:"
        + " the executor grants no extra privileges to RUN");
    f.dockerfile("FROM scratch", "", "", "RUN --mount=type=ssh true");
    assertThatThrownBy(f::build).hasMessage(
        "Dockerfile:4: RUN --mount=type=ssh is not supported (no SSH agent forwarding)");
    f.dockerfile("FROM scratch", "RUN --mount=from=nowhere,target=/x true");
    assertThatThrownBy(f::build).hasMessage("Dockerfile:2: RUN --mount=type=bind,from=nowhere: not a stage"
        + " of this Dockerfile (images are not supported here)");
    f.dockerfile("FROM scratch", "COPY --chmod=u+q f.txt /");
    assertThatThrownBy(f::build).hasMessageStartingWith(
        "Dockerfile:2: invalid --chmod u+q: expected an octal mode");
    f.dockerfile("FROM scratch", "", "COPY missing.txt /");
    assertThatThrownBy(f::build).hasMessage(
        "Dockerfile:3: source missing.txt not found in the build context");
    f.dockerfile("FROM scratch", "COPY ../f.txt /");
    assertThatThrownBy(f::build).hasMessage(
        "Dockerfile:2: source ../f.txt is outside the build context");
    f.dockerfile("FROM scratch", "COPY *.none /");
    assertThatThrownBy(f::build).hasMessage(
        "Dockerfile:2: no source files match *.none in the build context");
    f.dockerfile("FROM 127.0.0.1:9/nothing/here:1", "COPY f.txt /");
    assertThatThrownBy(f::build).isInstanceOf(BuildException.class)
        .hasMessageContaining("127.0.0.1:9/nothing/here:1");
    f.dockerfile("FROM scratch", "COPY --chown=nobody f.txt /");
    assertThatThrownBy(f::build).hasMessage(
        "Dockerfile:2: unable to find user nobody: no matching entries in /etc/passwd");
    f.dockerfile("FROM scratch", "COPY f.txt Dockerfile /dir");
    assertThatThrownBy(f::build).hasMessageStartingWith("Dockerfile:2: when copying several");
    assertThat(Files.list(tmp.resolve("work"))).as("work dir cleaned up").isEmpty();
  }

  @Test
  void stageUsedOnlyByCopyFrom_writesNoLayer_theTargetsFromAncestorsDo() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("a.txt", "a").file("b.txt", "b")
        .dockerfile("FROM scratch AS base", "COPY a.txt /a.txt",
            "FROM scratch AS tool", "COPY b.txt /b.txt",
            "FROM base", "COPY --from=tool /b.txt /c.txt");

    BuildResult result = f.build();

    assertThat(result.layers()).hasSize(2); // base's a.txt and the target's c.txt
    Path rootfs = f.unpack("latest");
    assertThat(rootfs.resolve("a.txt")).hasContent("a");
    assertThat(rootfs.resolve("c.txt")).hasContent("b");
    assertThat(rootfs.resolve("b.txt")).doesNotExist();

    String[] unusedStage = {"FROM scratch AS build", "COPY a.txt /a.txt", "FROM scratch", "ENV X=1"};
    BuildFixture unused = new BuildFixture(tmp.resolve("unused")).file("a.txt", "a")
        .dockerfile(unusedStage);
    assertThat(unused.build().breakdown().get(BuildTimings.LAYER_WRITE))
        .as("no layer written for a stage nobody uses").isZero();
    BuildFixture target = new BuildFixture(tmp.resolve("target")).file("a.txt", "a")
        .dockerfile(unusedStage);
    assertThat(target.build(b -> b.target(Optional.of("build"))).breakdown()
        .get(BuildTimings.LAYER_WRITE)).as("the target's layers are written").isPositive();
  }

  @Test
  void rootfsFlag_targetStageIsBuiltInTheGivenEmptyDirectory() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("a.txt", "a").file("b.txt", "b")
        .dockerfile("FROM scratch AS other", "COPY b.txt /", "FROM scratch", "COPY a.txt /");
    Path rootfs = tmp.resolve("chroot");

    f.build(b -> b.rootfs(Optional.of(rootfs)));

    assertThat(rootfs.resolve("a.txt")).hasContent("a");
    assertThat(rootfs.resolve("b.txt")).doesNotExist();
    assertThatThrownBy(() -> f.build(b -> b.rootfs(Optional.of(rootfs))))
        .hasMessageContaining("is not empty");
    assertThatThrownBy(() -> f.build(b -> b.rootfs(Optional.of(Path.of("/")))))
        .hasMessageStartingWith("--rootfs /: building in place");
  }

  @Test
  void add_extractsLocalArchivesKeepingTheirOwnersAndCopiesOtherFiles() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("plain.txt", "plain")
        .dockerfile("FROM scratch", "ADD app.tar.gz /opt/app/", "ADD plain.txt /p.txt",
            "ADD --chown=7:8 app.tar.gz /owned/");
    Path src = Files.createDirectories(tmp.resolve("tar-src/bin"));
    Files.writeString(src.resolve("tool"), "tool");
    Processes.run("tar", "-C", tmp.resolve("tar-src").toString(), "--owner=42", "--group=43",
        "-czf", f.context.resolve("app.tar.gz").toString(), "bin");

    f.build();

    Path rootfs = f.unpack("latest");
    assertThat(rootfs.resolve("opt/app/bin/tool")).hasContent("tool");
    assertThat(Files.getAttribute(rootfs.resolve("opt/app/bin/tool"), "unix:uid")).isEqualTo(42);
    assertThat(rootfs.resolve("opt/app/app.tar.gz")).doesNotExist();
    assertThat(rootfs.resolve("p.txt")).hasContent("plain");
    assertThat(Files.getAttribute(rootfs.resolve("owned/bin/tool"), "unix:gid")).isEqualTo(8);
  }

  @Test
  void target_andSkipUnusedStages_buildOnlyWhatIsNeeded() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("a.txt", "a")
        .dockerfile("FROM scratch AS broken", "COPY missing.txt /",
            "FROM scratch AS wanted", "COPY a.txt /", "LABEL stage=wanted",
            "FROM wanted AS last", "LABEL stage=last");

    assertThatThrownBy(() -> f.build(b -> b.target(Optional.of("wanted"))))
        .as("without --skip-unused-stages every stage up to the target is built")
        .hasMessageContaining("missing.txt");
    f.build(b -> b.target(Optional.of("wanted")).skipUnusedStages(true));

    JsonNode c = f.inspectConfig("oci:" + f.layout + ":latest").get("config");
    assertThat(c.get("Labels").get("stage").asText()).isEqualTo("wanted");
  }

  private static int mode(Path p) throws Exception {
    return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
  }
  @Test
  void forceBuildMetadata_everyInstructionGetsALayer_elseEmptyLayersAreOmitted() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("a.txt", "a")
        .dockerfile("FROM scratch", "COPY a.txt /", "ENV X=1", "WORKDIR /", "LABEL l=v");

    f.build();
    JsonNode plain = f.inspectConfig("oci:" + f.layout + ":latest");
    f.build(b -> b.forceBuildMetadata(true));
    JsonNode forced = f.inspectConfig("oci:" + f.layout + ":latest");

    assertThat(plain.get("rootfs").get("diff_ids")).hasSize(1);
    assertThat(forced.get("rootfs").get("diff_ids")).hasSize(4);
    forced.get("history").forEach(h -> assertThat(h.has("empty_layer")).isFalse());
    assertThat(f.unpack("latest").resolve("a.txt")).hasContent("a");
  }

  @Test
  void singleSnapshot_oneLayerPerStageAtItsLastInstruction() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("a.txt", "a").file("b.txt", "b")
        .dockerfile("FROM scratch", "COPY a.txt /", "COPY b.txt /sub/", "WORKDIR /w", "ENV X=1");

    f.build(b -> b.singleSnapshot(true));

    JsonNode config = f.inspectConfig("oci:" + f.layout + ":latest");
    assertThat(config.get("rootfs").get("diff_ids")).hasSize(1);
    JsonNode history = config.get("history");
    assertThat(history).hasSize(4);
    for (int i = 0; i < 3; i++) {
      assertThat(history.get(i).path("empty_layer").asBoolean()).as("entry %d", i).isTrue();
    }
    assertThat(history.get(3).get("created_by").asText()).isEqualTo("ENV X=1");
    assertThat(history.get(3).has("empty_layer")).isFalse();
    Path rootfs = f.unpack("latest");
    assertThat(rootfs.resolve("a.txt")).hasContent("a");
    assertThat(rootfs.resolve("sub/b.txt")).hasContent("b");
    assertThat(rootfs.resolve("w")).isDirectory();
  }

  @Test
  void cleanup_emptiesTheRootfsDirectoryAfterTheBuild() throws Exception {
    BuildFixture f = new BuildFixture(tmp).file("a.txt", "a")
        .dockerfile("FROM scratch", "COPY a.txt /sub/");
    Path kept = tmp.resolve("kept");
    Path cleaned = tmp.resolve("cleaned");

    f.build(b -> b.rootfs(Optional.of(kept)));
    f.build(b -> b.rootfs(Optional.of(cleaned)).cleanup(true));

    assertThat(kept.resolve("sub/a.txt")).hasContent("a");
    assertThat(cleaned).isEmptyDirectory();
    assertThat(f.unpack("latest").resolve("sub/a.txt")).hasContent("a");
  }
}
