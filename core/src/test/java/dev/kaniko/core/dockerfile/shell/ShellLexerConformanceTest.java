package dev.kaniko.core.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs BuildKit's envVarTest and wordsTest vectors (see
 * src/test/resources/dockerfile/conformance/README.md for their origin and format).
 */
class ShellLexerConformanceTest {
  private static final String ENV_VAR_TEST = "/dockerfile/conformance/envVarTest";
  private static final String WORDS_TEST = "/dockerfile/conformance/wordsTest";
  private static final Map<String, String> ENV_VAR_TEST_ENV =
      Map.of("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", "");

  private final ShellLexer lexer = new ShellLexer('\\');

  record EnvVarRow(int line, String input, String expected) {
    @Override
    public String toString() {
      return "line " + line + ": " + input + " -> " + expected;
    }
  }

  record WordsRow(int line, Map<String, String> env, String input, List<String> expected) {
    @Override
    public String toString() {
      return "line " + line + ": " + input + " -> " + expected;
    }
  }

  static List<EnvVarRow> envVarRows() {
    List<EnvVarRow> rows = new ArrayList<>();
    List<String> lines = readLines(ENV_VAR_TEST);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] fields = line.trim().split("\\|", -1);
      if (fields.length != 3) {
        throw new IllegalStateException("envVarTest line " + (i + 1) + " has no 3 fields: " + line);
      }
      String platform = fields[0].trim();
      if (!List.of("A", "U", "W").contains(platform)) {
        throw new IllegalStateException("envVarTest line " + (i + 1) + ": bad platform " + platform);
      }
      if (!platform.equals("W")) {
        rows.add(new EnvVarRow(i + 1, fields[1].trim(), fields[2].trim()));
      }
    }
    return rows;
  }

  static List<WordsRow> wordsRows() {
    List<WordsRow> rows = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    List<String> lines = readLines(WORDS_TEST);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      if (line.startsWith("ENV ")) {
        String assignment = line.substring(3).stripLeading();
        int equals = assignment.indexOf('=');
        env.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        continue;
      }
      String[] fields = line.split("\\|", -1);
      if (fields.length != 2) {
        throw new IllegalStateException("wordsTest line " + (i + 1) + " needs one '|': " + line);
      }
      List<String> expected = Arrays.asList(fields[1].replaceFirst("^ +", "").split(",", -1));
      rows.add(new WordsRow(i + 1, Map.copyOf(env), fields[0].trim(), expected));
    }
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("envVarRows")
  void envVarTest_processWordMatchesBuildKit(EnvVarRow row) throws Exception {
    if (row.expected().equals("error")) {
      assertThatThrownBy(() -> lexer.processWord(row.input(), ENV_VAR_TEST_ENV))
          .isInstanceOf(ShellExpansionException.class);
    } else {
      assertThat(lexer.processWord(row.input(), ENV_VAR_TEST_ENV)).isEqualTo(row.expected());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wordsRows")
  void wordsTest_processWordsMatchesBuildKit(WordsRow row) {
    assertThat(wordsOrError(row)).isEqualTo(row.expected());
  }

  private List<String> wordsOrError(WordsRow row) {
    try {
      return lexer.processWords(row.input(), row.env());
    } catch (ShellExpansionException e) {
      return List.of("error");
    }
  }

  @Test
  void vectors_areAllLoaded() {
    assertThat(envVarRows()).hasSize(228);
    assertThat(wordsRows()).hasSize(24);
    assertThat(wordsRows().get(wordsRows().size() - 1).env())
        .containsEntry("space", "abc  def")
        .containsEntry("leading", "  ab c")
        .containsEntry("trailing", "ab c   ");
  }

  private static List<String> readLines(String resource) {
    try (InputStream in = ShellLexerConformanceTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
