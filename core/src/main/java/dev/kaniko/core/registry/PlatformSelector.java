package dev.kaniko.core.registry;

import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.ImageIndex;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.core.image.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the manifest for a platform from an index: same os and architecture, and the same variant when one
 * is requested. Entries whose variant is unknown (the index omits it) are asked of a {@link VariantLookup}.
 */
public final class PlatformSelector {

  /** Finds the variant of an entry from its image config, for indexes that do not declare it. */
  @FunctionalInterface
  public interface VariantLookup {
    /** The variant recorded in the config of the manifest {@code entry} points to. */
    Optional<String> variantOf(Descriptor entry) throws RegistryException;
  }

  private final VariantLookup lookup;

  /** Creates a selector that trusts variants written in the index (none are looked up). */
  public PlatformSelector() {
    this(entry -> Optional.empty());
  }

  /** Creates a selector that asks {@code lookup} when a variant is requested and the index omits it. */
  public PlatformSelector(VariantLookup lookup) {
    this.lookup = lookup;
  }

  /**
   * Selects the entry for {@code wanted}.
   *
   * @throws RegistryException (NOT_FOUND) naming the image, the wanted platform and the ones available
   */
  public Descriptor select(ImageIndex index, Platform wanted, String imageName) throws RegistryException {
    List<Descriptor> sameArch = new ArrayList<>();
    for (Descriptor entry : index.manifests()) {
      if (MediaTypes.isIndex(entry.mediaType())) {
        continue;
      }
      if (entry.platform() != null && wanted.sameOsAndArchitecture(entry.platform())) {
        sameArch.add(entry);
      }
    }
    for (Descriptor entry : sameArch) {
      if (satisfies(entry, wanted)) {
        return entry;
      }
    }
    throw new RegistryException(RegistryException.Kind.NOT_FOUND, "image " + imageName + " has no manifest for platform "
        + wanted + "; it has " + available(index));
  }

  private boolean satisfies(Descriptor entry, Platform wanted) throws RegistryException {
    Platform declared = entry.platform();
    if (wanted.isSatisfiedBy(declared)) {
      return true;
    }
    if (wanted.hasVariant() && !declared.hasVariant()) {
      Optional<String> variant = lookup.variantOf(entry);
      return variant.isPresent()
          && wanted.isSatisfiedBy(new Platform(declared.os(), declared.architecture(), variant.get()));
    }
    return false;
  }

  private static String available(ImageIndex index) {
    String list = index.manifests().stream()
        .map(entry -> entry.platform() == null ? "(no platform)" : entry.platform().toString())
        .distinct()
        .collect(Collectors.joining(", "));
    return list.isEmpty() ? "no manifests" : list;
  }
}
