package dev.kaniko.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Complements {@link SpiSignatureTest} for what reflection cannot see: imports and fully qualified
 * Javadoc references ({@code @link}, {@code @see}, {@code @throws}) in the SPI sources.
 */
class SpiSourceReferencesTest {

  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
  private static final Pattern JAVADOC_REFERENCE =
      Pattern.compile("(?:\\{@link(?:plain)?|@see|@throws)\\s+([a-z][\\w]*(?:\\.[a-z][\\w]*)+\\.[A-Z][\\w.]*)");

  @Test
  void spiSources_referenceOnlyJdkAndSpiTypes() throws IOException {
    Path sources = Path.of("src/main/java/dev/kaniko/spi");
    assertThat(sources).isDirectory();

    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.list(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        violations.addAll(foreignReferences(file.getFileName().toString(), Files.readString(file)));
      }
    }

    assertThat(violations).isEmpty();
  }

  @Test
  void checker_reportsForeignImportsAndJavadocLinks() {
    String source = "import com.google.common.collect.ImmutableList;\n"
        + "import java.util.List;\n"
        + "/** See {@link org.pf4j.PluginManager} and {@link java.util.ServiceLoader}. */\n"
        + "/** @throws com.fasterxml.jackson.core.JsonParseException never */\n";

    assertThat(foreignReferences("Foo.java", source))
        .containsExactly(
            "Foo.java: com.google.common.collect.ImmutableList",
            "Foo.java: org.pf4j.PluginManager",
            "Foo.java: com.fasterxml.jackson.core.JsonParseException");
  }

  private static List<String> foreignReferences(String file, String source) {
    List<String> foreign = new ArrayList<>();
    for (Pattern pattern : new Pattern[] {IMPORT, JAVADOC_REFERENCE}) {
      Matcher matcher = pattern.matcher(source);
      while (matcher.find()) {
        String name = matcher.group(1);
        if (!name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("dev.kaniko.spi.")) {
          foreign.add(file + ": " + name);
        }
      }
    }
    return foreign;
  }
}
