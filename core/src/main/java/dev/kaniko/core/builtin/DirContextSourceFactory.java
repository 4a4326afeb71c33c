package dev.kaniko.core.builtin;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginContext;
import java.util.Map;
import java.util.regex.Pattern;

/** The {@code dir} context source: {@code dir://PATH} and plain paths (no URI scheme). */
public final class DirContextSourceFactory implements ContextSourceFactory {

  /** The provider name. */
  public static final String NAME = "dir";

  static final String PREFIX = "dir://";

  private static final Pattern ANY_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*", Pattern.DOTALL);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supports(String uri) {
    if (uri == null || uri.isBlank()) {
      return false;
    }
    return uri.startsWith(PREFIX) || !ANY_SCHEME.matcher(uri).matches();
  }

  @Override
  public ContextSource create(Map<String, String> config, PluginContext context) {
    return new DirContextSource();
  }
}
