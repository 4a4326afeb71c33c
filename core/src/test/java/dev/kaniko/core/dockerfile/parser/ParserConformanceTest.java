package dev.kaniko.core.dockerfile.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.dockerfile.DockerfileException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BuildKit's parser vectors (resources/dockerfile/parser, Apache-2.0, see its README). */
class ParserConformanceTest {

  static Path root() throws URISyntaxException {
    return Path.of(ParserConformanceTest.class.getResource("/dockerfile/parser/README.md").toURI())
        .getParent();
  }

  static Stream<String> positiveCases() throws Exception {
    return caseNames("testfiles");
  }

  static Stream<String> negativeCases() throws Exception {
    return caseNames("testfiles-negative");
  }

  private static Stream<String> caseNames(String dir) throws Exception {
    try (Stream<Path> list = Files.list(root().resolve(dir))) {
      return list.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  @Test
  void vectors_arePresent() throws Exception {
    assertThat(positiveCases()).hasSizeGreaterThanOrEqualTo(30);
    assertThat(negativeCases()).hasSize(4);
  }

  @ParameterizedTest
  @MethodSource("positiveCases")
  void dump_matchesBuildKitResult(String name) throws Exception {
    Path dir = root().resolve("testfiles").resolve(name);
    ParseResult result = new DockerfileParser("Dockerfile").parse(read(dir.resolve("Dockerfile")));
    String expected = read(dir.resolve("result")).replace("\r\n", "\n");
    assertThat(result.dump()).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("negativeCases")
  void negative_isRejectedWithLocatedError(String name) throws Exception {
    String text = read(root().resolve("testfiles-negative").resolve(name).resolve("Dockerfile"));
    assertThatThrownBy(() -> new DockerfileParser("Dockerfile").parse(text))
        .isInstanceOf(DockerfileException.class)
        .hasMessageStartingWith("Dockerfile:")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void lineInformation_matchesBuildKit() throws Exception {
    ParseResult result = new DockerfileParser("Dockerfile")
        .parse(read(root().resolve("testfile-line").resolve("Dockerfile")));
    assertThat(result.root().startLine()).isEqualTo(5);
    assertThat(result.root().endLine()).isEqualTo(31);
    List<int[]> lines = result.instructions().stream()
        .map(n -> new int[] {n.startLine(), n.endLine()}).toList();
    assertThat(lines).containsExactly(new int[] {5, 5}, new int[] {11, 12}, new int[] {17, 31});
  }
}
