package dev.kaniko.plugins.cred.acr;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which registries are Azure Container Registries: {@code NAME.azurecr.io} (and the .cn / .us clouds). */
public final class AcrRegistries {

  private static final Pattern ACR = Pattern.compile("[a-z0-9]+\\.azurecr\\.(?:io|cn|us)(?::\\d+)?");

  private AcrRegistries() {}

  /** True when {@code registry} (host and optional port) is an Azure Container Registry. */
  public static boolean matches(String registry) {
    return ACR.matcher(registry.toLowerCase(Locale.ROOT)).matches();
  }
}
