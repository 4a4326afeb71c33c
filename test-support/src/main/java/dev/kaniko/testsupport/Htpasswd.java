package dev.kaniko.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes an htpasswd file with a bcrypt entry (the only hash docker-registry accepts), using {@code htpasswd -B}. */
final class Htpasswd {

  private Htpasswd() {}

  static void write(Path file, String username, String password, CommandRunner runner) {
    // -i reads the password from stdin so it never appears in a process listing
    CommandResult result = runner.masking(password)
        .runChecked(List.of("htpasswd", "-niB", "-C", "5", username), null, password + "\n");
    String line = result.stdout().strip();
    if (!line.startsWith(username + ":$2")) {
      throw new IllegalStateException("htpasswd did not produce a bcrypt entry for " + username);
    }
    try {
      Files.writeString(file, line + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
