package dev.kaniko.core.plugin.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources (against the kaniko SPI and optional extra class path entries) with
 * {@code javax.tools} and packs them, with service registrations, resources and MANIFEST
 * attributes, into a real jar. Used to build test plugins.
 */
public final class TestJarBuilder {

  private static final String PLUGIN_SERVICE = "META-INF/services/dev.kaniko.spi.Plugin";

  private final Path workDir;
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Map<String, List<String>> services = new LinkedHashMap<>();
  private final Map<String, byte[]> resources = new LinkedHashMap<>();
  private final Map<String, String> manifest = new LinkedHashMap<>();
  private final List<Path> classPath = new ArrayList<>();
  private final List<Path> includedClasses = new ArrayList<>();

  /**
   * @param workDir a scratch directory for compiler output (a fresh sub-directory is used per build)
   */
  public TestJarBuilder(Path workDir) {
    this.workDir = workDir;
    classPath.add(spiClassPath());
  }

  /** The directory or jar holding the host's {@code dev.kaniko.spi} classes. */
  public static Path spiClassPath() {
    try {
      return Path.of(dev.kaniko.spi.Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds a Java source for the fully qualified class {@code className}. */
  public TestJarBuilder source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /** Registers {@code implementation} as a provider of {@code service} in {@code META-INF/services}. */
  public TestJarBuilder service(String service, String implementation) {
    services.computeIfAbsent(service, key -> new ArrayList<>()).add(implementation);
    return this;
  }

  /** Registers {@code implementation} as a {@code dev.kaniko.spi.Plugin}. */
  public TestJarBuilder plugin(String implementation) {
    return service("dev.kaniko.spi.Plugin", implementation);
  }

  /** Adds a resource file to the jar. */
  public TestJarBuilder resource(String name, String content) {
    resources.put(name, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Adds a MANIFEST attribute, e.g. {@code Plugin-Id}. */
  public TestJarBuilder manifest(String name, String value) {
    manifest.put(name, value);
    return this;
  }

  /** Sets {@code Plugin-Id}, {@code Plugin-Version} and (unless null) {@code Plugin-Requires}. */
  public TestJarBuilder pluginDescriptor(String id, String version, String requires) {
    manifest("Plugin-Id", id);
    manifest("Plugin-Version", version);
    if (requires != null) {
      manifest("Plugin-Requires", requires);
    }
    return this;
  }

  /** Compiles against an extra jar or classes directory without packing it. */
  public TestJarBuilder classPath(Path entry) {
    classPath.add(entry);
    return this;
  }

  /** Copies every class of a jar or classes directory into the jar (e.g. to bundle the SPI wrongly). */
  public TestJarBuilder includeClassesOf(Path jarOrDirectory) {
    includedClasses.add(jarOrDirectory);
    return this;
  }

  /** Compiles the sources and writes the jar; returns {@code jar}. */
  public Path build(Path jar) {
    try {
      Path classes = Files.createTempDirectory(workDir, "classes");
      compile(classes);
      Files.createDirectories(jar.toAbsolutePath().getParent());
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), buildManifest())) {
        addTree(out, classes);
        for (Path included : includedClasses) {
          addClassesOf(out, included);
        }
        for (Map.Entry<String, List<String>> service : services.entrySet()) {
          String lines = String.join("\n", service.getValue()) + "\n";
          addEntry(out, "META-INF/services/" + service.getKey(), lines.getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
          addEntry(out, resource.getKey(), resource.getValue());
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Manifest buildManifest() {
    Manifest result = new Manifest();
    result.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.forEach((name, value) -> result.getMainAttributes().put(new Attributes.Name(name), value));
    return result;
  }

  private void compile(Path classes) throws IOException {
    if (sources.isEmpty()) {
      return;
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, code) -> units.add(new StringSource(name, code)));
    List<String> options = List.of(
        "-d", classes.toString(),
        "--release", "17",
        "-proc:none",
        "-classpath", classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
      if (!ok) {
        throw new IllegalStateException("test plugin does not compile: " + diagnostics.getDiagnostics());
      }
    }
  }

  private static void addClassesOf(JarOutputStream out, Path jarOrDirectory) throws IOException {
    if (Files.isDirectory(jarOrDirectory)) {
      addTree(out, jarOrDirectory);
      return;
    }
    try (FileSystem zip = FileSystems.newFileSystem(jarOrDirectory)) {
      addTree(out, zip.getPath("/"));
    }
  }

  private static void addTree(JarOutputStream out, Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
        if (name.endsWith(".class")) {
          addEntry(out, name, Files.readAllBytes(file));
        }
      }
    }
  }

  private static void addEntry(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }

  /** Writes {@code content} to {@code target} (helper for descriptors). */
  static void write(Path target, byte[] content) {
    try (OutputStream out = Files.newOutputStream(target)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class StringSource extends SimpleJavaFileObject {
    private final String code;

    StringSource(String className, String code) {
      super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
