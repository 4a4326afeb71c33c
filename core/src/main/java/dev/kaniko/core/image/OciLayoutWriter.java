package dev.kaniko.core.image;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes an image into an OCI image layout directory ({@code oci-layout}, {@code index.json},
 * {@code blobs/sha256/...}). An existing layout is kept: blobs are shared, and an index entry
 * with the same ref name is replaced.
 */
public final class OciLayoutWriter {
  private static final Pattern REF_NAME =
      Pattern.compile("[A-Za-z0-9]+([-._:@+][A-Za-z0-9]+)*(/[A-Za-z0-9]+([-._:@+][A-Za-z0-9]+)*)*");

  /**
   * Writes {@code image} under {@code dir}, named {@code refName} in index.json (null: no name).
   * Layer files are hard-linked into the layout when possible, else copied.
   */
  public void write(AssembledImage image, Path dir, String refName) throws IOException {
    if (refName != null && !REF_NAME.matcher(refName).matches()) {
      throw new IllegalArgumentException("invalid OCI layout reference name: '" + refName + "'");
    }
    Path blobs = Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
    Files.writeString(dir.resolve("oci-layout"),
        "{\"imageLayoutVersion\":\"" + MediaTypes.OCI_LAYOUT_VERSION + "\"}");
    for (LayerBlob layer : image.layers()) {
      putFile(blobs, layer.digestHex(), layer.path(), layer.size());
    }
    putBytes(blobs, image.configJson());
    putBytes(blobs, image.manifestJson());
    writeIndex(dir, image, refName);
  }

  private static void writeIndex(Path dir, AssembledImage image, String refName)
      throws IOException {
    Path indexFile = dir.resolve("index.json");
    List<Descriptor> manifests = new ArrayList<>();
    if (Files.exists(indexFile)) {
      for (Descriptor d : ImageJson.parse(Files.readAllBytes(indexFile), ImageIndex.class)
          .manifests()) {
        boolean sameRef = refName != null
            && refName.equals(d.annotation(MediaTypes.REF_NAME_ANNOTATION));
        if (!sameRef) {
          manifests.add(d);
        }
      }
    }
    Descriptor entry = Descriptor.of(image.format().manifestMediaType(), image.digest(),
        image.manifestJson().size()).withPlatform(image.platform());
    if (refName != null) {
      entry = entry.withAnnotations(Map.of(MediaTypes.REF_NAME_ANNOTATION, refName));
    }
    manifests.add(entry);
    atomicWrite(indexFile, ImageJson.serialize(ImageIndex.of(manifests)).bytes());
  }

  private static void putBytes(Path blobs, SerializedJson json) throws IOException {
    Path target = blobs.resolve(json.digestHex());
    if (!Files.exists(target)) {
      atomicWrite(target, json.bytes());
    }
  }

  private static void putFile(Path blobs, String hex, Path source, long size) throws IOException {
    Path target = blobs.resolve(hex);
    if (Files.exists(target) && Files.size(target) == size) {
      return;
    }
    Files.deleteIfExists(target);
    try {
      Files.createLink(target, source);
      return;
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException | UnsupportedOperationException e) {
      // different file system or no hard links: copy instead
    }
    Path tmp = Files.createTempFile(blobs, ".tmp-", "");
    Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void atomicWrite(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(Objects.requireNonNull(target.getParent()), ".tmp-", "");
    Files.write(tmp, bytes);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
