package dev.kaniko.core.dockerfile;

import java.util.OptionalInt;

/**
 * What a stage starts from: {@code scratch}, an earlier stage, or a registry image.
 *
 * @param reference the expanded FROM argument (image reference, stage name or "scratch")
 * @param stage the index of the earlier stage it names, if it names one
 */
public record StageBase(String reference, OptionalInt stage) {

  /** True for {@code FROM scratch}. */
  public boolean isScratch() {
    return stage.isEmpty() && reference.equals("scratch");
  }

  /** True when the base must be pulled from a registry. */
  public boolean isImage() {
    return stage.isEmpty() && !isScratch();
  }
}
