package dev.kaniko.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import dev.kaniko.testsupport.context.ContextFixture;
import dev.kaniko.testsupport.context.ContextTarballs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextMaterializerTest {

  @TempDir Path work;

  @Test
  void materialize_downloadedTarball_isExtractedAndDeleted() throws Exception {
    Path fixture = ContextFixture.create(work.resolve("fixture"));
    Path[] downloaded = new Path[1];
    ContextSource downloader = (request, targetDir) -> {
      downloaded[0] = targetDir.resolve("context.tar.gz");
      try {
        return ContextTarballs.writeTarGz(fixture, downloaded[0]);
      } catch (java.io.IOException e) {
        throw new PluginException(Reason.UNAVAILABLE, "download failed", e);
      }
    };

    Path context = new ContextMaterializer()
        .materialize(downloader, new ContextRequest("s3://b/k.tar.gz", "app"), work.resolve("m"));

    ContextFixture.assertSubContext(context);
    assertThat(context).startsWith(work.resolve("m").toRealPath());
    assertThat(downloaded[0]).doesNotExist();
  }

  @Test
  void materialize_directory_isUsedInPlace() throws Exception {
    Path fixture = ContextFixture.create(work.resolve("fixture"));

    Path context = new ContextMaterializer().materialize((r, t) -> fixture, ContextRequest.of("x://y"), work.resolve("m"));

    assertThat(context).isEqualTo(fixture.toRealPath());
  }

  @Test
  void materialize_nothingReturned_isAnErrorNamingTheMaskedLocation() {
    assertThatThrownBy(() -> new ContextMaterializer()
            .materialize((r, t) -> null, ContextRequest.of("https://tok3n@h/c.tgz"), work.resolve("m")))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("https://***@h/c.tgz")
        .hasMessageNotContaining("tok3n");
  }

  @Test
  void materialize_missingFile_isNotFound() {
    Path missing = work.resolve("gone.tar");

    assertThatThrownBy(() -> new ContextMaterializer()
            .materialize((r, t) -> missing, ContextRequest.of("x://gone"), work.resolve("m")))
        .isInstanceOf(PluginException.class)
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void materialize_nonEmptyWorkDir_isRefused() throws Exception {
    Files.createDirectories(work.resolve("m/fetch"));
    Files.writeString(work.resolve("m/fetch/stale"), "x");

    assertThatThrownBy(() -> new ContextMaterializer()
            .materialize((r, t) -> t, ContextRequest.of("x://y"), work.resolve("m")))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("not empty");
  }
}
