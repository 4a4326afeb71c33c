package dev.kaniko.core.registry;

import dev.kaniko.core.image.ImageReference;
import java.util.List;

/** What a push produced: the manifest digest, its bytes and media type, and the references written. */
public record PushResult(String digest, String mediaType, byte[] manifest, List<ImageReference> pushed) {

  /** Copies the list. */
  public PushResult {
    pushed = List.copyOf(pushed);
  }
}
