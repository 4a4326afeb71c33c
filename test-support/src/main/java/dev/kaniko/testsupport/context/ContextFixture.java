package dev.kaniko.testsupport.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The build context every {@link ContextSourceContract} publishes, and the checks of its copies. */
public final class ContextFixture {

  /** The sub-directory used by the sub-path test. */
  public static final String SUB_PATH = "app";

  static final String ROOT_DOCKERFILE = "FROM scratch\nCOPY . /ctx/\n";
  static final String APP_DOCKERFILE = "FROM scratch\nCOPY main.txt /\n";
  static final String MAIN_TXT = "hello from the app context\n";
  static final String DEEP_TXT = "deep inside: ünïcödé\n";
  static final String RUN_SH = "#!/bin/sh\necho run\n";

  private ContextFixture() {}

  /** Creates the fixture tree in {@code dir} (created if missing) and returns {@code dir}. */
  public static Path create(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("app/nested"));
    Files.createDirectories(dir.resolve("bin"));
    write(dir.resolve("Dockerfile"), ROOT_DOCKERFILE);
    write(dir.resolve("app/Dockerfile"), APP_DOCKERFILE);
    write(dir.resolve("app/main.txt"), MAIN_TXT);
    write(dir.resolve("app/nested/deep.txt"), DEEP_TXT);
    write(dir.resolve("bin/run.sh"), RUN_SH);
    Files.setPosixFilePermissions(dir.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(dir.resolve("app/link.txt"), Path.of("main.txt"));
    return dir;
  }

  /** Asserts that {@code root} holds the whole fixture. */
  public static void assertWholeContext(Path root) throws IOException {
    assertThat(root.resolve("Dockerfile")).hasContent(ROOT_DOCKERFILE);
    assertThat(root.resolve("bin/run.sh")).hasContent(RUN_SH);
    assertThat(Files.isExecutable(root.resolve("bin/run.sh"))).as("bin/run.sh keeps its mode").isTrue();
    assertApp(root.resolve(SUB_PATH));
  }

  /** Asserts that {@code dir} holds the fixture's {@code app} directory and nothing of its parent. */
  public static void assertSubContext(Path dir) throws IOException {
    assertApp(dir);
    assertThat(dir.resolve("bin")).doesNotExist();
  }

  private static void assertApp(Path app) throws IOException {
    assertThat(app.resolve("Dockerfile")).hasContent(APP_DOCKERFILE);
    assertThat(app.resolve("main.txt")).hasContent(MAIN_TXT);
    assertThat(Files.readString(app.resolve("nested/deep.txt"), StandardCharsets.UTF_8)).isEqualTo(DEEP_TXT);
    assertThat(Files.isSymbolicLink(app.resolve("link.txt"))).as("app/link.txt stays a symlink").isTrue();
    assertThat(Files.readSymbolicLink(app.resolve("link.txt"))).isEqualTo(Path.of("main.txt"));
    assertThat(Files.exists(app.resolve("link.txt"), LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
