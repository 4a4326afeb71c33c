package dev.kaniko.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginInfo;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirContextSourceTest {

  @TempDir Path work;
  PluginRegistry registry;
  Path context;

  @BeforeEach
  void setUp() throws Exception {
    registry = PluginRegistry.load(PluginLoadOptions.builtinOnly());
    context = Files.createDirectories(work.resolve("ctx/app"));
    Files.writeString(work.resolve("ctx/Dockerfile"), "FROM scratch\n");
  }

  @AfterEach
  void tearDown() {
    registry.close();
  }

  private Path fetch(String uri, String subPath) throws PluginException {
    ContextSourceFactory factory = registry.contextSourceFor(uri).orElseThrow();
    ContextSource source = factory.create(Map.of(), HostPluginContext.of(Map.of(), work, "builtin"));
    return new ContextMaterializer().materialize(source, new ContextRequest(uri, subPath), work.resolve("target"));
  }

  @Test
  void builtinPlugin_isRegisteredThroughTheRegistry() {
    assertThat(registry.plugins()).extracting(PluginInfo::id).containsExactly("builtin");
    assertThat(registry.plugins().get(0).isBuiltin()).isTrue();
    assertThat(registry.contextSourceFor("dir:///workspace").orElseThrow().name()).isEqualTo("dir");
    assertThat(registry.pluginIdOf(registry.contextSourceFor("/workspace").orElseThrow())).contains("builtin");
  }

  @Test
  void dirSource_supportsDirUrisAndBarePathsOnly() {
    assertThat(registry.contextSourceFor("dir:///workspace")).isPresent();
    assertThat(registry.contextSourceFor("/workspace")).isPresent();
    assertThat(registry.contextSourceFor("relative/dir")).isPresent();
    assertThat(registry.contextSourceFor("s3://bucket/ctx.tar.gz")).isEmpty();
    assertThat(registry.contextSourceFor("git://github.com/x/y.git")).isEmpty();
    assertThat(registry.contextSourceFor("")).isEmpty();
  }

  @Test
  void fetch_returnsTheDirectoryInPlace() throws Exception {
    Path root = work.resolve("ctx");

    assertThat(fetch("dir://" + root, "")).isEqualTo(root);
    assertThat(fetch(root.toString(), "")).isEqualTo(root);
    assertThat(fetch(root.toString(), "").resolve("Dockerfile")).hasContent("FROM scratch");
  }

  @Test
  void fetch_appliesTheSubPath() throws Exception {
    assertThat(fetch("dir://" + work.resolve("ctx"), "app")).isEqualTo(context);
    assertThat(fetch(work.resolve("ctx").toString(), "app/")).isEqualTo(context);
  }

  @Test
  void missingDirectory_isNotFoundNamingIt() {
    Path missing = work.resolve("absent");

    assertThatThrownBy(() -> fetch("dir://" + missing, ""))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(missing.toString())
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(PluginException.Reason.NOT_FOUND);
  }

  @Test
  void missingSubPath_isNotFoundNamingIt() {
    assertThatThrownBy(() -> fetch("dir://" + work.resolve("ctx"), "nope"))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("nope")
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(PluginException.Reason.NOT_FOUND);
  }

  @Test
  void subPathLeavingTheContext_isRejected() {
    assertThatThrownBy(() -> fetch("dir://" + context, "../.."))
        .isInstanceOf(PluginException.class)
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(PluginException.Reason.INVALID_CONFIGURATION);
    assertThatThrownBy(() -> fetch("dir://" + context, "/etc"))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("relative");
  }

  @Test
  void subPathThroughASymlinkLeavingTheContext_isRejected() throws Exception {
    Path outside = Files.createDirectories(work.resolve("outside"));
    Files.createSymbolicLink(work.resolve("ctx/escape"), outside);

    assertThatThrownBy(() -> fetch("dir://" + work.resolve("ctx"), "escape"))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("leaves the context")
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(PluginException.Reason.INVALID_CONFIGURATION);
  }

  @Test
  void aFileInsteadOfADirectory_isNotFound() throws Exception {
    Path file = Files.writeString(work.resolve("file.txt"), "x");

    assertThatThrownBy(() -> fetch(file.toString(), ""))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(file.toString());
  }
}
