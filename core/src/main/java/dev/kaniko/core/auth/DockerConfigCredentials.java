package dev.kaniko.core.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in credential source: for a registry, its {@code credHelpers} entry, else {@code credsStore},
 * else its {@code auths} entry (a helper that has nothing falls through to {@code auths}).
 */
public final class DockerConfigCredentials implements CredentialSource {

  private final DockerConfig config;
  private final HelperRunner helpers;

  /** Runs a named helper for a registry; the seam tests replace. */
  @FunctionalInterface
  public interface HelperRunner {
    /** Runs {@code docker-credential-<helper> get} for {@code registry}. */
    Optional<Credential> get(String helper, String registry) throws CredentialException;
  }

  /** Creates the source over a parsed config, running helpers with {@code env} (its PATH finds them). */
  public DockerConfigCredentials(DockerConfig config, Map<String, String> env) {
    this(config, (helper, registry) -> new CredentialHelperProcess(helper, env).get(registry));
  }

  /** Creates the source with a custom helper runner. */
  public DockerConfigCredentials(DockerConfig config, HelperRunner helpers) {
    this.config = config;
    this.helpers = helpers;
  }

  /** Loads config.json from {@code DOCKER_CONFIG}, {@code /kaniko/.docker} or {@code ~/.docker}. */
  public static DockerConfigCredentials fromEnvironment(Map<String, String> env) throws CredentialException {
    Path file = DockerConfigLocation.resolve(env);
    return new DockerConfigCredentials(DockerConfig.load(file), env);
  }

  /**
   * This source, where a helper named in config.json whose executable is not installed is served by
   * {@code builtins.get(name)} instead (e.g. {@code ecr-login} by the cred-ecr plugin). An installed
   * executable still wins.
   */
  public DockerConfigCredentials withBuiltinHelpers(Map<String, CredentialSource> builtins) {
    Map<String, CredentialSource> copy = Map.copyOf(builtins);
    HelperRunner installed = helpers;
    return new DockerConfigCredentials(config, (helper, registry) -> {
      try {
        return installed.get(helper, registry);
      } catch (HelperNotInstalledException e) {
        CredentialSource builtin = copy.get(helper);
        if (builtin == null) {
          throw e;
        }
        return builtin.retrieve(registry);
      }
    });
  }

  @Override
  public Optional<Credential> retrieve(String registry) throws CredentialException {
    Optional<String> helper = config.credHelper(registry).or(config::credsStore);
    if (helper.isPresent()) {
      Optional<Credential> fromHelper = helpers.get(helper.get(), registry);
      if (fromHelper.isPresent()) {
        return fromHelper;
      }
    }
    return config.auth(registry);
  }

  @Override
  public String toString() {
    return "DockerConfigCredentials{" + config + "}";
  }
}
