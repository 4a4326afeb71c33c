package dev.kaniko.core.dockerfile.instructions;

/** A {@code key=value} pair of ENV or LABEL; {@code legacyForm} for {@code ENV key value}. */
public record KeyValue(String key, String value, boolean legacyForm) {}
