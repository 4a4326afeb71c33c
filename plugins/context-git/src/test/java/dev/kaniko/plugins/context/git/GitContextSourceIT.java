package dev.kaniko.plugins.context.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.core.context.GitOptions;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import dev.kaniko.testsupport.TempDirs;
import dev.kaniko.testsupport.TestCertificates;
import dev.kaniko.testsupport.context.ContextFixture;
import dev.kaniko.testsupport.context.ContextSourceContract;
import dev.kaniko.testsupport.plugin.BundleZip;
import dev.kaniko.testsupport.context.GitHttpBackendServer;
import dev.kaniko.testsupport.context.GitRepositories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The git plugin, loaded from its bundle through {@link PluginRegistry}, against a real smart-HTTP
 * git server ({@code git http-backend}) on loopback that wants a token.
 */
class GitContextSourceIT extends ContextSourceContract {

  private static final String TOKEN = "ghp_s3cr3tT0kenForKanikoTests";
  private static final String WRONG = "ghp_wr0ngT0kenForKanikoTests";
  private static final AtomicInteger REPOS = new AtomicInteger();

  static Path dir;
  static PluginRegistry registry;
  static GitHttpBackendServer server;
  static GitRepositories repositories;

  @BeforeAll
  static void start() throws IOException {
    dir = Files.createTempDirectory("git-context-it");
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    BundleZip.unpack(BundleZip.ofThisModule(), plugins);
    registry = PluginRegistry.load(new PluginLoadOptions(List.of(plugins), Set.of()));
    Path root = Files.createDirectories(dir.resolve("repos"));
    repositories = new GitRepositories(root);
    server = GitHttpBackendServer.start(root, TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
    registry.close();
    TempDirs.deleteRecursively(dir);
  }

  private ContextSource source(Map<String, String> env) throws PluginException {
    Map<String, String> withHttp = new HashMap<>(env);
    withHttp.put("GIT_PULL_METHOD", "http");
    ContextSourceFactory factory = registry.contextSourceFor("git://" + server.hostPort() + "/x.git").orElseThrow();
    assertThat(registry.pluginIdOf(factory)).contains(GitContextPlugin.ID);
    return factory.create(Map.of(), HostPluginContext.of(withHttp, work, GitContextPlugin.ID));
  }

  @Override
  protected ContextSource createSource() throws PluginException {
    return source(Map.of("GIT_TOKEN", TOKEN));
  }

  @Override
  protected String publish(Path context) throws Exception {
    String name = "ctx-" + REPOS.incrementAndGet() + ".git";
    Path work = newWorkDir("repo").resolve("w");
    repositories.commitTree(work, context);
    repositories.publish(work, name);
    return "git://" + server.hostPort() + "/" + name;
  }

  @Override
  protected String missingLocation() {
    return "git://" + server.hostPort() + "/no-such-repo.git";
  }

  @Override
  protected Optional<BadCredentials> badCredentials(String location) throws PluginException {
    return Optional.of(new BadCredentials(source(Map.of("GIT_TOKEN", WRONG)), location, WRONG));
  }

  @Override
  protected Path materialize(ContextSource source, ContextRequest request, Path workDir) throws PluginException {
    return new ContextMaterializer().materialize(source, request, workDir);
  }

  @Test
  void fetch_tokenInTheUrl_isUsedAndMasked() throws Exception {
    String location = publishFixture().replace("git://", "git://" + TOKEN + "@");

    Path context = materialize(source(Map.of()), ContextRequest.of(location), newWorkDir("url"));

    ContextFixture.assertWholeContext(context);
    assertThat(ContextRequest.of(location).toString()).doesNotContain(TOKEN);
  }

  @Test
  void fetch_wrongTokenInTheUrl_isUnauthorizedWithoutTheToken() throws Exception {
    String location = publishFixture().replace("git://", "git://" + WRONG + "@");

    assertThatThrownBy(() -> materialize(source(Map.of()), ContextRequest.of(location), newWorkDir("bad")))
        .isInstanceOf(PluginException.class)
        .hasMessageNotContaining(WRONG)
        .hasMessageContaining("git://***@" + server.hostPort())
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(Reason.UNAUTHORIZED);
  }

  @Test
  void fetch_usernameAndPassword_fromTheEnvironment() throws Exception {
    String location = publishFixture();

    Path context = materialize(source(Map.of("GIT_USERNAME", "x-access-token", "GIT_PASSWORD", TOKEN)),
        ContextRequest.of(location), newWorkDir("userpass"));

    ContextFixture.assertWholeContext(context);
  }

  @Test
  void fetch_branchFragmentAndCommitFragmentAndBranchOption() throws Exception {
    Path work = newWorkDir("branches").resolve("w");
    String first = repositories.commitTree(work, ContextFixture.create(newWorkDir("tree")));
    repositories.run(work, "git", "checkout", "-q", "-b", "feature");
    Files.writeString(work.resolve("feature.txt"), "on the feature branch\n");
    String second = repositories.commitAll(work, "feature");
    repositories.run(work, "git", "checkout", "-q", "main");
    Files.writeString(work.resolve("main-only.txt"), "later on main\n");
    repositories.commitAll(work, "main moves on");
    repositories.run(work, "git", "tag", "-a", "v1", "-m", "v1", first);
    String name = "branches-" + REPOS.incrementAndGet() + ".git";
    repositories.publish(work, name);
    String base = "git://" + server.hostPort() + "/" + name;
    ContextSource source = createSource();

    Path head = materialize(source, ContextRequest.of(base), newWorkDir("head"));
    Path feature = materialize(source, ContextRequest.of(base + "#refs/heads/feature"), newWorkDir("feature"));
    Path commit = materialize(source, ContextRequest.of(base + "#" + first), newWorkDir("commit"));
    Path option = materialize(source,
        new ContextRequest(base, "app", GitOptions.parse("branch=feature,single-branch=true")), newWorkDir("option"));
    Path tag = materialize(source, new ContextRequest(base, "", GitOptions.parse("branch=v1")), newWorkDir("tag"));

    assertThat(head.resolve("main-only.txt")).exists();
    assertThat(head.resolve("feature.txt")).doesNotExist();
    assertThat(feature.resolve("feature.txt")).hasContent("on the feature branch");
    assertThat(feature.resolve("main-only.txt")).doesNotExist();
    assertThat(commit.resolve("feature.txt")).doesNotExist();
    assertThat(commit.resolve("main-only.txt")).doesNotExist();
    ContextFixture.assertWholeContext(commit);
    ContextFixture.assertSubContext(option);
    assertThat(tag.resolve("main-only.txt")).doesNotExist();
    assertThat(repositories.run(feature, "git", "rev-parse", "HEAD").strip()).isEqualTo(second);
  }

  @Test
  void fetch_missingBranchOrCommit_isNotFound() throws Exception {
    String location = publishFixture();
    ContextSource source = createSource();

    assertThatThrownBy(() -> materialize(source, ContextRequest.of(location + "#refs/heads/nope"), newWorkDir("b")))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(location)
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(Reason.NOT_FOUND);
    assertThatThrownBy(() -> materialize(source, ContextRequest.of(location + "#" + "0".repeat(40)), newWorkDir("c")))
        .isInstanceOf(PluginException.class)
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(Reason.NOT_FOUND);
  }

  @Test
  void fetch_recurseSubmodules_clonesTheSubmoduleWithTheSameToken() throws Exception {
    Path subWork = newWorkDir("sub").resolve("w");
    Path subTree = Files.createDirectories(newWorkDir("subtree").resolve("t"));
    Files.writeString(subTree.resolve("lib.txt"), "from the submodule\n");
    repositories.commitTree(subWork, subTree);
    String subName = "sub-" + REPOS.incrementAndGet() + ".git";
    repositories.publish(subWork, subName);
    Path work = newWorkDir("super").resolve("w");
    repositories.commitTree(work, ContextFixture.create(newWorkDir("tree")));
    repositories.run(work, "git", "-c", "protocol.file.allow=always", "submodule", "add", "-q",
        dir.resolve("repos").resolve(subName).toString(), "vendor/lib");
    repositories.run(work, "git", "config", "-f", ".gitmodules", "submodule.vendor/lib.url", "../" + subName);
    repositories.commitAll(work, "add submodule");
    String name = "super-" + REPOS.incrementAndGet() + ".git";
    repositories.publish(work, name);
    String location = "git://" + server.hostPort() + "/" + name;

    Path with = materialize(createSource(),
        new ContextRequest(location, "", GitOptions.parse("recurse-submodules=true")), newWorkDir("with"));
    Path without = materialize(createSource(), ContextRequest.of(location), newWorkDir("without"));

    assertThat(with.resolve("vendor/lib/lib.txt")).hasContent("from the submodule");
    assertThat(without.resolve("vendor/lib/lib.txt")).doesNotExist();
  }

  @Test
  void fetch_overHttpsWithAnUnknownCa_needsInsecureSkipTls() throws Exception {
    String location = publishFixture();
    String path = location.substring(location.indexOf('/', "git://".length()));
    TestCertificates certs = TestCertificates.generate(newWorkDir("certs"), "kaniko git test CA");
    try (GitHttpBackendServer tls = GitHttpBackendServer.startTls(dir.resolve("repos"), TOKEN, certs, newWorkDir("tls"))) {
      String tlsLocation = "git://" + tls.hostPort() + path;
      ContextSource https = registry.contextSourceFor(tlsLocation).orElseThrow()
          .create(Map.of(), HostPluginContext.of(Map.of("GIT_TOKEN", TOKEN), work, GitContextPlugin.ID));

      assertThatThrownBy(() -> materialize(https, ContextRequest.of(tlsLocation), newWorkDir("verify")))
          .isInstanceOf(PluginException.class)
          .hasMessageContaining(tlsLocation)
          .hasMessageNotContaining(TOKEN);
      Path context = materialize(https,
          new ContextRequest(tlsLocation, "", GitOptions.parse("insecure-skip-tls=true")), newWorkDir("skip"));
      ContextFixture.assertWholeContext(context);
    }
  }

  @Test
  void fetch_noServer_isUnavailable() throws Exception {
    String location = "git://127.0.0.1:9/nothing-listens.git";

    assertThatThrownBy(() -> materialize(createSource(), ContextRequest.of(location), newWorkDir("n")))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining(location)
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(Reason.UNAVAILABLE);
  }
}
