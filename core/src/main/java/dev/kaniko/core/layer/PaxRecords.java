package dev.kaniko.core.layer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PAX extended header records, values kept as raw bytes so binary xattrs (e.g. {@code
 * security.capability}) survive; commons-compress would re-encode them as UTF-8 text.
 */
final class PaxRecords {
  private final Map<String, byte[]> records = new LinkedHashMap<>();

  void put(String key, String value) {
    records.put(key, value.getBytes(StandardCharsets.UTF_8));
  }

  void put(String key, byte[] value) {
    records.put(key, value.clone());
  }

  boolean isEmpty() {
    return records.isEmpty();
  }

  /** {@code "<len> <key>=<value>\n"} for every record, in insertion order. */
  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> r : records.entrySet()) {
      byte[] key = r.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] value = r.getValue();
      int base = key.length + value.length + 3; // ' ', '=', '\n'
      int len = base + Integer.toString(base).length();
      if (Integer.toString(len).length() != Integer.toString(base).length()) {
        len = base + Integer.toString(len).length();
      }
      out.writeBytes(Integer.toString(len).getBytes(StandardCharsets.US_ASCII));
      out.write(' ');
      out.writeBytes(key);
      out.write('=');
      out.writeBytes(value);
      out.write('\n');
    }
    return out.toByteArray();
  }
}
