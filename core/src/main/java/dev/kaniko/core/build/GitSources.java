package dev.kaniko.core.build;

import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.core.copy.CopyException;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.core.plugin.PluginInfo;
import dev.kaniko.core.plugin.PluginRegistry;
import dev.kaniko.core.plugin.UncheckedPluginException;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.ContextSourceFactory;
import dev.kaniko.spi.PluginException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ADD's git repositories, fetched through the context source of a loaded plugin that handles
 * {@code git://} contexts (the stock context-git plugin), as the executor fetches a git context.
 */
public final class GitSources {
  private static final String PULL_METHOD = "GIT_PULL_METHOD";

  private final Optional<PluginRegistry> registry;
  private final Map<String, String> env;
  private final Path workDir;

  private GitSources(Optional<PluginRegistry> registry, Map<String, String> env, Path workDir) {
    this.registry = registry;
    this.env = Map.copyOf(env);
    this.workDir = workDir;
  }

  /** No plugins: every git source fails with a clear error. */
  public static GitSources none() {
    return new GitSources(Optional.empty(), Map.of(), Path.of("."));
  }

  /**
   * Git sources through {@code registry}'s context sources.
   *
   * @param env the environment plugins see (credentials such as {@code GIT_TOKEN})
   * @param workDir the plugins' scratch directory
   */
  public static GitSources of(PluginRegistry registry, Map<String, String> env, Path workDir) {
    return new GitSources(Optional.of(registry), env, workDir);
  }

  /**
   * Fetches {@code url} ({@code https://host/repo.git#ref:subdir}, {@code http://...} or
   * {@code git://...}) into {@code targetDir}; returns the tree (the sub-directory when given).
   */
  Path fetch(String url, Path targetDir) throws CopyException {
    GitUrl git = GitUrl.parse(url);
    if (registry.isEmpty()) {
      throw new CopyException("ADD of git repository " + git.display()
          + " needs the context-git plugin, which is not loaded");
    }
    try {
      ContextSourceFactory factory = registry.get().contextSourceFor(git.contextUri())
          .orElseThrow(() -> new CopyException("ADD of git repository " + git.display()
              + " needs the context-git plugin, which is not loaded"));
      String pluginId = registry.get().pluginIdOf(factory).orElse(PluginInfo.BUILTIN);
      Map<String, String> pluginEnv = new HashMap<>(env);
      git.pullMethod().ifPresent(method -> pluginEnv.put(PULL_METHOD, method));
      ContextSource source =
          factory.create(Map.of(), HostPluginContext.of(pluginEnv, workDir, pluginId));
      return new ContextMaterializer().materialize(source,
          new ContextRequest(git.contextUri(), git.subdir()), targetDir);
    } catch (PluginException | UncheckedPluginException e) {
      throw new CopyException("cannot fetch git repository " + git.display() + ": "
          + e.getMessage());
    }
  }

  /**
   * An ADD git URL as the git context plugin takes it: {@code git://host/path#ref}, the
   * sub-directory, and the pull method its scheme asks for (none for {@code git://}).
   */
  record GitUrl(String contextUri, String subdir, Optional<String> pullMethod, String display) {
    static GitUrl parse(String url) throws CopyException {
      String display = ContextRequest.maskUri(url);
      String lower = url.toLowerCase(Locale.ROOT);
      int scheme = url.indexOf("://");
      if (lower.startsWith("git@") || lower.startsWith("ssh://") || scheme < 0) {
        throw new CopyException("ADD of git repository " + display
            + ": only https://, http:// and git:// URLs are supported (not ssh)");
      }
      String prefix = lower.substring(0, scheme);
      Optional<String> pullMethod = switch (prefix) {
        case "https", "http" -> Optional.of(prefix);
        case "git" -> Optional.empty();
        default -> throw new CopyException("ADD of git repository " + display
            + ": only https://, http:// and git:// URLs are supported");
      };
      String rest = url.substring(scheme + 3);
      int hash = rest.indexOf('#');
      String address = hash < 0 ? rest : rest.substring(0, hash);
      String fragment = hash < 0 ? "" : rest.substring(hash + 1);
      int colon = fragment.indexOf(':');
      String ref = colon < 0 ? fragment : fragment.substring(0, colon);
      String subdir = colon < 0 ? "" : fragment.substring(colon + 1);
      String uri = "git://" + address + (ref.isEmpty() ? "" : "#" + ref);
      return new GitUrl(uri, subdir, pullMethod, display);
    }

    @Override
    public String toString() {
      return "GitUrl[" + display + "]";
    }
  }
}
