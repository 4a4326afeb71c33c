package dev.kaniko.core.auth;

import java.util.List;
import java.util.Optional;

/**
 * Asks sources in order (docker config first, then plugin helpers by priority) and returns the first
 * credential found; no credential at all means anonymous access.
 */
public final class CredentialChain implements CredentialSource {

  private final List<CredentialSource> sources;

  /** Creates a chain consulting {@code sources} in list order. */
  public CredentialChain(List<? extends CredentialSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public Optional<Credential> retrieve(String registry) throws CredentialException {
    for (CredentialSource source : sources) {
      Optional<Credential> found = source.retrieve(registry);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
