package dev.kaniko.plugins.context.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import dev.kaniko.testsupport.context.ContextFixture;
import dev.kaniko.testsupport.context.ContextTarballs;
import dev.kaniko.testsupport.plugin.LoadedBundle;
import dev.kaniko.testsupport.context.OneObjectJsonApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gs:// source loaded from its bundle by the real registry: the SDK runs inside the bundle's class loader and
 * talks HTTP to loopback endpoints (the contract itself runs in {@code GcsContextSourceTest}).
 */
class GcsContextSourceIT {

  private static final String LOCATION = "gs://contexts/builds/context.tar.gz";

  private static LoadedBundle<PluginRegistry> bundle;
  private static RefusingTokenServer tokens;

  @TempDir Path work;

  @BeforeAll
  static void load() throws Exception {
    bundle = LoadedBundle.load(dir -> PluginRegistry.load(new PluginLoadOptions(List.of(dir), Set.of())));
    tokens = RefusingTokenServer.start();
  }

  @AfterAll
  static void unload() throws Exception {
    tokens.close();
    bundle.close();
  }

  private PluginException fetchFailure(Map<String, String> env) throws Exception {
    ContextSource source = sourceFor(LOCATION, env, Files.createDirectories(work.resolve("plugin")));
    PluginException e = catchThrowableOfType(PluginException.class, () -> new ContextMaterializer()
        .materialize(source, ContextRequest.of(LOCATION), work.resolve("fetch")));
    assertThat(e).isNotNull();
    return e;
  }

  @Test
  void fetch_throughTheBundle_downloadsAndExtractsTheObject() throws Exception {
    Path fixture = ContextFixture.create(work.resolve("fixture"));
    Path tarball = ContextTarballs.writeTarGz(fixture, work.resolve("context.tar.gz"));
    try (OneObjectJsonApi api = OneObjectJsonApi.serving("contexts", "builds/context.tar.gz", tarball)) {
      ContextSource source = sourceFor(LOCATION, Map.of("STORAGE_EMULATOR_HOST", api.url()),
          Files.createDirectories(work.resolve("plugin")));

      Path context = new ContextMaterializer().materialize(source, new ContextRequest(LOCATION, "app"),
          work.resolve("fetch"));

      ContextFixture.assertSubContext(context);
    }
  }

  @Test
  void fetch_missingObjectThroughTheBundle_isNotFound() throws Exception {
    Path tarball = Files.writeString(work.resolve("other.tar"), "x");
    try (OneObjectJsonApi api = OneObjectJsonApi.serving("contexts", "other.tar", tarball)) {
      PluginException e = fetchFailure(Map.of("STORAGE_EMULATOR_HOST", api.url()));

      assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.NOT_FOUND);
      assertThat(e.getMessage()).contains(LOCATION).doesNotContain("\n");
    }
  }

  @Test
  void registry_routesGsUrisToThePlugin() {
    assertThat(bundle.registry().contextSourceFor(LOCATION))
        .hasValueSatisfying(f -> assertThat(f.name()).isEqualTo(GcsContextSourceFactory.NAME));
  }

  @Test
  void fetch_refusedServiceAccountKey_isUnauthorizedWithoutTheKey() throws Exception {
    Path key = work.resolve("sa.json");
    String secret = tokens.writeServiceAccountKey(key);

    PluginException e = fetchFailure(Map.of(
        "GOOGLE_APPLICATION_CREDENTIALS", key.toString(), "STORAGE_EMULATOR_HOST", tokens.url()));

    assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.UNAUTHORIZED);
    assertThat(e.getMessage()).contains(LOCATION).doesNotContain("\n");
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(secret.substring(100, 160));
    }
    assertThat(tokens.refusedGrants()).isPositive();
  }

  @Test
  void fetch_unreadableCredentialsFile_isAConfigurationErrorNamingTheFile() throws Exception {
    Path key = Files.writeString(work.resolve("broken.json"), "{\"type\":\"service_account\",\"private_key\":\"x\"}");

    PluginException e = fetchFailure(Map.of("GOOGLE_APPLICATION_CREDENTIALS", key.toString()));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_CONFIGURATION);
    assertThat(e.getMessage()).contains(LOCATION).contains(key.toString()).doesNotContain("\n");
  }

  @Test
  void fetch_unreachableEndpoint_isUnavailable() throws Exception {
    PluginException e = fetchFailure(Map.of("STORAGE_EMULATOR_HOST", "http://127.0.0.1:1"));

    assertThat(e.reason()).as(e.getMessage()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(e.getMessage()).contains(LOCATION).doesNotContain("\n");
  }

  /** The context source the bundle's registry picks for {@code uri}, with {@code env} as the build environment. */
  private static ContextSource sourceFor(String uri, Map<String, String> env, Path workDir) throws Exception {
    ContextSourceFactory factory = bundle.registry().contextSourceFor(uri)
        .orElseThrow(() -> new AssertionError("no context source supports " + uri));
    return factory.create(Map.of(), HostPluginContext.of(env, workDir, "test"));
  }
}
