/**
 * Snapshot strategies: which paths of a stage's root file system changed during one build step
 * ({@code full}, {@code redo}, {@code time}, {@code new-run}); see {@code docs/snapshots.md}.
 */
package dev.kaniko.core.snapshot;
