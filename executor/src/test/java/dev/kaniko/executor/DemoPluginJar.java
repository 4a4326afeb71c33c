package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds a third-party plugin jar against the SPI only, the way an outside author would. */
final class DemoPluginJar {
  private static final String PLUGIN = """
      package demo;

      import dev.kaniko.spi.Plugin;
      import dev.kaniko.spi.ProviderFactory;
      import dev.kaniko.spi.SpiVersion;
      import java.util.List;

      public final class DemoPlugin implements Plugin {
        @Override public String id() { return "demo"; }
        @Override public String spiVersion() { return SpiVersion.CURRENT; }
        @Override public List<ProviderFactory<?>> factories() { return List.of(new DemoContextSourceFactory()); }
      }
      """;

  private static final String FACTORY = """
      package demo;

      import dev.kaniko.spi.ContextSource;
      import dev.kaniko.spi.ContextSourceFactory;
      import dev.kaniko.spi.PluginContext;
      import dev.kaniko.spi.PluginException;
      import java.io.IOException;
      import java.nio.file.Files;
      import java.nio.file.Path;
      import java.util.Map;

      public final class DemoContextSourceFactory implements ContextSourceFactory {
        @Override public String name() { return "demo"; }
        @Override public boolean supports(String uri) { return uri.startsWith("demo://"); }
        @Override public ContextSource create(Map<String, String> config, PluginContext context) {
          return (request, targetDir) -> {
            try {
              Files.writeString(targetDir.resolve("Dockerfile"), "FROM scratch\\n");
              String marker = context.env().get("DEMO_MARKER");
              if (marker != null) {
                Files.writeString(Path.of(marker), request.uri());
              }
              return targetDir;
            } catch (IOException e) {
              throw new PluginException(PluginException.Reason.OTHER, e.getMessage(), e);
            }
          };
        }
      }
      """;

  private DemoPluginJar() {}

  /** Compiles the demo plugin against the distribution's SPI jar and writes the bundle jar. */
  static void write(Path jar, Path distributionLib, Path workDir) throws IOException {
    Path sources = Files.createDirectories(workDir.resolve("src/demo"));
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    Files.writeString(sources.resolve("DemoPlugin.java"), PLUGIN);
    Files.writeString(sources.resolve("DemoContextSourceFactory.java"), FACTORY);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int status = compiler.run(null, null, null, "--release", "17", "-d", classes.toString(),
        "-classpath", spiJar(distributionLib).toString(),
        sources.resolve("DemoPlugin.java").toString(),
        sources.resolve("DemoContextSourceFactory.java").toString());
    assertThat(status).as("javac exit status").isZero();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest("demo"))) {
      for (String name : List.of("DemoPlugin.class", "DemoContextSourceFactory.class")) {
        add(out, "demo/" + name, Files.readAllBytes(classes.resolve("demo").resolve(name)));
      }
      try (Stream<Path> lambdas = Files.list(classes.resolve("demo"))) {
        for (Path extra : lambdas.filter(p -> p.getFileName().toString().contains("$")).toList()) {
          add(out, "demo/" + extra.getFileName(), Files.readAllBytes(extra));
        }
      }
      add(out, "META-INF/services/dev.kaniko.spi.Plugin",
          "demo.DemoPlugin\n".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A bundle with a descriptor but no plugin class registered. */
  static void writeBroken(Path jar, String id) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest(id))) {
      add(out, "README.txt", "nothing here".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Manifest manifest(String id) {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    attributes.putValue("Plugin-Id", id);
    attributes.putValue("Plugin-Version", "1.0.0");
    attributes.putValue("Plugin-Requires", "1.0.0");
    return manifest;
  }

  private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(content);
    out.closeEntry();
  }

  private static Path spiJar(Path lib) throws IOException {
    try (Stream<Path> jars = Files.list(lib)) {
      return jars.filter(p -> p.getFileName().toString().startsWith("kaniko-spi-"))
          .findFirst().orElseThrow(() -> new IllegalStateException("no kaniko-spi jar in " + lib));
    }
  }
}
