package dev.kaniko.plugins.context.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.spi.PluginException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GitLocationTest {

  @Test
  void parse_gitUrl_becomesHttpsWithFragment() throws Exception {
    GitLocation location = GitLocation.parse("git://github.com/owner/repo.git#refs/heads/dev", "https", "d");

    assertThat(location.url()).isEqualTo("https://github.com/owner/repo.git");
    assertThat(location.fragment()).isEqualTo("refs/heads/dev");
    assertThat(location.urlCredentials()).isEmpty();
  }

  @Test
  void parse_tokenInUrl_isTakenOutOfTheUrl() throws Exception {
    GitLocation location = GitLocation.parse("git://tok%40en:pw@127.0.0.1:8080/r.git", "http", "d");

    assertThat(location.url()).isEqualTo("http://127.0.0.1:8080/r.git");
    assertThat(location.urlCredentials()).contains(new GitCredentials("tok@en", "pw"));
    assertThat(location.toString()).doesNotContain("tok").doesNotContain("pw");
  }

  @Test
  void parse_withoutRepositoryPath_isInvalid() {
    assertThatThrownBy(() -> GitLocation.parse("git://github.com", "https", "git://github.com"))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("git://github.com");
  }

  @Test
  void scheme_acceptsHttpsAndHttpOnly() throws Exception {
    assertThat(GitLocation.scheme("")).isEqualTo("https");
    assertThat(GitLocation.scheme("HTTP")).isEqualTo("http");
    assertThatThrownBy(() -> GitLocation.scheme("ssh")).isInstanceOf(PluginException.class);
  }

  @Test
  void credentials_tokenWinsOverUserAndPassword_andUrlWinsOverEnv() {
    GitCredentials env = GitCredentials.fromEnv(Map.of("GIT_TOKEN", "t0k", "GIT_USERNAME", "u", "GIT_PASSWORD", "p"));

    assertThat(env).isEqualTo(new GitCredentials("t0k", ""));
    assertThat(env.toString()).doesNotContain("t0k");
    assertThat(env.secrets()).containsExactly("t0k");
    assertThat(env.overriddenBy(Optional.of(new GitCredentials("a", "b")))).isEqualTo(new GitCredentials("a", "b"));
    assertThat(GitCredentials.fromEnv(Map.of()).isEmpty()).isTrue();
  }

  @Test
  void revision_fromFragmentAndOptions() {
    String sha = "0123456789abcdef0123456789abcdef01234567";

    assertThat(GitRevision.of("", Map.of())).isEqualTo(new GitRevision("HEAD", "", false, false, false));
    assertThat(GitRevision.of(sha, Map.of("git.branch", "dev")).commit()).isEqualTo(sha);
    assertThat(GitRevision.of(sha, Map.of("git.branch", "dev")).ref()).isEqualTo("dev");
    assertThat(GitRevision.of("refs/heads/x", Map.of("git.branch", "dev")).ref()).isEqualTo("refs/heads/x");
    assertThat(GitRevision.of("", Map.of("git.branch", "dev", "git.single-branch", "true")).singleBranch()).isTrue();
    assertThat(GitRevision.of("v1", Map.of()).refNeedsResolving()).isTrue();
  }

  @Test
  void factory_supportsGitUrisOnly() {
    GitContextSourceFactory factory = new GitContextSourceFactory();

    assertThat(factory.supports("git://github.com/o/r.git")).isTrue();
    assertThat(factory.supports("https://github.com/o/r.git")).isFalse();
  }
}
