package dev.kaniko.core.auth;

import java.util.Optional;

/**
 * Looks up the credential for a registry. Empty means "not mine, ask the next source"; an exception
 * means the source serves that registry but failed. Plugins' {@code CredentialHelper}s adapt to this.
 */
@FunctionalInterface
public interface CredentialSource {

  /**
   * Looks up a credential.
   *
   * @param registry normalized registry name as in {@code ImageReference.registry()}, e.g. {@code docker.io}
   *     or {@code localhost:5000}
   */
  Optional<Credential> retrieve(String registry) throws CredentialException;
}
