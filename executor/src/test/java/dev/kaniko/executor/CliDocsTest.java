package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/cli.md's flag tables say "supported" exactly for the flags {@link FeatureGates} lets through. */
class CliDocsTest {
  private static final Path DOC = Path.of("../docs/cli.md");
  private static final Pattern ROW = Pattern.compile("^\\| `(--[A-Za-z-]+)` \\|[^|]*\\|[^|]*\\|[^|]*\\| ([^|]+?) \\|");

  @Test
  void executorTable_matchesTheFeatureGates() throws IOException {
    assertStatuses(table("## executor flags", "## warmer flags"), FeatureGates.executor(),
        DeprecatedAliases.executor());
  }

  @Test
  void warmerTable_matchesTheFeatureGates() throws IOException {
    assertStatuses(table("## warmer flags", null), FeatureGates.warmer(), Map.of());
  }

  private static void assertStatuses(Map<String, String> rows, FeatureGates gates,
      Map<String, String> aliases) {
    assertThat(rows).hasSizeGreaterThan(20);
    rows.forEach((flag, status) -> {
      String canonical = aliases.getOrDefault(flag, flag);
      String expected = gates.isSupported(canonical) ? "supported" : "not supported yet";
      assertThat(status).as("status of %s in docs/cli.md", flag).isEqualTo(expected);
    });
  }

  private static Map<String, String> table(String heading, String nextHeading) throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    int start = lines.indexOf(heading);
    int end = nextHeading == null ? lines.size() : lines.indexOf(nextHeading);
    assertThat(start).as("heading %s in docs/cli.md", heading).isNotNegative();
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : lines.subList(start, end)) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        rows.put(m.group(1), m.group(2));
      }
    }
    return rows;
  }
}
