package dev.kaniko.testsupport.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleZipTest {

  @TempDir Path temp;

  static Path zip(Path file, String... namesAndContents) throws IOException {
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  @Test
  void unpack_writesEveryEntryBelowTheTarget() throws IOException {
    Path zip = zip(temp.resolve("b.zip"), "demo/plugin.properties", "plugin.id=demo\n", "demo/lib/a.jar", "jar");
    Path plugins = Files.createDirectories(temp.resolve("plugins"));

    BundleZip.unpack(zip, plugins);

    assertThat(plugins.resolve("demo/plugin.properties")).hasContent("plugin.id=demo");
    assertThat(plugins.resolve("demo/lib/a.jar")).hasContent("jar");
  }

  @Test
  void unpack_entryEscapingTheTarget_fails() throws IOException {
    Path zip = zip(temp.resolve("evil.zip"), "../escaped.txt", "x");
    Path plugins = Files.createDirectories(temp.resolve("plugins"));

    // Newer JDKs' zip file system refuses such an entry itself; older ones let unpack's own check refuse it.
    assertThatThrownBy(() -> BundleZip.unpack(zip, plugins)).isInstanceOf(IOException.class);
    assertThat(temp.resolve("escaped.txt")).doesNotExist();
  }

  @Test
  void ofThisModule_withoutTheFailsafeProperty_failsNamingIt() {
    String saved = System.getProperty(BundleZip.PROPERTY);
    System.clearProperty(BundleZip.PROPERTY);
    try {
      assertThatThrownBy(BundleZip::ofThisModule)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("kaniko.bundle.zip");
    } finally {
      if (saved != null) {
        System.setProperty(BundleZip.PROPERTY, saved);
      }
    }
  }
}
