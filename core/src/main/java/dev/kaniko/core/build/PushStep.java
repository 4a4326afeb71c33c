package dev.kaniko.core.build;

import dev.kaniko.core.image.AssembledImage;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.registry.ImagePusher;
import dev.kaniko.core.registry.ImageToPush;
import dev.kaniko.core.registry.RegistryOptions;
import dev.kaniko.core.registry.RegistryOptionsFromFlags;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.registry.PushResult;
import dev.kaniko.core.registry.RegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the image to every {@code --destination} with credentials from the docker config
 * ({@code DOCKER_CONFIG}, {@code /kaniko/.docker/config.json}); permissions are checked before
 * the build starts, as kaniko does.
 */
final class PushStep {
  private static final Logger LOG = LoggerFactory.getLogger(PushStep.class);

  private final BuildOptions options;
  private final Map<String, String> env;
  private final List<ImageReference> destinations;

  PushStep(BuildOptions options, Map<String, String> env) throws BuildException {
    this.options = options;
    this.env = env;
    this.destinations = parse(options.destinations());
  }

  /** Fails early when a destination cannot be pushed to. */
  void checkPermissions() throws BuildException {
    try (ImagePusher pusher = pusher()) {
      pusher.checkPushPermissions(destinations);
    } catch (RegistryException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  /** Pushes and returns the manifest digest the registries store. */
  String push(AssembledImage image) throws BuildException {
    try (ImagePusher pusher = pusher()) {
      PushResult result = pusher.push(ImageToPush.of(image), destinations);
      for (ImageReference pushed : result.pushed()) {
        LOG.info("Pushed {}@{}", pushed, result.digest());
      }
      return result.digest();
    } catch (RegistryException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  private RegistryOptions registryOptions() throws BuildException {
    try {
      return RegistryOptionsFromFlags.forBuild(options);
    } catch (IllegalArgumentException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  private ImagePusher pusher() throws BuildException {
    return new ImagePusher(registryOptions(), Credentials.fromEnvironment(env));
  }

  private static List<ImageReference> parse(List<String> references) throws BuildException {
    List<ImageReference> parsed = new ArrayList<>();
    for (String ref : references) {
      try {
        parsed.add(ImageReference.parse(ref));
      } catch (IllegalArgumentException e) {
        throw new BuildException("--destination " + e.getMessage());
      }
    }
    return parsed;
  }
}
