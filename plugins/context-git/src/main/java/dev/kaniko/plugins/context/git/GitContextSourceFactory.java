package dev.kaniko.plugins.context.git;

import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginContext;
import dev.kaniko.spi.PluginException;
import java.util.Map;

/** The {@code git} context source factory: {@code git://} URIs. Free of JGit references. */
public final class GitContextSourceFactory implements ContextSourceFactory {

  /** The provider name. */
  public static final String NAME = "git";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean supports(String uri) {
    return uri != null && uri.startsWith(GitLocation.PREFIX);
  }

  @Override
  public ContextSource create(Map<String, String> config, PluginContext context) throws PluginException {
    GitCredentials credentials = GitCredentials.fromEnv(context.env());
    String pullMethod = context.env().getOrDefault(GitLocation.PULL_METHOD_ENV, "https");
    return new GitContextSource(credentials, GitLocation.scheme(pullMethod), context.logger());
  }
}
