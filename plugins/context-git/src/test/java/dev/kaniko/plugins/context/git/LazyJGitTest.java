package dev.kaniko.plugins.context.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The classes loaded at start-up ({@code Plugin}, factory, and what {@code supports}/{@code create}
 * touch before a fetch) must not reference JGit, so that JGit loads only when a git context is used.
 */
class LazyJGitTest {

  @Test
  void startUpClasses_doNotReferenceJGit() throws IOException {
    for (Class<?> type : new Class<?>[] {
        GitContextPlugin.class, GitContextSourceFactory.class, GitLocation.class, GitCredentials.class,
        GitRevision.class, GitContextSource.class}) {
      assertThat(constantPoolText(type)).as(type.getSimpleName()).doesNotContain("org/eclipse/jgit");
    }
  }

  @Test
  void cloner_doesReferenceJGit_soTheCheckAboveCanSeeIt() throws IOException {
    assertThat(constantPoolText(GitCloner.class)).contains("org/eclipse/jgit");
  }

  private static String constantPoolText(Class<?> type) throws IOException {
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
