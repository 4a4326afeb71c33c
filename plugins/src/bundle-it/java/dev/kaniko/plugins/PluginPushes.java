package dev.kaniko.plugins;

import dev.kaniko.core.auth.CredentialChain;
import dev.kaniko.core.auth.CredentialChains;
import dev.kaniko.core.auth.DockerConfigCredentials;
import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.core.registry.ImagePusher;
import dev.kaniko.core.registry.ImageToPush;
import dev.kaniko.core.registry.LayerToPush;
import dev.kaniko.core.registry.PushResult;
import dev.kaniko.core.registry.RegistryOptions;
import dev.kaniko.testsupport.plugin.TinyImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Pushes a tiny image the way a build does: config.json first, then the loaded bundle's credential helpers. */
public final class PluginPushes {
  private PluginPushes() {}

  /** The executor's credential chain over a fresh {@code config.json} holding {@code configJson}. */
  public static CredentialChain chain(String configJson, Map<String, String> env, Path work,
      PluginRegistry registry, System.Logger logger) throws Exception {
    Path dockerDir = Files.createDirectories(work.resolve("docker-" + UUID.randomUUID()));
    Files.writeString(dockerDir.resolve("config.json"), configJson);
    Map<String, String> withConfig = new HashMap<>(env);
    withConfig.put("DOCKER_CONFIG", dockerDir.toString());
    return CredentialChains.standard(DockerConfigCredentials.fromEnvironment(withConfig),
        registry, pluginId -> new HostPluginContext(env, work, logger));
  }

  /** Pushes a one-layer image to {@code host/repoAndTag} (TLS not verified: the test CA names only loopback). */
  public static PushResult push(CredentialChain chain, String host, String repoAndTag, Path work)
      throws Exception {
    RegistryOptions options = RegistryOptions.builder().skipTlsVerifyRegistry(host).build();
    try (ImagePusher pusher = new ImagePusher(options, chain)) {
      return pusher.push(toPush(TinyImage.in(work, repoAndTag.replaceAll("\\W", "-"))),
          List.of(ImageReference.parse(host + "/" + repoAndTag)));
    }
  }

  private static ImageToPush toPush(TinyImage image) {
    Descriptor layer = new Descriptor(MediaTypes.OCI_LAYER_GZIP, image.layerDigest(), image.layerSize());
    return new ImageToPush(ImageFormat.OCI, image.config(), List.of(LayerToPush.ofFile(layer, image.layer())));
  }
}
