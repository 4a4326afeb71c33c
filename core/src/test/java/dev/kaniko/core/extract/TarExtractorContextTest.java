package dev.kaniko.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tar build context: files, directories, symlinks and hardlinks land as in the archive. */
class TarExtractorContextTest {
  @TempDir Path base;

  @Test
  void context_extractsFilesDirectoriesAndLinks() throws IOException {
    Sandbox sandbox = new Sandbox(base);
    byte[] tar = new TestTar().file("Dockerfile", "FROM scratch\n").dir("src/", 0750, e -> {})
        .file("src/app.sh", "#!/bin/sh\n", 0755, e -> {}).symlink("latest", "src/app.sh")
        .hardlink("copy.sh", "src/app.sh").file("src/nested/deep.txt", "deep").build();

    ExtractResult result = sandbox.extract(ExtractOptions.context(), tar);

    Path root = sandbox.root;
    assertThat(root.resolve("Dockerfile")).hasContent("FROM scratch\n");
    assertThat(Files.getAttribute(root.resolve("src"), "unix:mode")).isEqualTo(0040750);
    assertThat(Files.getAttribute(root.resolve("src/app.sh"), "unix:mode")).isEqualTo(0100755);
    assertThat(Files.readSymbolicLink(root.resolve("latest"))).isEqualTo(Path.of("src/app.sh"));
    assertThat(Files.getAttribute(root.resolve("copy.sh"), "unix:ino", LinkOption.NOFOLLOW_LINKS))
        .isEqualTo(Files.getAttribute(root.resolve("src/app.sh"), "unix:ino"));
    assertThat(root.resolve("src/nested/deep.txt")).hasContent("deep");
    assertThat(result).isEqualTo(new ExtractResult(6, 3, 1, 1, 1, 0, 0, 0, 0, 27, 0));
  }
}
