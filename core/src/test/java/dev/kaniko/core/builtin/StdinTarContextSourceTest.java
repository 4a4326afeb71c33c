package dev.kaniko.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import dev.kaniko.testsupport.context.ContextFixture;
import dev.kaniko.testsupport.context.ContextTarballs;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tar://stdin}: a gzip tar streamed from the standard-input seam. */
class StdinTarContextSourceTest {

  @TempDir Path work;

  private Path materialize(InputStream stdin, String subPath) throws Exception {
    ContextSource source = new TarContextSourceFactory(() -> stdin)
        .create(Map.of(), HostPluginContext.of(Map.of(), work, "builtin"));
    return new ContextMaterializer()
        .materialize(source, new ContextRequest("tar://stdin", subPath), Files.createTempDirectory(work, "m"));
  }

  private InputStream fixtureOnStdin() throws Exception {
    Path tarball = ContextTarballs.writeTarGz(
        ContextFixture.create(work.resolve("fixture")), work.resolve("stdin.tar.gz"));
    return Files.newInputStream(tarball);
  }

  @Test
  void stdin_gzipTar_isTheContext() throws Exception {
    try (InputStream stdin = fixtureOnStdin()) {
      ContextFixture.assertWholeContext(materialize(stdin, ""));
    }
  }

  @Test
  void stdin_withSubPath_isTheSubDirectory() throws Exception {
    try (InputStream stdin = fixtureOnStdin()) {
      ContextFixture.assertSubContext(materialize(stdin, ContextFixture.SUB_PATH));
    }
  }

  @Test
  void stdin_garbage_isRejectedNamingTheLocation() {
    InputStream garbage = new ByteArrayInputStream("not a tarball at all".repeat(40).getBytes());

    assertThatThrownBy(() -> materialize(garbage, ""))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("tar://stdin")
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(Reason.INVALID_CONFIGURATION);
  }

  @Test
  void stdin_isNotClosed() throws Exception {
    boolean[] closed = {false};
    try (InputStream fixture = fixtureOnStdin()) {
      InputStream stdin = new java.io.FilterInputStream(fixture) {
        @Override
        public void close() {
          closed[0] = true;
        }
      };
      materialize(stdin, "");
    }
    assertThat(closed[0]).isFalse();
  }
}
