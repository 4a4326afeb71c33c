package dev.kaniko.executor;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
  /** The project version, or {@code development} when not run from the packaged jar. */
  static String version() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"kaniko for the JVM " + version()};
  }
}
