package dev.kaniko.core.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GitOptionsTest {

  @Test
  void parse_kanikoFormat_becomesPrefixedOptions() {
    assertThat(GitOptions.parse("branch=dev,single-branch=true,recurse-submodules=FALSE"))
        .containsExactly(
            java.util.Map.entry("git.branch", "dev"),
            java.util.Map.entry("git.single-branch", "true"),
            java.util.Map.entry("git.recurse-submodules", "false"));
  }

  @Test
  void parse_kanikoDefault_hasAnEmptyBranch() {
    assertThat(GitOptions.parse("branch=,single-branch=false,recurse-submodules=false"))
        .containsEntry(GitOptions.BRANCH, "")
        .containsEntry(GitOptions.SINGLE_BRANCH, "false");
  }

  @Test
  void parse_emptyOrNull_givesNoOptions() {
    assertThat(GitOptions.parse("")).isEmpty();
    assertThat(GitOptions.parse(null)).isEmpty();
  }

  @Test
  void parse_insecureSkipTls_isAccepted() {
    assertThat(GitOptions.parse("insecure-skip-tls=true")).containsEntry(GitOptions.INSECURE_SKIP_TLS, "true");
  }

  @Test
  void parse_rejectsUnknownKeysMissingEqualsAndNonBooleans() {
    assertThatThrownBy(() -> GitOptions.parse("depth=1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown --git option \"depth=1\"");
    assertThatThrownBy(() -> GitOptions.parse("single-branch"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key=value");
    assertThatThrownBy(() -> GitOptions.parse("single-branch=yes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true or false");
  }
}
