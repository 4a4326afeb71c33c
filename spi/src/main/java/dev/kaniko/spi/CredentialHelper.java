package dev.kaniko.spi;

import java.util.Optional;

/** Supplies registry credentials, e.g. from a cloud provider's token service. */
public interface CredentialHelper {

  /**
   * Looks up credentials for a registry.
   *
   * @param registry registry host (and port), e.g. {@code 123.dkr.ecr.us-east-1.amazonaws.com}
   * @return the credential, or empty when this helper does not serve that registry (try the next)
   * @throws PluginException when the registry is served but credentials cannot be obtained
   */
  Optional<RegistryCredential> retrieve(String registry) throws PluginException;
}
