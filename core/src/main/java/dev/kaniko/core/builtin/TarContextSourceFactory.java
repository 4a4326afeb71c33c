package dev.kaniko.core.builtin;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginContext;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** The {@code tar} context source: {@code tar://PATH} (plain or gzip tar file) and {@code tar://stdin}. */
public final class TarContextSourceFactory implements ContextSourceFactory {

  /** The provider name. */
  public static final String NAME = "tar";

  static final String PREFIX = "tar://";

  private final Supplier<InputStream> stdin;

  /** A factory reading {@code tar://stdin} from {@link System#in}. */
  public TarContextSourceFactory() {
    this(() -> System.in);
  }

  /** A factory reading {@code tar://stdin} from {@code stdin} (a test seam). */
  public TarContextSourceFactory(Supplier<InputStream> stdin) {
    this.stdin = Objects.requireNonNull(stdin, "stdin");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supports(String uri) {
    return uri != null && uri.startsWith(PREFIX);
  }

  @Override
  public ContextSource create(Map<String, String> config, PluginContext context) {
    return new TarContextSource(stdin);
  }
}
