package dev.kaniko.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.testsupport.context.ContextSourceContract;
import dev.kaniko.testsupport.context.ContextTarballs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code tar://PATH}: the shared contract with a gzip tarball, plus a plain tar and unsupported URIs. */
class TarContextSourceTest extends ContextSourceContract {

  @Override
  protected ContextSource createSource() {
    return new TarContextSourceFactory(() -> {
      throw new AssertionError("stdin must not be read for a tar file");
    }).create(Map.of(), HostPluginContext.of(Map.of(), work, "builtin"));
  }

  @Override
  protected String publish(Path context) throws Exception {
    return "tar://" + ContextTarballs.writeTarGz(context, newWorkDir("published").resolve("context.tar.gz"));
  }

  @Override
  protected String missingLocation() {
    return "tar://" + work.resolve("no-such-context.tar.gz");
  }

  @Override
  protected Optional<BadCredentials> badCredentials(String location) {
    return Optional.empty();
  }

  @Override
  protected Path materialize(ContextSource source, ContextRequest request, Path workDir) throws PluginException {
    return new ContextMaterializer().materialize(source, request, workDir);
  }

  @Test
  void fetch_plainTar_isExtractedAndTheUsersFileIsKept() throws Exception {
    Path dir = Files.createDirectories(work.resolve("plain"));
    Files.writeString(dir.resolve("Dockerfile"), "FROM scratch\n");
    Path tar = ContextTarballs.writeTar(dir, work.resolve("plain.tar"));

    Path context = materialize(createSource(), ContextRequest.of("tar://" + tar), newWorkDir("m"));

    assertThat(context.resolve("Dockerfile")).hasContent("FROM scratch");
    assertThat(tar).exists();
  }

  @Test
  void factory_supportsTarUrisOnly() {
    TarContextSourceFactory factory = new TarContextSourceFactory();

    assertThat(factory.supports("tar://stdin")).isTrue();
    assertThat(factory.supports("tar:///ctx.tar.gz")).isTrue();
    assertThat(factory.supports("/ctx.tar.gz")).isFalse();
    assertThat(factory.supports("https://h/ctx.tar.gz")).isFalse();
  }
}
