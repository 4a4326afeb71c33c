package dev.kaniko.core.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerIgnoreTest {
  @TempDir Path tmp;

  @Test
  void patterns_followDockerRules() {
    DockerIgnore ignore = DockerIgnore.parse(List.of("# comment", "", "*.log", "/build",
        "**/secret*", "docs", "!docs/README.md", "a/?.tmp"));

    assertThat(ignore.test("x.log")).isTrue();
    assertThat(ignore.test("sub/x.log")).as("* does not cross /").isFalse();
    assertThat(ignore.test("build/out/app.jar")).as("children of a match").isTrue();
    assertThat(ignore.test("deep/down/secret.key")).isTrue();
    assertThat(ignore.test("secret.txt")).isTrue();
    assertThat(ignore.test("docs/guide.md")).isTrue();
    assertThat(ignore.test("docs/README.md")).as("exception wins when last").isFalse();
    assertThat(ignore.test("a/b.tmp")).isTrue();
    assertThat(ignore.test("a/bc.tmp")).isFalse();
    assertThat(ignore.test("src/Main.java")).isFalse();
    assertThat(ignore.hasExceptions()).isTrue();
  }

  @Test
  void copy_skipsExcludedFilesAndKeepsExceptions() throws Exception {
    Path context = Files.createDirectories(tmp.resolve("ctx"));
    Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
    Files.createDirectories(context.resolve("docs"));
    Files.writeString(context.resolve("app.txt"), "app");
    Files.writeString(context.resolve("debug.log"), "log");
    Files.writeString(context.resolve("docs/README.md"), "readme");
    Files.writeString(context.resolve("docs/internal.md"), "internal");
    Files.writeString(context.resolve(".dockerignore"), "*.log\ndocs\n!docs/README.md\n");
    CopyOperation op = new CopyOperation(context, "the build context", rootfs,
        DockerIgnore.load(context));

    op.copy(List.of("."), "/c/", Optional.of(Ownership.ROOT), Optional.empty());

    assertThat(rootfs.resolve("c/app.txt")).exists();
    assertThat(rootfs.resolve("c/debug.log")).doesNotExist();
    assertThat(rootfs.resolve("c/docs/README.md")).exists();
    assertThat(rootfs.resolve("c/docs/internal.md")).doesNotExist();
    assertThatThrownBy(() -> op.copy(List.of("debug.log"), "/", Optional.empty(),
        Optional.empty())).hasMessage("source debug.log is excluded by .dockerignore");
    assertThatThrownBy(() -> op.copy(List.of("*.log"), "/", Optional.empty(), Optional.empty()))
        .hasMessage("no source files match *.log in the build context");
  }

  @Test
  void copy_excludedDirectoryWithNothingReincluded_isNotCreated() throws Exception {
    Path context = Files.createDirectories(tmp.resolve("ctx"));
    Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
    Files.createDirectories(context.resolve("tmp/deep"));
    Files.writeString(context.resolve("tmp/deep/z"), "z");
    Files.writeString(context.resolve("keep.log"), "keep");
    Files.writeString(context.resolve(".dockerignore"), "*.log\n!keep.log\ntmp\n");
    CopyOperation op = new CopyOperation(context, "the build context", rootfs,
        DockerIgnore.load(context));

    op.copy(List.of("."), "/c/", Optional.of(Ownership.ROOT), Optional.empty());

    assertThat(rootfs.resolve("c/keep.log")).exists();
    assertThat(rootfs.resolve("c/tmp")).as("docker sends no excluded directory").doesNotExist();
  }

  @Test
  void load_prefersTheDockerfilesOwnIgnoreFile() throws Exception {
    Path context = Files.createDirectories(tmp.resolve("ctx"));
    Files.createDirectories(context.resolve("build"));
    Files.writeString(context.resolve(".dockerignore"), "other.txt\n");
    Files.writeString(context.resolve("build/app.Dockerfile.dockerignore"), "only-app.txt\n");

    DockerIgnore own = DockerIgnore.load(context, context.resolve("build/app.Dockerfile"));
    DockerIgnore shared = DockerIgnore.load(context, context.resolve("Dockerfile"));

    assertThat(own.test("only-app.txt")).isTrue();
    assertThat(own.test("other.txt")).as("replaces the context's file").isFalse();
    assertThat(shared.test("other.txt")).isTrue();
    assertThat(shared.test("only-app.txt")).isFalse();
  }
}
