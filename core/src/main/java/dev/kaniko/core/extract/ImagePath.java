package dev.kaniko.core.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A normalised path inside the root, as components; the empty list is the root itself. */
final class ImagePath {
  static final ImagePath ROOT = new ImagePath(List.of());

  private final List<String> components;

  private ImagePath(List<String> components) {
    this.components = Collections.unmodifiableList(components);
  }

  /**
   * Normalises a tar name: leading "/" and "./" dropped (names are relative to the root, as tar
   * and docker do), "." and empty components removed, ".." applied lexically. A ".." that climbs
   * above the root is refused, naming {@code entryName}.
   */
  static ImagePath parse(String raw, String entryName) throws ExtractionException {
    if (raw.indexOf('\0') >= 0) {
      throw new ExtractionException(entryName, "name contains a NUL byte");
    }
    List<String> out = new ArrayList<>();
    for (String part : raw.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (out.isEmpty()) {
          throw new ExtractionException(entryName, "path \"" + raw + "\" climbs above the root");
        }
        out.remove(out.size() - 1);
        continue;
      }
      out.add(part);
    }
    return new ImagePath(out);
  }

  static ImagePath of(List<String> components) {
    return new ImagePath(new ArrayList<>(components));
  }

  List<String> components() {
    return components;
  }

  boolean isRoot() {
    return components.isEmpty();
  }

  String fileName() {
    return components.get(components.size() - 1);
  }

  ImagePath parent() {
    return new ImagePath(new ArrayList<>(components.subList(0, components.size() - 1)));
  }

  ImagePath child(String name) {
    List<String> list = new ArrayList<>(components);
    list.add(name);
    return new ImagePath(list);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ImagePath that && components.equals(that.components);
  }

  @Override
  public int hashCode() {
    return components.hashCode();
  }

  /** The absolute image path, "/" for the root. */
  @Override
  public String toString() {
    return "/" + String.join("/", components);
  }
}
