package dev.kaniko.core.extract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Extended attributes carried in PAX records: {@code SCHILY.xattr.<name>} (GNU tar, Go, docker)
 * and {@code LIBARCHIVE.xattr.<url-encoded name>} with a base64 value (bsdtar).
 */
final class PaxXattrs {
  private static final String SCHILY = "SCHILY.xattr.";
  private static final String LIBARCHIVE = "LIBARCHIVE.xattr.";

  private PaxXattrs() {}

  /**
   * The entry's xattrs; {@code raw} holds the same PAX records with undecoded values (see
   * {@link RawPaxTap}) and is preferred whenever it agrees with what commons-compress decoded.
   */
  static Map<String, byte[]> of(TarArchiveEntry entry, Map<String, byte[]> raw)
      throws ExtractionException {
    Map<String, byte[]> xattrs = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : entry.getExtraPaxHeaders().entrySet()) {
      String key = header.getKey();
      if (key.startsWith(SCHILY)) {
        xattrs.put(key.substring(SCHILY.length()), schilyValue(entry, key, header.getValue(), raw.get(key)));
      } else if (key.startsWith(LIBARCHIVE)) {
        String name = URLDecoder.decode(key.substring(LIBARCHIVE.length()), StandardCharsets.UTF_8);
        xattrs.putIfAbsent(name, Base64.getDecoder().decode(header.getValue()));
      }
    }
    return xattrs;
  }

  /**
   * commons-compress decodes PAX values as UTF-8, so a binary value that is not valid UTF-8
   * arrives with U+FFFD in it: use the raw bytes when they decode to the same string, and
   * otherwise refuse rather than write a corrupted attribute.
   */
  private static byte[] schilyValue(TarArchiveEntry entry, String key, String value, byte[] raw)
      throws ExtractionException {
    if (raw != null && new String(raw, StandardCharsets.UTF_8).equals(value)) {
      return raw;
    }
    if (value.indexOf('\uFFFD') >= 0) {
      throw new ExtractionException(entry.getName(), "PAX record " + key
          + " holds a binary value that is not valid UTF-8; it cannot be applied faithfully");
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
