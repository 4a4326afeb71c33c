package dev.kaniko.core.build;

/**
 * A {@code --destination} split the way go-containerregistry names it in kaniko's digest files:
 * {@code index.docker.io/library/app} for {@code app}, tag {@code latest} when none is given.
 */
record Destination(String repository, String tag) {

  static Destination parse(String reference) {
    String ref = reference;
    int at = ref.indexOf('@');
    if (at >= 0) {
      ref = ref.substring(0, at);
    }
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    String tag = "latest";
    if (colon > slash) {
      tag = ref.substring(colon + 1);
      ref = ref.substring(0, colon);
    }
    return new Destination(qualify(ref), tag);
  }

  private static String qualify(String repo) {
    int slash = repo.indexOf('/');
    String first = slash < 0 ? "" : repo.substring(0, slash);
    boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
    if (!hasRegistry) {
      return "index.docker.io/" + (slash < 0 ? "library/" + repo : repo);
    }
    if (first.equals("docker.io")) {
      return "index.docker.io" + repo.substring(slash);
    }
    return repo;
  }

  /** {@code repository@digest}. */
  String withDigest(String digest) {
    return repository + "@" + digest;
  }

  /** {@code repository:tag@digest}. */
  String withTagAndDigest(String digest) {
    return repository + ":" + tag + "@" + digest;
  }
}
