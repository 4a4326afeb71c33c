package dev.kaniko.plugins.cred.ecr;

import dev.kaniko.spi.PluginException;

/** Fetches a fresh authorization token for an ECR registry (the seam between caching and the SDK). */
public interface EcrTokenService {

  /** Calls GetAuthorizationToken for {@code registry}; never cached. */
  EcrToken fetch(EcrRegistry registry) throws PluginException;
}
