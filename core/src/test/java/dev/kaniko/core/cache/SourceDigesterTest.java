package dev.kaniko.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SourceDigesterTest {

  @TempDir Path dir;

  private final SourceDigester digester = new SourceDigester();

  interface Mutation {
    void apply(Path tree) throws IOException;
  }

  /** A small source tree: files, a subdirectory, an executable, a symlink. */
  static Path tree(Path at) throws IOException {
    Files.createDirectories(at.resolve("src/lib"));
    Files.writeString(at.resolve("src/main.c"), "int main() { return 0; }\n");
    Files.writeString(at.resolve("src/lib/util.c"), "void util() {}\n");
    Path script = Files.writeString(at.resolve("src/build.sh"), "#!/bin/sh\nmake\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(at.resolve("src/current"), Path.of("lib/util.c"));
    return at.resolve("src");
  }

  static Stream<Arguments> mutations() {
    return Stream.of(
        mutation("content", t -> Files.writeString(t.resolve("main.c"), "int main() { return 1; }\n")),
        mutation("name", t -> Files.move(t.resolve("main.c"), t.resolve("main2.c"))),
        mutation("mode", t -> Files.setPosixFilePermissions(t.resolve("main.c"),
            PosixFilePermissions.fromString("rw-rw-r--"))),
        mutation("uid", t -> Files.setAttribute(t.resolve("main.c"), "unix:uid", 1234, LinkOption.NOFOLLOW_LINKS)),
        mutation("gid", t -> Files.setAttribute(t.resolve("main.c"), "unix:gid", 1234, LinkOption.NOFOLLOW_LINKS)),
        mutation("link target", t -> {
          Files.delete(t.resolve("current"));
          Files.createSymbolicLink(t.resolve("current"), Path.of("main.c"));
        }),
        mutation("added empty file", t -> Files.createFile(t.resolve("lib/empty"))),
        mutation("added empty dir", t -> Files.createDirectory(t.resolve("lib/empty"))),
        mutation("file moved to subdir", t -> Files.move(t.resolve("main.c"), t.resolve("lib/main.c"))),
        mutation("removed file", t -> Files.delete(t.resolve("lib/util.c"))));
  }

  private static Arguments mutation(String name, Mutation mutation) {
    return Arguments.of(name, mutation);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void digest_anyChange_givesANewDigest(String name, Mutation mutation) throws IOException {
    Path tree = tree(dir.resolve("a"));
    String before = digester.digest(List.of(tree));

    mutation.apply(tree);

    assertThat(digester.digest(List.of(tree))).isNotEqualTo(before);
  }

  @Test
  void digest_sameTreeElsewhere_givesTheSameDigest() throws IOException {
    assertThat(digester.digest(List.of(tree(dir.resolve("a")))))
        .isEqualTo(digester.digest(List.of(tree(dir.resolve("b/deeper")))))
        .matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void digest_ofADirectory_ignoresItsNameAndLocation() throws IOException {
    Path one = tree(dir.resolve("a"));
    Path other = Files.move(tree(dir.resolve("b")), dir.resolve("b/workspace"));

    assertThat(digester.digest(List.of(one))).isEqualTo(digester.digest(List.of(other)));
  }

  @Test
  void digest_ofAFile_dependsOnItsName() throws IOException {
    Path tree = tree(dir.resolve("a"));
    Path copy = Files.copy(tree.resolve("main.c"), tree.resolve("other.c"));

    assertThat(digester.digest(List.of(copy))).isNotEqualTo(digester.digest(List.of(tree.resolve("main.c"))));
  }

  @Test
  void digest_ignoresModificationTimes() throws IOException {
    Path tree = tree(dir.resolve("a"));
    String before = digester.digest(List.of(tree));

    Files.setLastModifiedTime(tree.resolve("main.c"), FileTime.fromMillis(0));
    Files.setLastModifiedTime(tree.resolve("lib"), FileTime.fromMillis(12345));

    assertThat(digester.digest(List.of(tree))).isEqualTo(before);
  }

  @Test
  void digest_dependsOnSourceOrderAndSet() throws IOException {
    Path tree = tree(dir.resolve("a"));
    Path one = tree.resolve("main.c");
    Path two = tree.resolve("build.sh");

    assertThat(digester.digest(List.of(one, two))).isNotEqualTo(digester.digest(List.of(two, one)))
        .isNotEqualTo(digester.digest(List.of(one)));
  }

  @Test
  void digest_doesNotFollowSymlinkedDirectories() throws IOException {
    Path tree = tree(dir.resolve("a"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "1");
    Files.createSymbolicLink(tree.resolve("out"), outside);
    String before = digester.digest(List.of(tree));

    Files.writeString(outside.resolve("secret"), "2");

    assertThat(digester.digest(List.of(tree))).isEqualTo(before);
  }

  @Test
  void digest_missingSource_failsNamingIt() {
    Path missing = dir.resolve("nope");

    assertThatThrownBy(() -> digester.digest(List.of(missing))).isInstanceOf(IOException.class)
        .hasMessageContaining(missing.toString());
  }
}
