package dev.kaniko.executor.logging;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Masks registered secret values (passwords, tokens) in every log and error line. */
public final class SecretRedactor {
  /** What a secret is replaced with. */
  public static final String MASK = "***";

  private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

  private SecretRedactor() {}

  /** Registers a value that must never be printed; blank values are ignored. */
  public static synchronized void register(String secret) {
    if (secret == null || secret.isBlank() || SECRETS.contains(secret)) {
      return;
    }
    SECRETS.add(secret);
    // Longest first, so a secret containing another one is masked whole.
    SECRETS.sort(Comparator.comparingInt(String::length).reversed());
  }

  /** {@code text} with every registered secret replaced by {@link #MASK}. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : SECRETS) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /** Forgets every registered secret (tests only). */
  static void clear() {
    SECRETS.clear();
  }
}
