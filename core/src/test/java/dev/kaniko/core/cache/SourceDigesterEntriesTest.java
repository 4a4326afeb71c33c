package dev.kaniko.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SourceDigester#digestEntries}: what a COPY put into a rootfs, one entry per path. */
class SourceDigesterEntriesTest {
  @TempDir Path root;
  private final SourceDigester digester = new SourceDigester();
  private final List<String> paths = List.of("app", "app/a.txt", "app/link");

  @BeforeEach
  void tree() throws Exception {
    Files.createDirectories(root.resolve("app"));
    Files.writeString(root.resolve("app/a.txt"), "alpha");
    Files.createSymbolicLink(root.resolve("app/link"), Path.of("a.txt"));
  }

  @Test
  void sameEntries_sameDigest_inAnyOrder_andMtimesIgnored() throws Exception {
    String before = digester.digestEntries(root, paths);
    Files.setLastModifiedTime(root.resolve("app/a.txt"),
        FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));

    assertThat(digester.digestEntries(root, List.of("app/link", "app/a.txt", "app")))
        .isEqualTo(before).startsWith("sha256:");
  }

  @Test
  void content_mode_owner_linkTarget_andPathSet_changeTheDigest() throws Exception {
    String before = digester.digestEntries(root, paths);
    Files.writeString(root.resolve("app/a.txt"), "ALPHA");
    String content = digester.digestEntries(root, paths);
    Files.setAttribute(root.resolve("app/a.txt"), "unix:mode", 0600);
    String mode = digester.digestEntries(root, paths);
    Files.setAttribute(root.resolve("app/a.txt"), "unix:uid", 1000);
    String owner = digester.digestEntries(root, paths);
    Files.delete(root.resolve("app/link"));
    Files.createSymbolicLink(root.resolve("app/link"), Path.of("b.txt"));
    String link = digester.digestEntries(root, paths);
    String fewer = digester.digestEntries(root, List.of("app", "app/a.txt"));

    assertThat(List.of(before, content, mode, owner, link, fewer)).doesNotHaveDuplicates();
  }

  @Test
  void directoriesAreOneEntry_notWalked() throws Exception {
    String before = digester.digestEntries(root, List.of("app"));
    Files.writeString(root.resolve("app/other.txt"), "not declared");
    Files.setLastModifiedTime(root.resolve("app"), FileTime.from(Instant.EPOCH));

    assertThat(digester.digestEntries(root, List.of("app"))).isEqualTo(before);
  }
}
