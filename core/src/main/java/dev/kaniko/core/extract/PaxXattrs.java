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

  static Map<String, byte[]> of(TarArchiveEntry entry) throws ExtractionException {
    Map<String, byte[]> xattrs = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : entry.getExtraPaxHeaders().entrySet()) {
      String key = header.getKey();
      if (key.startsWith(SCHILY)) {
        xattrs.put(key.substring(SCHILY.length()), schilyValue(entry, key, header.getValue()));
      } else if (key.startsWith(LIBARCHIVE)) {
        String name = URLDecoder.decode(key.substring(LIBARCHIVE.length()), StandardCharsets.UTF_8);
        xattrs.putIfAbsent(name, Base64.getDecoder().decode(header.getValue()));
      }
    }
    return xattrs;
  }

  /**
   * commons-compress decodes PAX values as UTF-8, so a binary value that is not valid UTF-8
   * arrives with U+FFFD in it: refuse it rather than write a corrupted attribute.
   */
  private static byte[] schilyValue(TarArchiveEntry entry, String key, String value)
      throws ExtractionException {
    if (value.indexOf('\uFFFD') >= 0) {
      throw new ExtractionException(entry.getName(), "PAX record " + key
          + " holds a binary value that is not valid UTF-8; it cannot be applied faithfully");
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
