package dev.kaniko.core.copy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves {@code user[:group]} specs (names or numbers) against a rootfs's {@code /etc/passwd}
 * and {@code /etc/group}, as {@code COPY --chown} does.
 */
public final class UserDatabase {
  private final Path rootfs;

  public UserDatabase(Path rootfs) {
    this.rootfs = rootfs;
  }

  /**
   * Resolves {@code spec}; a user without a group gets the user's numeric id as gid (docker's rule).
   *
   * @throws IllegalArgumentException naming the user or group that cannot be found
   */
  public Ownership resolve(String spec) throws IOException {
    int colon = spec.indexOf(':');
    String user = colon < 0 ? spec : spec.substring(0, colon);
    if (user.isEmpty()) {
      throw new IllegalArgumentException("invalid --chown " + spec + ": empty user");
    }
    int uid = isNumber(user) ? Integer.parseInt(user) : lookup("etc/passwd", user, "user");
    if (colon < 0) {
      return new Ownership(uid, uid);
    }
    String group = spec.substring(colon + 1);
    int gid = isNumber(group) ? Integer.parseInt(group) : lookup("etc/group", group, "group");
    return new Ownership(uid, gid);
  }

  private int lookup(String file, String name, String what) throws IOException {
    Path path = ChrootPath.resolve(rootfs, file, true);
    Optional<Integer> id = Files.isRegularFile(path) ? find(path, name) : Optional.empty();
    return id.orElseThrow(() -> new IllegalArgumentException("unable to find " + what + " " + name
        + ": no matching entries in /" + file));
  }

  private static Optional<Integer> find(Path file, String name) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] fields = line.split(":", -1);
        if (fields.length >= 3 && fields[0].equals(name) && isNumber(fields[2])) {
          return Optional.of(Integer.parseInt(fields[2]));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
  }
}
