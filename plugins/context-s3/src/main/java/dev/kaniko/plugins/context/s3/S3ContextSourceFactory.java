package dev.kaniko.plugins.context.s3;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import java.util.Map;

/** Creates {@link S3ContextSource}s for {@code s3://} contexts; touches the AWS SDK only in {@link #create}. */
public final class S3ContextSourceFactory implements ContextSourceFactory {

  /** The provider name. */
  public static final String NAME = "s3";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supports(String uri) {
    return uri != null && uri.regionMatches(true, 0, S3Location.SCHEME, 0, S3Location.SCHEME.length());
  }

  @Override
  public ContextSource create(Map<String, String> config, PluginContext context) throws PluginException {
    return new S3ContextSource(S3Settings.from(context.env()), context.logger());
  }
}
