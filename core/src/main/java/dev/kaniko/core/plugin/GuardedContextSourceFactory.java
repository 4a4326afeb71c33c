package dev.kaniko.core.plugin;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;

/** A guarded {@link ContextSourceFactory}; {@link #supports} failures become {@link UncheckedPluginException}. */
final class GuardedContextSourceFactory extends GuardedProviderFactory<ContextSource>
    implements ContextSourceFactory {

  private final ContextSourceFactory sourceFactory;

  GuardedContextSourceFactory(
      PluginGuard guard, ContextSourceFactory delegate, FactoryMetadata<ContextSource> metadata) {
    super(guard, delegate, metadata);
    this.sourceFactory = delegate;
  }

  @Override
  public boolean supports(String uri) {
    return guard().callUnchecked(
        "ContextSourceFactory '" + name() + "' supports", () -> sourceFactory.supports(uri));
  }
}
