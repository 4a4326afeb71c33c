package dev.kaniko.core.build;

/**
 * When instructions take snapshots: {@code --single-snapshot} (one layer per stage, at its last
 * instruction) and {@code --force-build-metadata} (a layer for every instruction, empty or not).
 */
record SnapshotPolicy(boolean singleSnapshot, boolean forceBuildMetadata) {}
