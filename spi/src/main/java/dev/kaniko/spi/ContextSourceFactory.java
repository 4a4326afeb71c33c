package dev.kaniko.spi;

/** A {@link ProviderFactory} of {@link ContextSource}s that says which context URIs it handles. */
public interface ContextSourceFactory extends ProviderFactory<ContextSource> {

  @Override
  default Class<ContextSource> type() {
    return ContextSource.class;
  }

  /** Whether this source handles {@code uri} (the {@code --context} value), e.g. {@code s3://b/k.tgz}. */
  boolean supports(String uri);
}
