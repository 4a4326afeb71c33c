package dev.kaniko.core.build;

import dev.kaniko.core.auth.CredentialException;
import dev.kaniko.core.auth.CredentialSource;
import dev.kaniko.core.auth.DockerConfigCredentials;
import java.util.Map;

/** Registry credentials of a build: the docker config the environment points at. */
final class Credentials {
  private Credentials() {}

  static CredentialSource fromEnvironment(Map<String, String> env) throws BuildException {
    try {
      return DockerConfigCredentials.fromEnvironment(env);
    } catch (CredentialException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }
}
