package dev.kaniko.plugins.context.git;

import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import java.nio.file.Path;

/** Clones a {@code git://} context into the target directory (over https, or http by request). */
final class GitContextSource implements ContextSource {

  private final GitCredentials envCredentials;
  private final String scheme;
  private final System.Logger logger;

  GitContextSource(GitCredentials envCredentials, String scheme, System.Logger logger) {
    this.envCredentials = envCredentials;
    this.scheme = scheme;
    this.logger = logger;
  }

  @Override
  public Path fetch(ContextRequest request, Path targetDir) throws PluginException {
    String display = request.displayUri();
    GitLocation location = GitLocation.parse(request.uri(), scheme, display);
    GitCredentials credentials = envCredentials.overriddenBy(location.urlCredentials());
    GitRevision revision = GitRevision.of(location.fragment(), request.options());
    logger.log(System.Logger.Level.INFO, "Cloning git context " + display);
    new GitCloner(location.url(), credentials, display).cloneInto(targetDir, revision);
    return targetDir;
  }

  @Override
  public String toString() {
    return "GitContextSource[scheme=" + scheme + ", credentials=" + envCredentials + "]";
  }
}
