package dev.kaniko.testsupport.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A one-layer OCI image (an empty tar, gzipped, and a config labelled with a marker) for push tests, in JDK types:
 * the caller turns it into the pusher's own image type.
 *
 * @param config the config JSON
 * @param layer the gzipped layer file
 * @param layerDigest the layer blob's {@code sha256:} digest
 * @param layerSize the layer blob's size in bytes
 */
public record TinyImage(byte[] config, Path layer, String layerDigest, long layerSize) {

  /** Writes the layer into {@code dir} (named after {@code marker}) and labels the config {@code marker}. */
  public static TinyImage in(Path dir, String marker) throws IOException {
    byte[] tar = new byte[1024];
    Path layer = dir.resolve("layer-" + marker + ".tar.gz");
    MessageDigest blobDigest = sha256();
    try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(layer), blobDigest))) {
      out.write(tar);
    }
    String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"marker\":\"" + marker
        + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + hex(sha256().digest(tar)) + "\"]}}";
    return new TinyImage(config.getBytes(StandardCharsets.UTF_8), layer, hex(blobDigest.digest()), Files.size(layer));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] digest) {
    return "sha256:" + HexFormat.of().formatHex(digest);
  }
}
