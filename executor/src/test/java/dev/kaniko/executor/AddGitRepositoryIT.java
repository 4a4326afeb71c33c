package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.testsupport.Umoci;
import dev.kaniko.testsupport.context.GitHttpBackendServer;
import dev.kaniko.testsupport.context.GitRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADD of git repositories through the packaged {@code bin/executor} and its stock context-git
 * plugin, against a loopback smart-HTTP git server: ref, sub-directory, --keep-git-dir, token.
 */
class AddGitRepositoryIT {
  private static final Path EXECUTOR = Path.of("target/kaniko/bin/executor").toAbsolutePath();
  private static final String GIT_TOKEN = "ghp_addGitT0kenForKanikoTests";

  @TempDir Path temp;

  @Test
  void addGitUrl_copiesTheRefsTreeOrSubdir_withoutDotGitUnlessKept() throws Exception {
    Path repos = Files.createDirectories(temp.resolve("repos"));
    GitRepositories git = new GitRepositories(repos);
    Path tree = Files.createDirectories(temp.resolve("tree/docs"));
    Files.writeString(tree.resolve("guide.md"), "main guide\n");
    Files.writeString(tree.getParent().resolve("README"), "readme\n");
    Path work = temp.resolve("work/repo");
    Files.createDirectories(work.getParent());
    git.commitTree(work, tree.getParent());
    git.run(work, "git", "checkout", "-q", "-b", "feature");
    Files.writeString(work.resolve("docs/guide.md"), "feature guide\n");
    git.commitAll(work, "feature");
    git.run(work, "git", "checkout", "-q", "main");
    git.publish(work, "docs.git");
    Path context = Files.createDirectories(temp.resolve("ctx"));
    try (GitHttpBackendServer server = GitHttpBackendServer.start(repos, GIT_TOKEN)) {
      String repo = "http://" + server.hostPort() + "/docs.git";
      Files.writeString(context.resolve("Dockerfile"), "FROM scratch\n"
          + "ADD " + repo + "#feature:docs /feature/\n"
          + "ADD --chown=7:8 " + repo + " /main\n"
          + "ADD --keep-git-dir=true " + repo + "#main /kept/\n");

      ProcessBuilder builder = new ProcessBuilder(List.of(EXECUTOR.toString(),
          "--context", "dir://" + context, "--no-push",
          "--oci-layout-path", temp.resolve("oci").toString(),
          "--kaniko-dir", temp.resolve("kaniko").toString()))
          .directory(context.toFile())
          .redirectOutput(temp.resolve("out.txt").toFile())
          .redirectError(temp.resolve("err.txt").toFile());
      builder.environment().remove("JAVA_OPTS");
      builder.environment().remove("KANIKO_PLUGIN_DIR");
      builder.environment().put("GIT_TOKEN", GIT_TOKEN);
      Process process = builder.start();
      assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("executor finished").isTrue();
      String err = Files.readString(temp.resolve("err.txt"));
      assertThat(process.exitValue()).as(err).isZero();
      assertThat(err).doesNotContain(GIT_TOKEN);
    }

    Path rootfs = new Umoci().unpackRootfs(temp.resolve("oci"), "latest", temp.resolve("rootfs"));
    assertThat(rootfs.resolve("feature/guide.md")).hasContent("feature guide");
    assertThat(rootfs.resolve("feature/README")).doesNotExist();
    assertThat(rootfs.resolve("main/docs/guide.md")).hasContent("main guide");
    assertThat(rootfs.resolve("main/README")).hasContent("readme");
    assertThat(rootfs.resolve("main/.git")).doesNotExist();
    assertThat(Files.getAttribute(rootfs.resolve("main/README"), "unix:uid")).isEqualTo(7);
    assertThat(rootfs.resolve("kept/README")).hasContent("readme");
    assertThat(rootfs.resolve("kept/.git/HEAD")).isRegularFile();
    assertThat(Files.readString(rootfs.resolve("kept/.git/config"))).doesNotContain(GIT_TOKEN);
  }
}
