package dev.kaniko.plugins.cred.gcr;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which registries are Google's: {@code gcr.io}, {@code *.gcr.io} and Artifact Registry's {@code *-docker.pkg.dev}. */
public final class GoogleRegistries {

  private static final Pattern GOOGLE =
      Pattern.compile("((?:[a-z0-9-]+\\.)*gcr\\.io|[a-z0-9-]+-docker\\.pkg\\.dev)(?::\\d+)?");

  private GoogleRegistries() {}

  /** True when {@code registry} (host and optional port) is served by Google's registries. */
  public static boolean matches(String registry) {
    return GOOGLE.matcher(registry.toLowerCase(Locale.ROOT)).matches();
  }
}
