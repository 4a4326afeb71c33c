package dev.kaniko.core.dockerfile.instructions;

import java.util.List;

/** "Did you mean" hints for misspelled instruction names. */
final class Suggestions {
  static final List<String> INSTRUCTIONS = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT",
      "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL",
      "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

  private Suggestions() {}

  /** " (did you mean X?)" for the closest instruction within two edits, else "". */
  static String didYouMean(String word) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : INSTRUCTIONS) {
      int d = distance(word, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean " + best.toLowerCase(java.util.Locale.ROOT) + "?)";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] cur = new int[b.length() + 1];
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[b.length()];
  }
}
