package dev.kaniko.testsupport.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every build-context source shares: fetch, sub-path, missing object, bad credentials.
 * A thin subclass per source publishes the {@link ContextFixture} on a real server and says how the
 * host materializes a fetch (usually {@code dev.kaniko.core.context.ContextMaterializer}).
 */
public abstract class ContextSourceContract {

  /** Scratch space of one test; subclasses may use it too. */
  @TempDir protected Path work;

  /** A wrong credential: the source configured with it, the location to fetch, and the secret. */
  public record BadCredentials(ContextSource source, String location, String secret) {
    @Override
    public String toString() {
      return "BadCredentials[location=" + ContextRequest.maskUri(location) + "]";
    }
  }

  /** Creates the source under test, configured with valid credentials (if it needs any). */
  protected abstract ContextSource createSource() throws Exception;

  /** Publishes the context directory {@code context} and returns its {@code --context} location. */
  protected abstract String publish(Path context) throws Exception;

  /** A location of the same kind whose object does not exist (the server and bucket/repo may). */
  protected abstract String missingLocation() throws Exception;

  /**
   * A source and location with a wrong credential for the object published at {@code location};
   * empty (the test is then skipped, with that reason) only for sources that take no credentials.
   */
  protected abstract Optional<BadCredentials> badCredentials(String location) throws Exception;

  /**
   * Does what the host does with a source: fetch into a scratch directory under {@code workDir},
   * extract a returned tarball safely and resolve the request's sub-path. Returns the context dir.
   */
  protected abstract Path materialize(ContextSource source, ContextRequest request, Path workDir)
      throws PluginException;

  /** Source options sent with every request (e.g. {@code git.branch}); none by default. */
  protected Map<String, String> options() {
    return Map.of();
  }

  @Test
  void fetch_returnsThePublishedContext() throws Exception {
    String location = publishFixture();

    Path context = materialize(createSource(), request(location, ""), newWorkDir("fetch"));

    ContextFixture.assertWholeContext(context);
  }

  @Test
  void fetch_withSubPath_returnsTheSubDirectory() throws Exception {
    String location = publishFixture();

    Path context = materialize(createSource(), request(location, ContextFixture.SUB_PATH), newWorkDir("sub"));

    ContextFixture.assertSubContext(context);
  }

  @Test
  void fetch_withMissingSubPath_isNotFoundNamingTheSubPath() throws Exception {
    String location = publishFixture();

    PluginException e = fetchFailure(createSource(), request(location, "no-such-dir"));

    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(e.getMessage()).contains("no-such-dir").doesNotContain("\n");
  }

  @Test
  void fetch_missingObject_isNotFoundInOneLineNamingTheLocation() throws Exception {
    publishFixture();
    String missing = missingLocation();

    PluginException e = fetchFailure(createSource(), request(missing, ""));

    assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(Reason.NOT_FOUND);
    assertThat(e.getMessage()).contains(ContextRequest.maskUri(missing)).doesNotContain("\n");
  }

  @Test
  void fetch_badCredentials_isUnauthorizedWithoutTheSecret() throws Exception {
    String location = publishFixture();
    Optional<BadCredentials> bad = badCredentials(location);
    Assumptions.assumeTrue(bad.isPresent(), "this source takes no credentials");

    PluginException e = fetchFailure(bad.get().source(), request(bad.get().location(), ""));

    assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(Reason.UNAUTHORIZED);
    assertThat(e.getMessage()).contains(ContextRequest.maskUri(bad.get().location())).doesNotContain("\n");
    assertNoSecretInChain(e, bad.get().secret());
  }

  /** Publishes a fresh copy of the fixture and returns its location. */
  protected String publishFixture() throws Exception {
    Path fixture = ContextFixture.create(newWorkDir("fixture"));
    return publish(fixture);
  }

  /** A new empty directory under {@link #work}. */
  protected Path newWorkDir(String name) throws Exception {
    return Files.createTempDirectory(work, name);
  }

  private ContextRequest request(String location, String subPath) {
    return new ContextRequest(location, subPath, options());
  }

  private PluginException fetchFailure(ContextSource source, ContextRequest request) throws Exception {
    PluginException e = catchThrowableOfType(
        PluginException.class, () -> materialize(source, request, newWorkDir("failure")));
    assertThat(e).as("fetching %s must fail", request.displayUri()).isNotNull();
    return e;
  }

  private static void assertNoSecretInChain(Throwable e, String secret) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName()).doesNotContain(secret);
      assertThat(t.toString()).doesNotContain(secret);
    }
  }
}
