package dev.kaniko.core.plugin;

import static dev.kaniko.core.plugin.Fixtures.ask;
import static dev.kaniko.core.plugin.Fixtures.helper;
import static dev.kaniko.core.plugin.Fixtures.load;
import static dev.kaniko.core.plugin.Fixtures.pkg;
import static dev.kaniko.core.plugin.Fixtures.probeBundle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.plugin.testing.PluginSources;
import dev.kaniko.core.plugin.testing.TestBundles;
import dev.kaniko.core.plugin.testing.TestJarBuilder;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.CredentialHelper;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.ProviderFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginCallGuardTest {

  @TempDir Path work;

  @Test
  void pluginCall_runsWithTheBundleContextClassLoader_andRestoresTheCallers() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    probeBundle(work, plugins, "probe");
    ClassLoader callers = new URLClassLoader("caller", new URL[0], null);
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();

    try (PluginRegistry registry = load(plugins)) {
      CredentialHelper helper = helper(registry, "probe");
      thread.setContextClassLoader(callers);
      assertThat(helper.retrieve("tccl").orElseThrow().secret()).isEqualTo("bundle");
      assertThat(thread.getContextClassLoader()).isSameAs(callers);
      assertThatThrownBy(() -> helper.retrieve("throw")).isInstanceOf(PluginException.class);
      assertThat(thread.getContextClassLoader()).isSameAs(callers);
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @Test
  void runtimeExceptionInProvider_becomesPluginExceptionNamingThePlugin() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    probeBundle(work, plugins, "probe");

    try (PluginRegistry registry = load(plugins)) {
      assertThatThrownBy(() -> ask(registry, "probe", "throw"))
          .isInstanceOf(PluginException.class)
          .hasMessageContaining("plugin 'probe'")
          .hasMessageContaining("CredentialHelper.retrieve")
          .hasMessageContaining("boom")
          .hasCauseInstanceOf(IllegalStateException.class)
          .extracting(e -> ((PluginException) e).reason())
          .isEqualTo(PluginException.Reason.OTHER);
      assertThat(ask(registry, "probe", "unknown-command")).isEmpty();
    }
  }

  @Test
  void runtimeExceptionInCreate_becomesPluginExceptionNamingThePlugin() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    String pkg = pkg("fragile");
    String factory = "package " + pkg + "; import dev.kaniko.spi.*; import java.util.Map;\n"
        + "public class F implements ProviderFactory<CredentialHelper> {\n"
        + "  public Class<CredentialHelper> type() { return CredentialHelper.class; }\n"
        + "  public String name() { return \"fragile\"; }\n"
        + "  public CredentialHelper create(Map<String, String> c, PluginContext x) {\n"
        + "    if (c.containsKey(\"null\")) { return null; }\n"
        + "    throw new IllegalArgumentException(\"bad config\"); }\n}\n";
    Path jar = new TestJarBuilder(work)
        .source(pkg + ".P", PluginSources.plugin(pkg + ".P", "fragile", "java.util.List.of(new F())"))
        .source(pkg + ".F", factory)
        .plugin(pkg + ".P")
        .build(work.resolve("fragile.jar"));
    TestBundles.directoryBundle(plugins, "fragile", TestBundles.descriptor("fragile", "1.0.0", null), jar);

    try (PluginRegistry registry = load(plugins)) {
      ProviderFactory<CredentialHelper> fragile = Fixtures.factory(registry, "fragile");
      assertThatThrownBy(() -> fragile.create(Map.of(), null))
          .isInstanceOf(PluginException.class)
          .hasMessageContaining("plugin 'fragile'")
          .hasMessageContaining("bad config");
      assertThatThrownBy(() -> fragile.create(Map.of("null", "yes"), null))
          .isInstanceOf(PluginException.class)
          .hasMessageContaining("plugin 'fragile'")
          .hasMessageContaining("returned null");
      assertThat(registry.pluginIdOf(fragile)).contains("fragile");
    }
  }

  @Test
  void runtimeExceptionInSupports_becomesUncheckedPluginExceptionNamingThePlugin() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    String pkg = pkg("picky");
    String factory = "package " + pkg + "; import dev.kaniko.spi.*; import java.util.Map;\n"
        + "public class S implements ContextSourceFactory {\n"
        + "  public String name() { return \"picky\"; }\n"
        + "  public boolean supports(String uri) { throw new IllegalStateException(\"cannot decide\"); }\n"
        + "  public ContextSource create(Map<String, String> c, PluginContext x) { return null; }\n}\n";
    Path jar = new TestJarBuilder(work)
        .source(pkg + ".P", PluginSources.plugin(pkg + ".P", "picky", "java.util.List.of(new S())"))
        .source(pkg + ".S", factory)
        .plugin(pkg + ".P")
        .build(work.resolve("picky.jar"));
    TestBundles.directoryBundle(plugins, "picky", TestBundles.descriptor("picky", "1.0.0", null), jar);

    try (PluginRegistry registry = load(plugins)) {
      assertThatThrownBy(() -> registry.contextSourceFor("s3://bucket/context.tgz"))
          .isInstanceOf(UncheckedPluginException.class)
          .hasMessageContaining("plugin 'picky'")
          .hasMessageContaining("cannot decide")
          .extracting(Throwable::getCause)
          .isInstanceOf(PluginException.class);
    }
  }

  @Test
  void sdkClassesLoadOnlyInCreate_andAMissingOneBecomesPluginException() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    // The "SDK" is compiled against but not shipped: loading must still succeed (laziness),
    // and only create() fails, with a PluginException naming the plugin.
    Path sdk = new TestJarBuilder(work)
        .source("heavy.sdk.Client", "package heavy.sdk; public class Client { public static Object connect() { return new Object(); } }")
        .build(work.resolve("sdk.jar"));
    String pkg = pkg("lazy");
    String factory = "package " + pkg + "; import dev.kaniko.spi.*; import java.util.*;\n"
        + "public class F implements ProviderFactory<CredentialHelper> {\n"
        + "  public Class<CredentialHelper> type() { return CredentialHelper.class; }\n"
        + "  public String name() { return \"lazy\"; }\n"
        + "  public CredentialHelper create(Map<String, String> c, PluginContext x) { return new Helper(); }\n}\n";
    String helper = "package " + pkg + "; import dev.kaniko.spi.*; import java.util.*;\n"
        + "class Helper implements CredentialHelper {\n"
        + "  private final Object client = heavy.sdk.Client.connect();\n"
        + "  public Optional<RegistryCredential> retrieve(String r) { return Optional.empty(); }\n}\n";
    Path jar = new TestJarBuilder(work)
        .classPath(sdk)
        .source(pkg + ".P", PluginSources.plugin(pkg + ".P", "lazy", "java.util.List.of(new F())"))
        .source(pkg + ".F", factory)
        .source(pkg + ".Helper", helper)
        .plugin(pkg + ".P")
        .build(work.resolve("lazy.jar"));
    TestBundles.directoryBundle(plugins, "lazy", TestBundles.descriptor("lazy", "1.0.0", null), jar);

    try (PluginRegistry registry = load(plugins)) {
      assertThat(registry.plugins()).extracting(PluginInfo::id).contains("lazy");
      assertThatThrownBy(() -> Fixtures.factory(registry, "lazy").create(Map.of(), null))
          .isInstanceOf(PluginException.class)
          .hasMessageContaining("plugin 'lazy'")
          .hasMessageContaining("heavy/sdk/Client")
          .hasCauseInstanceOf(NoClassDefFoundError.class);
    }
  }

  @Test
  void pluginContextSource_isFoundByUriAndGuarded() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    String pkg = pkg("remote");
    Path jar = new TestJarBuilder(work)
        .source(pkg + ".P", PluginSources.plugin(pkg + ".P", "remote", "java.util.List.of(new S())"))
        .source(pkg + ".S", PluginSources.contextSourceFactory(pkg + ".S", "remote", "remote://"))
        .plugin(pkg + ".P")
        .build(work.resolve("remote.jar"));
    TestBundles.directoryBundle(plugins, "remote", TestBundles.descriptor("remote", "1.0.0", null), jar);

    try (PluginRegistry registry = load(plugins)) {
      ContextSourceFactory factory = registry.contextSourceFor("remote://ctx").orElseThrow();
      assertThat(factory.name()).isEqualTo("remote");
      ContextSource source = factory.create(Map.of(), null);
      assertThat(source.fetch(ContextRequest.of("remote://ctx"), work)).isEqualTo(work.resolve("ctx"));
      assertThat(registry.contextSourceFor("/local/dir").orElseThrow().name()).isEqualTo("dir");
      assertThat(registry.contextSourceFor("gs://bucket/ctx.tgz")).isEmpty();
    }
  }

  @Test
  void factories_areOrderedByDescendingPriority() throws Exception {
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    for (String[] spec : new String[][] {{"low", "-5"}, {"high", "10"}, {"mid", "0"}}) {
      String pkg = pkg(spec[0]);
      String factory = "package " + pkg + "; import dev.kaniko.spi.*; import java.util.*;\n"
          + "public class F implements ProviderFactory<CredentialHelper> {\n"
          + "  public Class<CredentialHelper> type() { return CredentialHelper.class; }\n"
          + "  public String name() { return \"" + spec[0] + "\"; }\n"
          + "  public int priority() { return " + spec[1] + "; }\n"
          + "  public Set<String> sensitiveConfigKeys() { return Set.of(\"token\"); }\n"
          + "  public CredentialHelper create(Map<String, String> c, PluginContext x) { return r -> Optional.empty(); }\n}\n";
      Path jar = new TestJarBuilder(work)
          .source(pkg + ".P", PluginSources.plugin(pkg + ".P", spec[0], "java.util.List.of(new F())"))
          .source(pkg + ".F", factory)
          .plugin(pkg + ".P")
          .build(work.resolve(spec[0] + ".jar"));
      TestBundles.directoryBundle(plugins, spec[0], TestBundles.descriptor(spec[0], "1.0.0", null), jar);
    }

    try (PluginRegistry registry = load(plugins)) {
      assertThat(registry.factories(CredentialHelper.class))
          .extracting(ProviderFactory::name)
          .containsExactly("high", "mid", "low");
      assertThat(registry.factories(CredentialHelper.class).get(0).sensitiveConfigKeys()).containsExactly("token");
    }
  }
}
