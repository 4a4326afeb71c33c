package dev.kaniko.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Only dev.kaniko.core.registry may use jib-core (and its transport), and jib-core's version stays pinned. */
class JibConfinementTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path REGISTRY = SOURCES.resolve("dev/kaniko/core/registry");

  @Test
  void noSourceOutsideCoreRegistryImportsJibOrItsTransport() throws IOException {
    assertThat(SOURCES).isDirectory();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      List<Path> offenders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !f.getParent().equals(REGISTRY))
          .filter(JibConfinementTest::mentionsJib)
          .toList();
      assertThat(offenders).isEmpty();
    }
  }

  @Test
  void coreRegistryActuallyUsesJib_soTheCheckAboveIsMeaningful() throws IOException {
    try (Stream<Path> files = Files.list(REGISTRY)) {
      assertThat(files.filter(JibConfinementTest::mentionsJib).count()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void jibCoreVersionIsPinnedInTheParentPom() throws IOException {
    String parent = Files.readString(Path.of("../pom.xml"));

    assertThat(parent).contains("<jib-core.version>0.27.3</jib-core.version>");
  }

  private static boolean mentionsJib(Path file) {
    try {
      String text = Files.readString(file);
      return text.contains("com.google.cloud.tools.jib") || text.contains("com.google.api.client");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
