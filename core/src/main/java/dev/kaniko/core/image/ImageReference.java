package dev.kaniko.core.image;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed image reference ({@code [registry/]repository[:tag][@digest]}) with Docker's defaults:
 * no registry means {@code docker.io}, a single-component Docker Hub name gets {@code library/}.
 */
public final class ImageReference {

  /** The registry name Docker Hub references normalize to. */
  public static final String DOCKER_HUB = "docker.io";
  /** The host that serves Docker Hub's registry API. */
  public static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";
  /** The tag used when a reference names neither a tag nor a digest. */
  public static final String DEFAULT_TAG = "latest";

  private static final Pattern COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");
  private static final String GRAMMAR_DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String GRAMMAR_DOMAIN = "(?:" + GRAMMAR_DOMAIN_COMPONENT + "(?:\\."
      + GRAMMAR_DOMAIN_COMPONENT + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
  private static final String GRAMMAR_PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String GRAMMAR_NAME = "(?:" + GRAMMAR_DOMAIN + "/)?" + GRAMMAR_PATH_COMPONENT
      + "(?:/" + GRAMMAR_PATH_COMPONENT + ")*";
  private static final String GRAMMAR_DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*"
      + ":[0-9a-fA-F]{32,}";
  private static final Pattern GRAMMAR = Pattern.compile("^(" + GRAMMAR_NAME + ")(?::[\\w][\\w.-]{0,127})?"
      + "(?:@" + GRAMMAR_DIGEST + ")?$");
  private static final Pattern REGISTRY =
      Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
          + "(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?");

  private final String registry;
  private final String repository;
  private final String tag;
  private final String digest;

  private ImageReference(String registry, String repository, String tag, String digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses a reference.
   *
   * @throws IllegalArgumentException naming the reference and what is wrong with it
   */
  public static ImageReference parse(String reference) {
    Objects.requireNonNull(reference, "reference");
    String rest = reference.trim();
    if (rest.isEmpty()) {
      throw invalid(reference, "it is empty");
    }
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      checkDigest(reference, digest);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(reference, "tag '" + tag + "' is not valid");
      }
    }
    return of(reference, rest, tag, digest);
  }

  /**
   * Checks {@code ref} against the distribution reference grammar ({@code name[:tag][@digest]}) the way
   * BuildKit does for FROM lines: empty when valid, else Docker's wording of what is wrong.
   */
  public static Optional<String> problem(String ref) {
    if (ref.isEmpty()) {
      return Optional.of("an image reference can not be empty");
    }
    var m = GRAMMAR.matcher(ref);
    if (m.matches()) {
      return m.group(1).length() > 255
          ? Optional.of("repository name must not be longer than 255 characters")
          : Optional.empty();
    }
    if (GRAMMAR.matcher(ref.toLowerCase(java.util.Locale.ROOT)).matches()) {
      return Optional.of("repository name must be lowercase");
    }
    return Optional.of("invalid reference format");
  }

  private static ImageReference of(String original, String name, String tag, String digest) {
    String registry = DOCKER_HUB;
    String repository = name;
    int slash = name.indexOf('/');
    if (slash > 0 && looksLikeRegistry(name.substring(0, slash))) {
      registry = name.substring(0, slash);
      repository = name.substring(slash + 1);
    }
    if (!REGISTRY.matcher(registry).matches()) {
      throw invalid(original, "registry '" + registry + "' is not a valid host[:port]");
    }
    registry = normalizeRegistry(registry);
    if (registry.equals(DOCKER_HUB) && repository.indexOf('/') < 0) {
      repository = "library/" + repository;
    }
    checkRepository(original, repository);
    return new ImageReference(registry, repository, tag, digest);
  }

  private static boolean looksLikeRegistry(String first) {
    return first.contains(".") || first.contains(":") || first.equals("localhost")
        || !first.equals(first.toLowerCase(java.util.Locale.ROOT));
  }

  /** Normalizes Docker Hub's aliases ({@code index.docker.io}, {@code registry-1.docker.io}) to {@code docker.io}. */
  public static String normalizeRegistry(String registry) {
    return switch (registry) {
      case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> DOCKER_HUB;
      default -> registry;
    };
  }

  private static void checkRepository(String original, String repository) {
    if (repository.isEmpty()) {
      throw invalid(original, "the repository name is empty");
    }
    for (String component : repository.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw invalid(original, "repository '" + repository
            + "' must be lowercase letters, digits and separators (. _ __ -) between '/'");
      }
    }
    if (repository.length() > 255) {
      throw invalid(original, "the repository name is longer than 255 characters");
    }
  }

  private static void checkDigest(String original, String digest) {
    if (!DIGEST.matcher(digest).matches()) {
      throw invalid(original, "digest '" + digest + "' is not algorithm:hex");
    }
    if (digest.startsWith("sha256:") && !SHA256.matcher(digest).matches()) {
      throw invalid(original, "digest '" + digest + "' is not sha256 followed by 64 lowercase hex digits");
    }
  }

  private static IllegalArgumentException invalid(String reference, String why) {
    return new IllegalArgumentException("invalid image reference '" + reference + "': " + why);
  }

  /** The registry, normalized ({@code docker.io}, {@code gcr.io}, {@code localhost:5000}). */
  public String registry() {
    return registry;
  }

  /** The host[:port] serving the registry API ({@code registry-1.docker.io} for Docker Hub). */
  public String apiHost() {
    return isDockerHub() ? DOCKER_HUB_API_HOST : registry;
  }

  /** The repository inside the registry ({@code library/busybox}). */
  public String repository() {
    return repository;
  }

  /** The tag, if the reference names one. */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /** The digest, if the reference names one. */
  public Optional<String> digest() {
    return Optional.ofNullable(digest);
  }

  /** What to ask the registry for: the digest if present, else the tag, else {@code latest}. */
  public String qualifier() {
    if (digest != null) {
      return digest;
    }
    return tag != null ? tag : DEFAULT_TAG;
  }

  /** True for Docker Hub images. */
  public boolean isDockerHub() {
    return registry.equals(DOCKER_HUB);
  }

  /** {@code registry/repository}, without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  /** This reference in another registry (mirror or map target); the registry is normalized. */
  public ImageReference withRegistry(String newRegistry) {
    return new ImageReference(normalizeRegistry(newRegistry), repository, tag, digest);
  }

  /** This reference with another repository (e.g. a mirror's path prefix added). */
  public ImageReference withRepository(String newRepository) {
    checkRepository(registry + "/" + newRepository, newRepository);
    return new ImageReference(registry, newRepository, tag, digest);
  }

  /** This reference pinned to a digest; the tag is kept for display. */
  public ImageReference withDigest(String newDigest) {
    checkDigest(name() + "@" + newDigest, newDigest);
    return new ImageReference(registry, repository, tag, newDigest);
  }

  /** This reference with another tag and no digest. */
  public ImageReference withTag(String newTag) {
    if (!TAG.matcher(newTag).matches()) {
      throw invalid(name() + ":" + newTag, "tag '" + newTag + "' is not valid");
    }
    return new ImageReference(registry, repository, newTag, null);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImageReference that
        && registry.equals(that.registry)
        && repository.equals(that.repository)
        && Objects.equals(tag, that.tag)
        && Objects.equals(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return Objects.hash(registry, repository, tag, digest);
  }

  /** The canonical form: {@code registry/repository[:tag][@digest]}, {@code :latest} added when neither is set. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(name());
    if (tag != null || digest == null) {
      out.append(':').append(tag != null ? tag : DEFAULT_TAG);
    }
    if (digest != null) {
      out.append('@').append(digest);
    }
    return out.toString();
  }
}
