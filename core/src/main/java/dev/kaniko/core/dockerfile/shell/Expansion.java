package dev.kaniko.core.dockerfile.shell;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of expanding one word: the expanded text, the same text split into words, and the
 * names of the variables the word referenced that were set ({@code matched}) or unset ({@code unmatched}).
 *
 * @param result the expanded word, quotes and escapes removed, spaces kept
 * @param words the expanded word split on unquoted whitespace (empty words dropped)
 * @param matched referenced variable names present in the environment, in order of first use
 * @param unmatched referenced variable names absent from the environment, in order of first use
 */
public record Expansion(String result, List<String> words, Set<String> matched, Set<String> unmatched) {

  /** Copies every collection so the record is immutable; set order is kept. */
  public Expansion {
    Objects.requireNonNull(result, "result");
    words = List.copyOf(words);
    matched = Collections.unmodifiableSet(new LinkedHashSet<>(matched));
    unmatched = Collections.unmodifiableSet(new LinkedHashSet<>(unmatched));
  }
}
