package dev.kaniko.core.dockerfile.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Compares the lexer with outputs recorded from BuildKit's lexer (see conformance/README.md). */
class ShellLexerGoldenTest {
  private static final String GOLDEN = "/dockerfile/conformance/lexer-golden.jsonl";
  private static final Map<String, String> ENV =
      Map.of("X", "a b", "E", "", "A", "a*b/c", "S", "$0$$", "P", "/usr/lib/x.tar.gz", "N", " x  y ");
  private static final String GO_EOF_RUNE = "\uFFFD";

  record GoldenCase(int line, JsonNode json) {
    String word() {
      return json.get("word").asText();
    }

    ShellLexer lexer() {
      String options = json.get("options").asText();
      return new ShellLexer(json.get("escape").asText().charAt(0))
          .withRawQuotes(options.contains("R"))
          .withRawEscapes(options.contains("E"))
          .withSkipUnsetEnv(options.contains("U"))
          .withSkipProcessQuotes(options.contains("Q"));
    }

    List<String> strings(String field) {
      List<String> values = new ArrayList<>();
      json.get(field).forEach(node -> values.add(node.asText()));
      return values;
    }

    @Override
    public String toString() {
      return "line " + line + " " + json.get("escape").asText() + json.get("options").asText()
          + ": " + GoQuote.quote(word());
    }
  }

  static List<GoldenCase> cases() {
    ObjectMapper mapper = new ObjectMapper();
    List<GoldenCase> cases = new ArrayList<>();
    try (InputStream in = ShellLexerGoldenTest.class.getResourceAsStream(GOLDEN)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + GOLDEN);
      }
      List<String> lines =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        cases.add(new GoldenCase(i + 1, mapper.readTree(lines.get(i))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void processWordWithMatches_agreesWithBuildKit(GoldenCase golden) throws Exception {
    if (golden.json().has("error")) {
      assertFailsLikeBuildKit(golden, golden.json().get("error").asText());
      return;
    }
    Expansion expansion = golden.lexer().processWordWithMatches(golden.word(), ENV);
    assertThat(expansion.result()).isEqualTo(golden.json().get("result").asText());
    assertThat(expansion.words()).isEqualTo(golden.strings("words"));
    assertThat(expansion.matched()).containsExactlyInAnyOrderElementsOf(golden.strings("matched"));
    assertThat(expansion.unmatched())
        .containsExactlyInAnyOrderElementsOf(golden.strings("unmatched"));
  }

  private static void assertFailsLikeBuildKit(GoldenCase golden, String buildKitMessage) {
    var thrown =
        assertThatThrownBy(() -> golden.lexer().processWord(golden.word(), ENV))
            .isInstanceOf(ShellExpansionException.class);
    if (buildKitMessage.contains(GO_EOF_RUNE)) {
      thrown.message().doesNotContain(GO_EOF_RUNE);
    } else {
      thrown.hasMessage(buildKitMessage);
    }
  }

  @Test
  void golden_coversSuccessesErrorsAndEveryOption() {
    List<GoldenCase> cases = cases();
    assertThat(cases).hasSize(420);
    assertThat(cases).filteredOn(c -> c.json().has("error")).hasSize(120);
    for (String option : List.of("R", "E", "U", "Q")) {
      assertThat(cases).anyMatch(c -> c.json().get("options").asText().contains(option));
    }
    assertThat(cases).anyMatch(c -> c.json().get("escape").asText().equals("`"));
  }
}
