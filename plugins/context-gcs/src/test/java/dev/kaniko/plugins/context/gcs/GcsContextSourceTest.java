package dev.kaniko.plugins.context.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.testsupport.context.ContextFixture;
import dev.kaniko.testsupport.context.ContextSourceContract;
import dev.kaniko.testsupport.context.ContextTarballs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The context contract for {@code gs://}. Maven Central, npm and apt serve no GCS server, so objects live in the
 * vendor's own in-memory fake of the GCS RPC layer (google-cloud-nio's {@link LocalStorageHelper}) behind the real
 * {@link Storage} client; bad credentials go through the real HTTP client and google-auth against a loopback token
 * endpoint that refuses the grant.
 */
class GcsContextSourceTest extends ContextSourceContract {

  private static final String BUCKET = "contexts";
  private static final System.Logger LOGGER = System.getLogger(GcsContextSourceTest.class.getName());

  private static Storage storage;
  private static RefusingTokenServer tokens;

  @BeforeAll
  static void start() throws Exception {
    storage = LocalStorageHelper.customOptions(false).getService();
    tokens = RefusingTokenServer.start();
  }

  @AfterAll
  static void stop() {
    tokens.close();
  }

  @Override
  protected ContextSource createSource() throws PluginException {
    return new GcsContextSource(GcsSettings.from(Map.of()), settings -> storage, LOGGER);
  }

  @Override
  protected String publish(Path context) throws Exception {
    String name = "builds/" + UUID.randomUUID() + "/context.tar.gz";
    upload(ContextTarballs.writeTarGz(context, newWorkDir("upload").resolve("context.tar.gz")), name);
    return "gs://" + BUCKET + "/" + name;
  }

  private static void upload(Path file, String name) throws Exception {
    storage.create(BlobInfo.newBuilder(BUCKET, name).build(), Files.readAllBytes(file));
  }

  @Override
  protected String missingLocation() {
    return "gs://" + BUCKET + "/builds/missing/context.tar.gz";
  }

  @Override
  protected Optional<BadCredentials> badCredentials(String location) throws Exception {
    Path key = newWorkDir("key").resolve("sa.json");
    String secret = tokens.writeServiceAccountKey(key);
    GcsSettings settings = GcsSettings.from(Map.of(
        "GOOGLE_APPLICATION_CREDENTIALS", key.toString(), "STORAGE_EMULATOR_HOST", tokens.url()));
    return Optional.of(new BadCredentials(new GcsContextSource(settings, GcsStorages::create, LOGGER), location,
        secret.substring(100, 160)));
  }

  @Override
  protected Path materialize(ContextSource source, ContextRequest request, Path workDir) throws PluginException {
    return new ContextMaterializer().materialize(source, request, workDir);
  }

  @Test
  void fetch_bareBucket_readsKanikosDefaultObject() throws Exception {
    Path fixture = ContextFixture.create(newWorkDir("fixture"));
    upload(ContextTarballs.writeTarGz(fixture, newWorkDir("upload").resolve("c.tar.gz")), "context.tar.gz");

    Path context = materialize(createSource(), ContextRequest.of("gs://" + BUCKET), newWorkDir("bare"));

    ContextFixture.assertWholeContext(context);
  }

  @Test
  void fetch_badCredentials_reallyAskedTheTokenEndpoint() throws Exception {
    int before = tokens.refusedGrants();
    String location = publishFixture();
    BadCredentials bad = badCredentials(location).orElseThrow();

    try {
      materialize(bad.source(), ContextRequest.of(location), newWorkDir("bad"));
    } catch (PluginException expected) {
      // asserted by the contract; here: the refusal came from the token endpoint
    }

    assertThat(tokens.refusedGrants()).isGreaterThan(before);
  }
}
