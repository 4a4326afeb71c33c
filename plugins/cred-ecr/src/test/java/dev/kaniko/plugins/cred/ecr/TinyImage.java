package dev.kaniko.plugins.cred.ecr;

import dev.kaniko.core.image.Descriptor;
import dev.kaniko.core.image.Digests;
import dev.kaniko.core.image.ImageFormat;
import dev.kaniko.core.image.MediaTypes;
import dev.kaniko.core.registry.ImageToPush;
import dev.kaniko.core.registry.LayerToPush;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** A one-layer OCI image (an empty tar, gzipped) to push in end-to-end tests. */
final class TinyImage {

  private TinyImage() {}

  static ImageToPush in(Path dir, String marker) throws Exception {
    byte[] tar = new byte[1024];
    Path layer = dir.resolve("layer-" + marker + ".tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(layer))) {
      out.write(tar);
    }
    String config = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Labels\":{\"marker\":\"" + marker
        + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digests.sha256(tar) + "\"]}}";
    Descriptor descriptor = new Descriptor(MediaTypes.OCI_LAYER_GZIP, Digests.sha256(layer), Files.size(layer));
    return new ImageToPush(ImageFormat.OCI, config.getBytes(StandardCharsets.UTF_8),
        List.of(LayerToPush.ofFile(descriptor, layer)));
  }
}
