package dev.kaniko.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestReporter;
import org.opentest4j.AssertionFailedError;

class SpiSignatureTest {

  @Test
  void spiSurface_mentionsOnlyJdkAndSpiTypes() throws Exception {
    List<Class<?>> types = visibleSpiTypes();

    List<String> violations = new ArrayList<>();
    types.forEach(type -> violations.addAll(SignatureChecker.violationsOf(type)));

    assertThat(types).contains(Plugin.class, ProviderFactory.class, PluginException.Reason.class, ChangeSet.class);
    assertThat(violations).isEmpty();
  }

  @Test
  void checker_reportsForeignTypesInEveryKindOfSignature() {
    List<String> violations = SignatureChecker.violationsOf(ForeignSurface.class);

    assertThat(violations)
        .anyMatch(v -> v.contains(".info:") && v.endsWith("org.junit.jupiter.api.TestInfo"))
        .anyMatch(v -> v.contains(".reporters returns") && v.endsWith("org.junit.jupiter.api.TestReporter"))
        .anyMatch(v -> v.contains("<R>") && v.endsWith("org.junit.jupiter.api.TestReporter"))
        .anyMatch(v -> v.contains(".tagged annotation") && v.endsWith("org.junit.jupiter.api.Tag"))
        .anyMatch(v -> v.contains(".<init> parameter") && v.endsWith("org.junit.jupiter.api.TestInfo"))
        .anyMatch(v -> v.contains(".<init> throws") && v.endsWith("org.opentest4j.AssertionFailedError"))
        .anyMatch(v -> v.contains("interface") && v.endsWith("org.junit.jupiter.api.TestReporter"))
        .anyMatch(v -> v.contains(".arrays parameter") && v.endsWith("org.junit.jupiter.api.TestInfo[][]"))
        .noneMatch(v -> v.contains("hidden"));
  }

  @Test
  void checker_acceptsJdkAndSpiTypes() {
    assertThat(SignatureChecker.violationsOf(CleanSurface.class)).isEmpty();
  }

  private static List<Class<?>> visibleSpiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(classes).isDirectory();
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String relative = classes.relativize(file).toString();
        String name = relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem().getSeparator(), ".");
        if (name.endsWith("package-info")) {
          continue;
        }
        Class<?> type = Class.forName(name, false, Plugin.class.getClassLoader());
        if (Modifier.isPublic(type.getModifiers()) || Modifier.isProtected(type.getModifiers())) {
          types.add(type);
        }
      }
    }
    return types;
  }

  /** Deliberately foreign signatures: each member leaks a JUnit/opentest4j type. */
  public abstract static class ForeignSurface implements Supplier<TestReporter> {
    public TestInfo info;
    @SuppressWarnings("unused")
    private TestInfo hidden;

    public ForeignSurface(TestInfo info) throws AssertionFailedError {}

    public abstract List<? extends TestReporter> reporters();

    public abstract <R extends TestReporter> void bounded(R reporter);

    @Tag("foreign")
    public abstract void tagged();

    public abstract void arrays(TestInfo[][] infos);

    @SuppressWarnings("unused")
    private TestInfo hiddenMethod() {
      return null;
    }
  }

  /** JDK and SPI types only. */
  public abstract static class CleanSurface implements Supplier<List<Plugin>> {
    public Path path;

    public CleanSurface(PluginContext context) throws PluginException {}

    @Deprecated
    public abstract <T extends ProviderFactory<? super ContextSource>> List<T> factories(T[] array);
  }
}
