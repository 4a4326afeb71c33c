package dev.kaniko.core.plugin.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Lays out pf4j bundles (directory bundles with {@code plugin.properties} and {@code lib/}) for tests. */
public final class TestBundles {

  private TestBundles() {}

  /** A {@code plugin.properties} descriptor; {@code null} values are left out. */
  public static Properties descriptor(String id, String version, String requires) {
    Properties properties = new Properties();
    if (id != null) {
      properties.setProperty("plugin.id", id);
    }
    if (version != null) {
      properties.setProperty("plugin.version", version);
    }
    if (requires != null) {
      properties.setProperty("plugin.requires", requires);
    }
    return properties;
  }

  /**
   * Creates {@code pluginsDir/name/} with {@code plugin.properties} (unless {@code descriptor} is
   * null) and the given jars copied into {@code lib/}.
   */
  public static Path directoryBundle(Path pluginsDir, String name, Properties descriptor, Path... libJars) {
    try {
      Path bundle = Files.createDirectories(pluginsDir.resolve(name));
      if (descriptor != null) {
        StringWriter text = new StringWriter();
        descriptor.store(text, null);
        TestJarBuilder.write(bundle.resolve("plugin.properties"), text.toString().getBytes(StandardCharsets.ISO_8859_1));
      }
      if (libJars.length > 0) {
        Path lib = Files.createDirectories(bundle.resolve("lib"));
        for (Path jar : libJars) {
          Files.copy(jar, lib.resolve(jar.getFileName()));
        }
      }
      return bundle;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
