package dev.kaniko.core.build;

import dev.kaniko.core.copy.CopyException;
import dev.kaniko.core.copy.UrlDownloader;
import dev.kaniko.core.dockerfile.instructions.AddInstruction;
import dev.kaniko.core.dockerfile.instructions.CopyInstruction;
import dev.kaniko.core.dockerfile.VariableScope;
import dev.kaniko.spi.ContextRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * ADD: local files and heredocs with COPY's rules, local tar archives extracted into the
 * destination, http(s) URLs downloaded (never extracted; {@code --checksum} verified), git
 * repositories fetched through the git context plugin.
 */
final class AddStep {
  private final CopyStep copy;
  private final String fileName;
  private final Map<String, String> env;
  private final Function<Map<String, String>, UrlDownloader> downloaders;
  private GitSources git = GitSources.none();
  private int fetches;

  AddStep(CopyStep copy, String fileName) {
    this(copy, fileName, System.getenv(), UrlDownloader::new);
  }

  /**
   * @param env the process environment (proxy variables; build args override them)
   * @param downloaders makes the downloader for a proxy environment (tests: TLS trust)
   */
  AddStep(CopyStep copy, String fileName, Map<String, String> env,
      Function<Map<String, String>, UrlDownloader> downloaders) {
    this.copy = copy;
    this.fileName = fileName;
    this.env = Map.copyOf(env);
    this.downloaders = downloaders;
  }

  /** Where git sources are fetched from (the loaded plugins); none by default. */
  void gitSources(GitSources sources) {
    this.git = sources;
  }

  List<String> run(AddInstruction add, StageState stage) throws BuildException, IOException {
    List<String> local = new ArrayList<>();
    List<String> urls = new ArrayList<>();
    List<String> repositories = new ArrayList<>();
    for (String source : add.sources()) {
      if (isGit(source)) {
        repositories.add(source);
      } else if (UrlDownloader.isHttpUrl(source)) {
        urls.add(source);
      } else if (source.contains("://")) {
        throw error(add, "ADD of " + ContextRequest.maskUri(source)
            + ": only http(s) URLs, git repositories and local paths are supported");
      } else {
        local.add(source);
      }
    }
    checkFlags(add, local, urls, repositories);
    CopyInstruction asCopy = new CopyInstruction(local, add.inlineSources(),
        add.destination(), Optional.empty(), add.chown(), add.chmod(), add.link(), false,
        add.excludes(), add.source());
    int count = add.sources().size() + add.inlineSources().size();
    if (count > 1 && !copy.isDirectoryDestination(asCopy, stage)) {
      throw error(add, "when adding several sources (" + String.join(", ",
          add.sources().stream().map(ContextRequest::maskUri).toList())
          + "), the destination " + add.destination() + " must be a directory ending with /");
    }
    List<String> added = new ArrayList<>();
    if (!local.isEmpty() || !add.inlineSources().isEmpty()) {
      added.addAll(copy.run(asCopy, stage, add.unpack().orElse(true)));
    }
    if (!urls.isEmpty()) {
      added.addAll(downloads(add, asCopy, urls, stage));
    }
    for (String repository : repositories) {
      added.addAll(repository(add, asCopy, repository, stage));
    }
    return added;
  }

  private void checkFlags(AddInstruction add, List<String> local, List<String> urls,
      List<String> repositories) throws BuildException {
    if (add.keepGitDir() && repositories.isEmpty()) {
      throw error(add, "ADD --keep-git-dir needs a git repository source");
    }
    if (add.checksum().isPresent() && !repositories.isEmpty()) {
      throw error(add, "ADD --checksum of a git repository (a commit) is not supported yet");
    }
    if (add.checksum().isPresent() && (urls.size() != 1 || !local.isEmpty()
        || !add.inlineSources().isEmpty())) {
      throw error(add, "ADD --checksum needs exactly one http(s) source");
    }
  }

  private List<String> downloads(AddInstruction add, CopyInstruction asCopy, List<String> urls,
      StageState stage) throws BuildException, IOException {
    List<String> added = new ArrayList<>();
    try {
      UrlDownloader downloader = downloaders.apply(proxyEnvironment(stage.scope));
      for (String url : urls) {
        Path file = downloader.download(url, add.checksum(), copy.scratchDir());
        added.addAll(copy.copyPrepared(asCopy, stage, file.getParent(),
            file.getFileName().toString(), add.unpack().orElse(false)));
      }
    } catch (CopyException | IllegalArgumentException e) {
      throw error(add, e.getMessage());
    }
    return added;
  }

  /**
   * A git repository's tree (the sub-directory of {@code #ref:subdir} when given) copied into the
   * destination directory like a directory source; {@code .git} only with --keep-git-dir.
   */
  private List<String> repository(AddInstruction add, CopyInstruction asCopy, String url,
      StageState stage) throws BuildException, IOException {
    try {
      Path target = copy.scratchDir().resolve("git-" + fetches++);
      Path tree = git.fetch(url, target);
      List<String> excludes = new ArrayList<>(add.excludes());
      if (!add.keepGitDir()) {
        excludes.add("/.git");
      }
      CopyInstruction asDirectory = new CopyInstruction(List.of("."), List.of(),
          add.destination(), Optional.empty(), add.chown(), add.chmod(), add.link(), false,
          excludes, add.source());
      return copy.copyTree(asDirectory, stage, tree, "git repository "
          + ContextRequest.maskUri(url));
    } catch (CopyException | IllegalArgumentException e) {
      throw error(add, e.getMessage());
    }
  }

  /** The process environment with the proxy build args and variables of the stage over it. */
  private Map<String, String> proxyEnvironment(VariableScope scope) {
    Map<String, String> merged = new HashMap<>(env);
    scope.runEnvironment().forEach((k, v) -> {
      if (VariableScope.PROXY_ARGS.contains(k.toUpperCase(Locale.ROOT))) {
        merged.put(k, v);
      }
    });
    return merged;
  }

  /** BuildKit's rule: git@..., git://..., ssh://..., or an http(s) URL whose path ends in .git. */
  static boolean isGit(String source) {
    String s = source.toLowerCase(Locale.ROOT);
    if (s.startsWith("git@") || s.startsWith("git://") || s.startsWith("ssh://")) {
      return true;
    }
    int hash = s.indexOf('#');
    String address = hash < 0 ? s : s.substring(0, hash);
    int query = address.indexOf('?');
    address = query < 0 ? address : address.substring(0, query);
    return UrlDownloader.isHttpUrl(s) && (address.endsWith(".git") || address.endsWith(".git/"));
  }

  private BuildException error(AddInstruction add, String message) {
    return BuildException.at(fileName, add.line(), message);
  }
}
