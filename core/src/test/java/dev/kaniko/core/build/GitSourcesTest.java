package dev.kaniko.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.copy.CopyException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ADD git URLs mapped to the git context plugin's requests; no plugin is a clear error. */
class GitSourcesTest {

  @Test
  void httpsUrl_withRefAndSubdir_becomesAGitContextWithSubPath() throws Exception {
    GitSources.GitUrl url = GitSources.GitUrl.parse("https://host:8443/org/repo.git#v1.2:docs/site");
    assertThat(url.contextUri()).isEqualTo("git://host:8443/org/repo.git#v1.2");
    assertThat(url.subdir()).isEqualTo("docs/site");
    assertThat(url.pullMethod()).contains("https");
  }

  @Test
  void httpAndGitSchemes_andNoFragment() throws Exception {
    assertThat(GitSources.GitUrl.parse("http://h/r.git").pullMethod()).contains("http");
    GitSources.GitUrl git = GitSources.GitUrl.parse("git://h/r.git#main");
    assertThat(git.contextUri()).isEqualTo("git://h/r.git#main");
    assertThat(git.pullMethod()).isEqualTo(Optional.empty());
    assertThat(GitSources.GitUrl.parse("https://h/r.git#:sub").contextUri())
        .isEqualTo("git://h/r.git");
  }

  @Test
  void credentialsInTheUrl_areMaskedInMessages() throws Exception {
    GitSources.GitUrl url = GitSources.GitUrl.parse("https://user:t0ken@h/r.git#main");
    assertThat(url.display()).isEqualTo("https://***@h/r.git#main");
    assertThat(url.toString()).doesNotContain("t0ken");
  }

  @Test
  void sshUrls_areRefused() {
    assertThatThrownBy(() -> GitSources.GitUrl.parse("git@github.com:org/repo.git"))
        .isInstanceOf(CopyException.class).hasMessageContaining("not ssh");
  }

  @Test
  void withoutThePlugin_fetchFailsClearly() {
    assertThatThrownBy(() -> GitSources.none().fetch("https://h/r.git", Path.of("unused")))
        .isInstanceOf(CopyException.class)
        .hasMessage("ADD of git repository https://h/r.git needs the context-git plugin,"
            + " which is not loaded");
  }

  @Test
  void gitSourceDetection_followsBuildKit() {
    assertThat(AddStep.isGit("https://github.com/org/repo.git#main")).isTrue();
    assertThat(AddStep.isGit("git@github.com:org/repo.git")).isTrue();
    assertThat(AddStep.isGit("git://h/r")).isTrue();
    assertThat(AddStep.isGit("https://h/file.tar.gz")).isFalse();
    assertThat(AddStep.isGit("https://h/x.git.tar.gz")).isFalse();
  }
}
