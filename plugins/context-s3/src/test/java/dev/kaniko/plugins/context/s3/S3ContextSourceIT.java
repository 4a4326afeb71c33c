package dev.kaniko.plugins.context.s3;

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
import dev.kaniko.testsupport.context.ContextSourceContract;
import dev.kaniko.testsupport.context.ContextTarballs;
import dev.kaniko.testsupport.plugin.LoadedBundle;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The context contract for {@code s3://} against a real S3 server (S3Proxy, in-memory store) on loopback. */
class S3ContextSourceIT extends ContextSourceContract {

  private static final String BUCKET = "contexts";
  private static final String ACCESS_KEY = "AKIAKANIKOTEST";
  private static final String SECRET_KEY = "s3cr3t-kaniko-test-key";
  private static final String WRONG_SECRET = "wr0ng-kaniko-secret-key";

  private static BlobStoreContext blobStoreContext;
  private static BlobStore blobStore;
  private static S3Proxy proxy;
  private static LoadedBundle<PluginRegistry> bundle;

  @BeforeAll
  static void startServer() throws Exception {
    blobStoreContext = ContextBuilder.newBuilder("transient")
        .credentials("unused", "unused")
        .build(BlobStoreContext.class);
    blobStore = blobStoreContext.getBlobStore();
    blobStore.createContainerInLocation(null, BUCKET);
    proxy = S3Proxy.builder()
        .blobStore(blobStore)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState()) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(proxy.getState()).isEqualTo("STARTED");
    bundle = LoadedBundle.load(dir -> PluginRegistry.load(new PluginLoadOptions(List.of(dir), Set.of())));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (bundle != null) {
      bundle.close();
    }
    if (proxy != null) {
      proxy.stop();
    }
    if (blobStoreContext != null) {
      blobStoreContext.close();
    }
  }

  private static Map<String, String> env(String secret) {
    Map<String, String> env = new HashMap<>();
    env.put("S3_ENDPOINT", "http://127.0.0.1:" + proxy.getPort());
    env.put("S3_FORCE_PATH_STYLE", "true");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", secret);
    return env;
  }

  @Override
  protected ContextSource createSource() throws Exception {
    return sourceFor("s3://" + BUCKET + "/any.tar.gz", env(SECRET_KEY), newWorkDir("plugin"));
  }

  @Override
  protected String publish(Path context) throws Exception {
    Path tarball = ContextTarballs.writeTarGz(context, newWorkDir("upload").resolve("context.tar.gz"));
    String key = "builds/" + UUID.randomUUID() + "/context.tar.gz";
    blobStore.putBlob(BUCKET, blobStore.blobBuilder(key).payload(tarball.toFile()).build());
    return "s3://" + BUCKET + "/" + key;
  }

  @Override
  protected String missingLocation() {
    return "s3://" + BUCKET + "/builds/missing/context.tar.gz";
  }

  @Override
  protected Optional<BadCredentials> badCredentials(String location) throws Exception {
    ContextSource source = sourceFor(location, env(WRONG_SECRET), newWorkDir("plugin"));
    return Optional.of(new BadCredentials(source, location, WRONG_SECRET));
  }

  @Override
  protected Path materialize(ContextSource source, ContextRequest request, Path workDir) throws PluginException {
    return new ContextMaterializer().materialize(source, request, workDir);
  }

  @Test
  void fetch_missingBucket_isNotFoundNamingTheBucket() throws Exception {
    String location = "s3://no-such-bucket/context.tar.gz";

    PluginException e = catchThrowableOfType(PluginException.class,
        () -> materialize(createSource(), ContextRequest.of(location), newWorkDir("nobucket")));

    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(e.getMessage()).contains(location).contains("bucket").doesNotContain("\n");
  }

  @Test
  void fetch_plainTarKey_isExtractedToo() throws Exception {
    Path fixture = dev.kaniko.testsupport.context.ContextFixture.create(newWorkDir("plain"));
    Path tar = ContextTarballs.writeTar(fixture, newWorkDir("upload").resolve("context.tar"));
    blobStore.putBlob(BUCKET, blobStore.blobBuilder("plain/context.tar").payload(tar.toFile()).build());

    Path context = materialize(createSource(), ContextRequest.of("s3://" + BUCKET + "/plain/context.tar"),
        newWorkDir("plainfetch"));

    dev.kaniko.testsupport.context.ContextFixture.assertWholeContext(context);
  }

  @Test
  void fetch_unreachableEndpoint_isUnavailable() throws Exception {
    Map<String, String> env = env(SECRET_KEY);
    env.put("S3_ENDPOINT", "http://127.0.0.1:1");
    String location = "s3://" + BUCKET + "/context.tar.gz";
    ContextSource source = sourceFor(location, env, newWorkDir("plugin"));

    PluginException e = catchThrowableOfType(PluginException.class,
        () -> materialize(source, ContextRequest.of(location), newWorkDir("down")));

    assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(e.getMessage()).contains(location).doesNotContain("\n");
  }

  /** The context source the bundle's registry picks for {@code uri}, with {@code env} as the build environment. */
  private static ContextSource sourceFor(String uri, Map<String, String> env, Path workDir) throws Exception {
    ContextSourceFactory factory = bundle.registry().contextSourceFor(uri)
        .orElseThrow(() -> new AssertionError("no context source supports " + uri));
    return factory.create(Map.of(), HostPluginContext.of(env, workDir, "test"));
  }
}
