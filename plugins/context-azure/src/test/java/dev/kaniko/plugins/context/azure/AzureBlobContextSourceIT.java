package dev.kaniko.plugins.context.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import dev.kaniko.testsupport.context.Azurite;
import dev.kaniko.testsupport.context.ContextFixture;
import dev.kaniko.testsupport.context.ContextSourceContract;
import dev.kaniko.testsupport.context.ContextTarballs;
import dev.kaniko.testsupport.plugin.LoadedBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The context contract for Azure Blob URLs against Azurite (the real Azure Storage emulator) on loopback. */
class AzureBlobContextSourceIT extends ContextSourceContract {

  private static final String CONTAINER = "contexts";
  private static final String BASE = "https://" + Azurite.ACCOUNT + ".blob.core.windows.net/" + CONTAINER + "/";
  private static final String WRONG_KEY =
      Base64.getEncoder().encodeToString("not the azurite development account key!".getBytes());

  private static Path dataDir;
  private static Azurite azurite;
  private static BlobContainerClient container;
  private static LoadedBundle<PluginRegistry> bundle;

  @BeforeAll
  static void startAzurite() throws Exception {
    dataDir = Files.createTempDirectory("azurite");
    azurite = Azurite.start(dataDir);
    container = new BlobServiceClientBuilder()
        .connectionString(azurite.connectionString(Azurite.ACCOUNT_KEY))
        .httpClient(new JdkHttpClientBuilder().build())
        .buildClient()
        .getBlobContainerClient(CONTAINER);
    container.create();
    bundle = LoadedBundle.load(dir -> PluginRegistry.load(new PluginLoadOptions(List.of(dir), Set.of())));
  }

  @AfterAll
  static void stopAzurite() throws Exception {
    if (bundle != null) {
      bundle.close();
    }
    if (azurite != null) {
      azurite.close();
    }
  }

  private ContextSource source(String accountKey) throws Exception {
    Map<String, String> env = Map.of("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString(accountKey));
    return sourceFor(BASE + "any.tar.gz", env, newWorkDir("plugin"));
  }

  @Override
  protected ContextSource createSource() throws Exception {
    return source(Azurite.ACCOUNT_KEY);
  }

  @Override
  protected String publish(Path context) throws Exception {
    Path tarball = ContextTarballs.writeTarGz(context, newWorkDir("upload").resolve("context.tar.gz"));
    String blob = "builds/" + UUID.randomUUID() + "/context.tar.gz";
    container.getBlobClient(blob).uploadFromFile(tarball.toString());
    return BASE + blob;
  }

  @Override
  protected String missingLocation() {
    return BASE + "builds/missing/context.tar.gz";
  }

  @Override
  protected Optional<BadCredentials> badCredentials(String location) throws Exception {
    return Optional.of(new BadCredentials(source(WRONG_KEY), location, WRONG_KEY));
  }

  @Override
  protected Path materialize(ContextSource source, ContextRequest request, Path workDir) throws PluginException {
    return new ContextMaterializer().materialize(source, request, workDir);
  }

  @Test
  void fetch_missingContainer_isNotFoundNamingTheLocation() throws Exception {
    String location = "https://" + Azurite.ACCOUNT + ".blob.core.windows.net/no-such-container/context.tar.gz";

    PluginException e = catchThrowableOfType(PluginException.class,
        () -> materialize(createSource(), ContextRequest.of(location), newWorkDir("nocontainer")));

    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(e.getMessage()).contains(location).contains("container").doesNotContain("\n");
  }

  @Test
  void fetch_connectionStringOfAnotherAccount_isAConfigurationErrorWithoutTheKey() throws Exception {
    String location = "https://otheraccount.blob.core.windows.net/" + CONTAINER + "/context.tar.gz";
    ContextSource source = sourceFor(location,
        Map.of("AZURE_STORAGE_CONNECTION_STRING", azurite.connectionString(Azurite.ACCOUNT_KEY)), newWorkDir("p"));

    PluginException e = catchThrowableOfType(PluginException.class,
        () -> materialize(source, ContextRequest.of(location), newWorkDir("other")));

    assertThat(e.reason()).isEqualTo(Reason.INVALID_CONFIGURATION);
    assertThat(e.getMessage()).contains("otheraccount").contains(Azurite.ACCOUNT)
        .doesNotContain(Azurite.ACCOUNT_KEY).doesNotContain("\n");
  }

  @Test
  void fetch_plainTarBlob_isExtractedToo() throws Exception {
    Path fixture = ContextFixture.create(newWorkDir("plain"));
    Path tar = ContextTarballs.writeTar(fixture, newWorkDir("upload").resolve("context.tar"));
    container.getBlobClient("plain/context.tar").uploadFromFile(tar.toString(), true);

    Path context = materialize(createSource(), ContextRequest.of(BASE + "plain/context.tar"), newWorkDir("fetch"));

    ContextFixture.assertWholeContext(context);
  }

  @Test
  void registry_routesBlobUrlsToThePluginNotTheBuiltinHttpsSource() {
    assertThat(bundle.registry().contextSourceFor(BASE + "x.tar.gz"))
        .hasValueSatisfying(f -> assertThat(f.name()).isEqualTo(AzureBlobContextSourceFactory.NAME));
    assertThat(bundle.registry().contextSourceFor("https://example.com/x.tar.gz"))
        .hasValueSatisfying(f -> assertThat(f.name()).isNotEqualTo(AzureBlobContextSourceFactory.NAME));
  }

  /** The context source the bundle's registry picks for {@code uri}, with {@code env} as the build environment. */
  private static ContextSource sourceFor(String uri, Map<String, String> env, Path workDir) throws Exception {
    ContextSourceFactory factory = bundle.registry().contextSourceFor(uri)
        .orElseThrow(() -> new AssertionError("no context source supports " + uri));
    return factory.create(Map.of(), HostPluginContext.of(env, workDir, "test"));
  }
}
