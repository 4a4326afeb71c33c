package dev.kaniko.core.run;

import java.util.List;

/** Makes the {@link ProcessBuilder} for a host command line; a seam for tests. */
@FunctionalInterface
public interface ProcessFactory {
  ProcessFactory DEFAULT = ProcessBuilder::new;

  ProcessBuilder create(List<String> command);
}
