package dev.kaniko.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.context.ContextMaterializer;
import dev.kaniko.core.plugin.HostPluginContext;
import dev.kaniko.spi.ContextRequest;
import dev.kaniko.spi.ContextSource;
import dev.kaniko.spi.PluginException;
import dev.kaniko.spi.PluginException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile context tarballs through {@code tar://} (the CVE-2026-28406 class): entries climbing out
 * with {@code ..}, absolute names, symlinks and hardlinks pointing out. Nothing outside changes.
 */
class HostileContextTarballTest {

  @TempDir Path work;
  Path outside;
  Path secret;
  Map<String, String> outsideBefore;

  @BeforeEach
  void setUp() throws IOException {
    outside = Files.createDirectories(work.resolve("outside"));
    secret = Files.writeString(outside.resolve("secret.txt"), "do not touch\n");
    outsideBefore = snapshot(outside);
  }

  @AfterEach
  void nothingOutsideTheContextChanged() throws IOException {
    assertThat(snapshot(outside)).isEqualTo(outsideBefore);
    assertThat(secret).hasContent("do not touch");
    try (Stream<Path> top = Files.list(work)) {
      assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("outside", "tars", "build");
    }
  }

  /** A name that reaches {@code outside/NAME} from any extraction directory under {@code work}. */
  private String climbingTo(String name) {
    return "../".repeat(40) + outside.toString().substring(1) + "/" + name;
  }

  @Test
  void dotDotEntry_isRejected() throws Exception {
    Path tar = tar("dotdot", t -> t.file("Dockerfile", "FROM scratch\n").file(climbingTo("pwned.txt"), "pwned"));

    assertRefused(tar, "climbs above the root");
  }

  @Test
  void dotDotInsideAName_isRejected() throws Exception {
    Path tar = tar("inner", t -> t.dir("a/").file("a/../../../../../../../../../../../.." + outside + "/pwned.txt", "x"));

    assertRefused(tar, "climbs above the root");
  }

  @Test
  void absoluteName_landsInsideTheContext() throws Exception {
    Path tar = tar("absolute", t -> t.file(outside + "/secret.txt", "overwritten"));

    Path context = materialize(tar);

    assertThat(context.resolve(outside.toString().substring(1)).resolve("secret.txt")).hasContent("overwritten");
  }

  @Test
  void writeThroughRelativeSymlinkPointingOut_isRejected() throws Exception {
    Path tar = tar("symlink", t -> t.symlink("escape", "../".repeat(40) + outside.toString().substring(1))
        .file("escape/pwned.txt", "pwned"));

    assertRefused(tar, "symlink");
  }

  @Test
  void writeThroughAbsoluteSymlinkPointingOut_staysInsideTheContext() throws Exception {
    Path tar = tar("abslink", t -> t.symlink("escape", outside.toString()).file("escape/secret.txt", "overwritten"));

    Path context = materialize(tar);

    assertThat(Files.isSymbolicLink(context.resolve("escape"))).isTrue();
    assertThat(context.resolve(outside.toString().substring(1)).resolve("secret.txt")).hasContent("overwritten");
  }

  @Test
  void symlinkReplacedThenFileWritten_doesNotFollowTheLink() throws Exception {
    Path tar = tar("relink", t -> t.symlink("s", secret.toString()).file("s", "overwritten"));

    Path context = materialize(tar);

    assertThat(Files.isSymbolicLink(context.resolve("s"))).isFalse();
    assertThat(context.resolve("s")).hasContent("overwritten");
  }

  @Test
  void hardlinkPointingOut_isRejected() throws Exception {
    Path tar = tar("hardlink", t -> t.hardlink("stolen", climbingTo("secret.txt")));

    assertRefused(tar, "stolen");
  }

  @Test
  void hardlinkToAbsoluteHostPath_doesNotLinkTheHostFile() throws Exception {
    Path tar = tar("abshard", t -> t.hardlink("stolen", secret.toString()));

    assertThatThrownBy(() -> materialize(tar)).isInstanceOf(PluginException.class);
  }

  @Test
  void hardlinkThroughSymlinkPointingOut_isRejected() throws Exception {
    Path tar = tar("hardsym", t -> t.symlink("up", "../".repeat(40) + outside.toString().substring(1))
        .hardlink("stolen", "up/secret.txt"));

    assertRefused(tar, "stolen");
  }

  private void assertRefused(Path tar, String reasonFragment) {
    assertThatThrownBy(() -> materialize(tar))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("tar://" + tar)
        .hasMessageContaining(reasonFragment)
        .hasMessageNotContaining("\n")
        .extracting(e -> ((PluginException) e).reason())
        .isEqualTo(Reason.INVALID_CONFIGURATION);
  }

  private Path materialize(Path tar) throws Exception {
    ContextSource source = new TarContextSourceFactory().create(Map.of(), HostPluginContext.of(Map.of(), work, "builtin"));
    Path build = Files.createDirectories(work.resolve("build"));
    return new ContextMaterializer()
        .materialize(source, ContextRequest.of("tar://" + tar), Files.createTempDirectory(build, "m"));
  }

  private interface Entries {
    void write(TarWriter tar) throws IOException;
  }

  private Path tar(String name, Entries entries) throws IOException {
    Path file = Files.createDirectories(work.resolve("tars")).resolve(name + ".tar.gz");
    try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      entries.write(new TarWriter(tar));
    }
    return file;
  }

  /** Writes entries with names exactly as given (absolute and {@code ..} kept). */
  private record TarWriter(TarArchiveOutputStream tar) {
    TarWriter file(String name, String content) throws IOException {
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry(name, true);
      entry.setSize(bytes.length);
      entry.setMode(0100644);
      tar.putArchiveEntry(entry);
      tar.write(bytes);
      tar.closeArchiveEntry();
      return this;
    }

    TarWriter dir(String name) throws IOException {
      TarArchiveEntry entry = new TarArchiveEntry(name, true);
      entry.setMode(040755);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
      return this;
    }

    TarWriter symlink(String name, String target) throws IOException {
      return link(name, target, TarArchiveEntry.LF_SYMLINK);
    }

    TarWriter hardlink(String name, String target) throws IOException {
      return link(name, target, TarArchiveEntry.LF_LINK);
    }

    private TarWriter link(String name, String target, byte flag) throws IOException {
      TarArchiveEntry entry = new TarArchiveEntry(name, flag, true);
      entry.setLinkName(target);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
      return this;
    }
  }

  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> state = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.toList()) {
        String kind = Files.isSymbolicLink(p) ? "link:" + Files.readSymbolicLink(p)
            : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
            : "file:" + Files.readString(p) + ":" + Files.getLastModifiedTime(p) + ":" + Files.getAttribute(p, "unix:nlink");
        state.put(dir.relativize(p).toString(), kind);
      }
    }
    return state;
  }
}
