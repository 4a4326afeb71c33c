package dev.kaniko.core.registry;

import dev.kaniko.core.image.ImageReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The references a pull tries, in order: {@code --registry-map} targets for the image's registry, then
 * (Docker Hub images) {@code --registry-mirror}s, then the image's own registry unless
 * {@code --skip-default-registry-fallback} and some mirror applied. A mirror may carry a path prefix.
 */
public final class PullCandidates {

  private PullCandidates() {}

  /** The candidates for {@code reference} under {@code options}. */
  public static List<ImageReference> of(ImageReference reference, RegistryOptions options) {
    List<String> targets = new ArrayList<>(options.registryMaps().getOrDefault(reference.registry(), List.of()));
    if (reference.isDockerHub()) {
      targets.addAll(options.mirrors());
    }
    List<ImageReference> candidates = new ArrayList<>();
    for (String target : targets) {
      ImageReference moved = onMirror(reference, target);
      if (!candidates.contains(moved)) {
        candidates.add(moved);
      }
    }
    if (candidates.isEmpty() || !options.skipDefaultRegistryFallback()) {
      if (!candidates.contains(reference)) {
        candidates.add(reference);
      }
    }
    return List.copyOf(candidates);
  }

  static ImageReference onMirror(ImageReference reference, String mirror) {
    int slash = mirror.indexOf('/');
    if (slash < 0) {
      return reference.withRegistry(mirror);
    }
    String prefix = mirror.substring(slash + 1);
    return reference.withRegistry(mirror.substring(0, slash)).withRepository(prefix + "/" + reference.repository());
  }
}
