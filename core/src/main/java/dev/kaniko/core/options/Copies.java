package dev.kaniko.core.options;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Order-preserving immutable copies for the option value classes. */
final class Copies {
  private Copies() {}

  static <K, V> Map<K, V> map(Map<K, V> source) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(source));
  }

  static <K, V> Map<K, List<V>> mapOfLists(Map<K, List<V>> source) {
    Map<K, List<V>> copy = new LinkedHashMap<>();
    source.forEach((key, values) -> copy.put(key, List.copyOf(values)));
    return Collections.unmodifiableMap(copy);
  }

  static <T> Set<T> set(Set<T> source) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(source));
  }

  /** Shows keys only: values of build args may be tokens. */
  static String maskedValues(Map<String, String> map) {
    StringBuilder text = new StringBuilder("{");
    for (String key : map.keySet()) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(key).append("=***");
    }
    return text.append('}').toString();
  }
}
