package dev.kaniko.testsupport.context;

import dev.kaniko.testsupport.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Makes bare repositories with the real git CLI, served by {@link GitHttpBackendServer}. */
public final class GitRepositories {

  private final Path root;
  private final CommandRunner git = CommandRunner.create().withEnvironment(Map.of(
      "GIT_AUTHOR_NAME", "kaniko", "GIT_AUTHOR_EMAIL", "kaniko@example.com",
      "GIT_COMMITTER_NAME", "kaniko", "GIT_COMMITTER_EMAIL", "kaniko@example.com",
      "GIT_CONFIG_NOSYSTEM", "1", "HOME", "/nonexistent"));

  public GitRepositories(Path root) {
    this.root = root;
  }

  /** Commits {@code tree} as the only commit of branch main in a new work tree {@code work}; returns its id. */
  public String commitTree(Path work, Path tree) throws IOException {
    run(work.getParent(), "git", "init", "-q", "-b", "main", work.toString());
    copyTree(tree, work);
    return commitAll(work, "context");
  }

  /** Commits everything in {@code work}; returns the new commit id. */
  public String commitAll(Path work, String message) {
    run(work, "git", "add", "-A");
    run(work, "git", "commit", "-q", "-m", message);
    return run(work, "git", "rev-parse", "HEAD").strip();
  }

  /** Runs git in {@code work}. */
  public String run(Path work, String... command) {
    return git.runChecked(List.of(command), work, "").stdout();
  }

  /** Publishes {@code work} as the bare repository {@code name} (e.g. {@code ctx.git}) under the root. */
  public void publish(Path work, String name) {
    Path bare = root.resolve(name);
    run(root, "git", "clone", "-q", "--bare", "--no-local", work.toString(), bare.toString());
    run(bare, "git", "config", "http.receivepack", "false");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (var walk = Files.walk(from)) {
      walk.forEach(paths::add);
    }
    for (Path source : paths) {
      Path target = to.resolve(from.relativize(source).toString());
      if (Files.isSymbolicLink(source)) {
        Files.createSymbolicLink(target, Files.readSymbolicLink(source));
      } else if (Files.isDirectory(source)) {
        Files.createDirectories(target);
      } else {
        Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
