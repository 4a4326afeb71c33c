package dev.kaniko.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginLoadOptions;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.core.plugin.testing.PluginSources;
import dev.kaniko.core.plugin.testing.TestBundles;
import dev.kaniko.core.plugin.testing.TestJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugin credential helpers (a real bundle loaded by the PluginRegistry) join the chain after config.json. */
class CredentialChainsTest {

  @TempDir Path work;
  private Path plugins;
  private final List<String> contextsAskedFor = new ArrayList<>();

  @BeforeEach
  void probeBundle() throws Exception {
    // The probe helper answers registry "tccl" with secret "bundle" (when run under its bundle's
    // context class loader), throws for "throw", and has nothing for any other registry.
    plugins = Files.createDirectories(work.resolve("plugins"));
    Path jar = new TestJarBuilder(work)
        .source("test.probe.ProbePlugin",
            PluginSources.plugin("test.probe.ProbePlugin", "probe", "java.util.List.of(new Probe())"))
        .source("test.probe.Probe", PluginSources.probeFactory("test.probe.Probe", "probe"))
        .plugin("test.probe.ProbePlugin")
        .build(work.resolve("probe.jar"));
    TestBundles.directoryBundle(plugins, "probe", TestBundles.descriptor("probe", "1.0.0", null), jar);
  }

  private PluginRegistry load() {
    return PluginRegistry.load(new PluginLoadOptions(List.of(plugins), Set.of()));
  }

  private CredentialChain chain(PluginRegistry registry, String configJson) throws Exception {
    CredentialSource dockerConfig = new DockerConfigCredentials(DockerConfig.parse(configJson), Map.of());
    return CredentialChains.standard(dockerConfig, registry, pluginId -> {
      contextsAskedFor.add(pluginId);
      return HostPluginContext.of(Map.of(), work, pluginId);
    });
  }

  @Test
  void standard_asksPluginHelpersForRegistriesConfigJsonDoesNotServe() throws Exception {
    try (PluginRegistry registry = load()) {
      CredentialChain chain = chain(registry, "{\"auths\":{\"a.io\":{\"username\":\"d\",\"password\":\"p\"}}}");

      assertThat(chain.retrieve("a.io")).contains(new Credential("d", "p"));
      assertThat(chain.retrieve("tccl")).contains(new Credential("tccl", "bundle"));
      assertThat(chain.retrieve("nobody.io")).isEmpty();
      assertThat(contextsAskedFor).containsExactly("probe");
    }
  }

  @Test
  void standard_configJsonComesBeforePlugins() throws Exception {
    try (PluginRegistry registry = load()) {
      CredentialChain chain = chain(registry, "{\"auths\":{\"tccl\":{\"username\":\"file\",\"password\":\"f\"}}}");

      assertThat(chain.retrieve("tccl")).contains(new Credential("file", "f"));
    }
  }

  @Test
  void standard_pluginFailureBecomesCredentialExceptionNamingTheHelper() throws Exception {
    try (PluginRegistry registry = load()) {
      CredentialChain chain = chain(registry, "{}");

      assertThatThrownBy(() -> chain.retrieve("throw"))
          .isInstanceOf(CredentialException.class)
          .hasMessageContaining("credential helper 'probe'")
          .hasMessageContaining("throw");
    }
  }

  @Test
  void standard_configJsonHelperWithoutExecutable_isServedByTheMappedPlugin() throws Exception {
    try (PluginRegistry registry = load()) {
      CredentialSource dockerConfig = new DockerConfigCredentials(
          DockerConfig.parse("{\"credHelpers\":{\"tccl\":\"ecr-login\"}}"), Map.of("PATH", work.toString()));
      CredentialChain chain = CredentialChains.standard(dockerConfig, registry,
          pluginId -> HostPluginContext.of(Map.of(), work, pluginId), Map.of("ecr-login", "probe"));

      assertThat(chain.retrieve("tccl")).contains(new Credential("tccl", "bundle"));
    }
  }

  @Test
  void standard_configJsonHelperWithoutExecutableOrPlugin_failsNamingTheExecutable() throws Exception {
    try (PluginRegistry registry = load()) {
      CredentialSource dockerConfig = new DockerConfigCredentials(
          DockerConfig.parse("{\"credHelpers\":{\"tccl\":\"acr-env\"}}"), Map.of("PATH", work.toString()));
      CredentialChain chain = CredentialChains.standard(dockerConfig, registry,
          pluginId -> HostPluginContext.of(Map.of(), work, pluginId), Map.of("ecr-login", "probe"));

      assertThatThrownBy(() -> chain.retrieve("tccl"))
          .isInstanceOf(HelperNotInstalledException.class)
          .hasMessageContaining("docker-credential-acr-env not found on PATH");
    }
  }

  @Test
  void standard_installedHelperExecutableWinsOverTheMappedPlugin() throws Exception {
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path helper = bin.resolve("docker-credential-ecr-login");
    Files.writeString(helper, "#!/bin/sh\necho '{\"Username\":\"AWS\",\"Secret\":\"from-binary\"}'\n");
    helper.toFile().setExecutable(true);
    try (PluginRegistry registry = load()) {
      CredentialSource dockerConfig = new DockerConfigCredentials(
          DockerConfig.parse("{\"credHelpers\":{\"tccl\":\"ecr-login\"}}"), Map.of("PATH", bin.toString()));
      CredentialChain chain = CredentialChains.standard(dockerConfig, registry,
          pluginId -> HostPluginContext.of(Map.of(), work, pluginId), Map.of("ecr-login", "probe"));

      assertThat(chain.retrieve("tccl")).contains(new Credential("AWS", "from-binary"));
    }
  }

  @Test
  void helperPlugins_mapsTheStockHelperNames() {
    assertThat(CredentialChains.HELPER_PLUGINS).containsExactlyInAnyOrderEntriesOf(
        Map.of("ecr-login", "ecr", "acr-env", "acr", "gcr", "gcr", "gcloud", "gcr"));
  }

  @Test
  void pluginCredentialSource_keepsIdentityTokensAndNeverPrintsTheSecret() {
    Credential token = PluginCredentialSource.toCredential(
        new dev.kaniko.spi.RegistryCredential(Credential.IDENTITY_TOKEN_USER, "s3cret"));

    assertThat(token.isIdentityToken()).isTrue();
    assertThat(token.toString()).doesNotContain("s3cret");
  }
}
