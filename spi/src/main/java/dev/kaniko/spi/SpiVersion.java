package dev.kaniko.spi;

/** The version of this SPI that the host implements; plugins return {@link #CURRENT} from {@link Plugin#spiVersion()}. */
public final class SpiVersion {

  /**
   * The SPI version as {@code major.minor.patch}. A host accepts a plugin built against the same
   * major version and a minor.patch no newer than its own. This is a compile-time constant, so a
   * plugin returning it records the version it was compiled against.
   */
  public static final String CURRENT = "1.0.0";

  private SpiVersion() {}
}
