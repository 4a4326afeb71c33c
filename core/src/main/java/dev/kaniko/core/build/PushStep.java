package dev.kaniko.core.build;

import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.image.AssembledImage;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.core.registry.ImagePusher;
import dev.kaniko.core.registry.ImageToPush;
import dev.kaniko.core.registry.PushResult;
import dev.kaniko.core.registry.RegistryException;
import dev.kaniko.core.registry.RegistryOptions;
import dev.kaniko.core.registry.RegistryOptionsFromFlags;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the image to every {@code --destination} with the build's credentials (docker config,
 * then plugin helpers); permissions are checked before the build starts, as kaniko does.
 */
final class PushStep {
  private static final Logger LOG = LoggerFactory.getLogger(PushStep.class);

  private final BuildOptions options;
  private final CredentialSource credentials;
  private final List<ImageReference> destinations;
  private long bytesPushed;

  PushStep(BuildOptions options, CredentialSource credentials) throws BuildException {
    this.options = options;
    this.credentials = credentials;
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
      bytesPushed += pusher.bytesPushed();
      return result.digest();
    } catch (RegistryException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  /** Blob bytes uploaded by the pushes so far. */
  long bytesPushed() {
    return bytesPushed;
  }

  private RegistryOptions registryOptions() throws BuildException {
    try {
      return RegistryOptionsFromFlags.forBuild(options);
    } catch (IllegalArgumentException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  private ImagePusher pusher() throws BuildException {
    return new ImagePusher(registryOptions(), credentials);
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
