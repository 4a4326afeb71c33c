package dev.kaniko.plugins.context.git;

import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** Clones one revision of a repository with JGit: init, fetch the revision, check it out (detached). */
final class GitCloner {

  static final String TARGET_REF = "refs/kaniko/context";

  private final String url;
  private final GitCredentials credentials;
  private final String display;
  private final GitFailures failures;

  GitCloner(String url, GitCredentials credentials, String display) {
    this.url = url;
    this.credentials = credentials;
    this.display = display;
    this.failures = new GitFailures(display, credentials.secrets());
  }

  void cloneInto(Path dir, GitRevision revision) throws PluginException {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      configureRemote(git.getRepository(), revision);
      String ref = revision.refNeedsResolving() ? resolveShortName(git, revision.ref()) : revision.ref();
      git.fetch().setRemote("origin").setCredentialsProvider(provider())
          .setRefSpecs(refSpecs(ref, revision)).call();
      RevCommit commit = commitToCheckOut(git.getRepository(), revision);
      git.checkout().setName(commit.name()).call();
      if (revision.recurseSubmodules()) {
        git.submoduleInit().call();
        git.submoduleUpdate().setCredentialsProvider(provider()).call();
      }
    } catch (GitAPIException | IOException | RuntimeException e) {
      throw failures.translate(e);
    }
  }

  private void configureRemote(Repository repository, GitRevision revision) throws IOException {
    StoredConfig config = repository.getConfig();
    config.setString("remote", "origin", "url", url);
    if (revision.insecureSkipTls()) {
      config.setBoolean("http", null, "sslVerify", false);
    }
    config.save();
  }

  private String resolveShortName(Git git, String name) throws GitAPIException, PluginException {
    Collection<Ref> refs = git.lsRemote().setRemote("origin").setCredentialsProvider(provider())
        .setHeads(true).setTags(true).call();
    for (String candidate : List.of(Constants.R_HEADS + name, Constants.R_TAGS + name)) {
      if (refs.stream().anyMatch(r -> r.getName().equals(candidate))) {
        return candidate;
      }
    }
    throw new PluginException(Reason.NOT_FOUND, "git context " + display + ": no branch or tag named " + name);
  }

  private static List<RefSpec> refSpecs(String ref, GitRevision revision) {
    List<RefSpec> specs = new ArrayList<>();
    specs.add(new RefSpec("+" + ref + ":" + TARGET_REF));
    if (revision.isCommit() && !revision.singleBranch()) {
      specs.add(new RefSpec("+refs/heads/*:refs/remotes/origin/*"));
      specs.add(new RefSpec("+refs/tags/*:refs/tags/*"));
    }
    return specs;
  }

  private RevCommit commitToCheckOut(Repository repository, GitRevision revision) throws IOException, PluginException {
    ObjectId id = revision.isCommit() ? ObjectId.fromString(revision.commit()) : repository.resolve(TARGET_REF);
    try (RevWalk walk = new RevWalk(repository)) {
      if (id == null || !repository.getObjectDatabase().has(id)) {
        throw new PluginException(Reason.NOT_FOUND,
            "git context " + display + ": commit " + revision.commit() + " not found");
      }
      return walk.parseCommit(id);
    }
  }

  private CredentialsProvider provider() {
    return credentials.isEmpty() ? null : new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password());
  }
}
