package dev.kaniko.core.dockerfile;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks image references against the distribution reference grammar (name[:tag][@digest]). */
final class ImageReference {
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT
      + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/"
      + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*"
      + ":[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile("^(" + NAME + ")(?::" + TAG + ")?(?:@" + DIGEST + ")?$");

  private ImageReference() {}

  /** Empty when {@code ref} is a valid reference, else what is wrong with it. */
  static Optional<String> problem(String ref) {
    if (ref.isEmpty()) {
      return Optional.of("an image reference can not be empty");
    }
    var m = REFERENCE.matcher(ref);
    if (m.matches()) {
      return m.group(1).length() > 255
          ? Optional.of("repository name must not be longer than 255 characters")
          : Optional.empty();
    }
    if (REFERENCE.matcher(ref.toLowerCase(Locale.ROOT)).matches()) {
      return Optional.of("repository name must be lowercase");
    }
    return Optional.of("invalid reference format");
  }
}
