package dev.kaniko.core.run;

import dev.kaniko.core.rootfs.RootPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a USER spec against the rootfs's {@code /etc/passwd} and {@code /etc/group} as docker
 * (runc) does: {@code name}, {@code uid}, {@code name:group}, {@code uid:gid}; a numeric uid without
 * a passwd entry runs with gid 0 and HOME {@code /}; supplementary groups come from {@code /etc/group}
 * when no group is given.
 */
public final class UserResolver {
  private final Path root;

  public UserResolver(Path root) {
    this.root = root;
  }

  /** @throws RunSetupException with docker's wording, e.g. {@code unable to find user X} */
  public ResolvedUser resolve(String spec) throws RunSetupException {
    String userPart = spec.isEmpty() ? "0" : spec;
    String groupPart = null;
    int colon = userPart.indexOf(':');
    if (colon >= 0) {
      groupPart = userPart.substring(colon + 1);
      userPart = userPart.substring(0, colon);
    }
    if (userPart.isEmpty()) {
      throw new RunSetupException("invalid user spec '" + spec + "': empty user");
    }
    List<String[]> passwd = read("/etc/passwd");
    Optional<String[]> entry = findUser(passwd, userPart);
    if (entry.isEmpty() && !isNumeric(userPart)) {
      throw new RunSetupException("unable to find user " + userPart + ": no matching entries in passwd file");
    }
    int uid = entry.isPresent() ? parseId(entry.get()[2], spec) : parseId(userPart, spec);
    int gid = entry.isPresent() ? parseId(entry.get()[3], spec) : 0;
    String home = entry.isPresent() && !entry.get()[5].isEmpty() ? entry.get()[5] : "/";
    Set<Integer> groups = new LinkedHashSet<>();
    List<String[]> groupFile = read("/etc/group");
    if (groupPart != null && !groupPart.isEmpty()) {
      gid = resolveGroup(groupFile, groupPart, spec);
      groups.add(gid);
    } else {
      groups.add(gid);
      entry.ifPresent(e -> groups.addAll(memberOf(groupFile, e[0])));
    }
    return new ResolvedUser(uid, gid, new ArrayList<>(groups), home);
  }

  private static Optional<String[]> findUser(List<String[]> passwd, String user) {
    boolean numeric = isNumeric(user);
    for (String[] fields : passwd) {
      if (fields.length >= 7 && (numeric ? fields[2].equals(String.valueOf(Long.parseLong(user)))
          : fields[0].equals(user))) {
        return Optional.of(fields);
      }
    }
    return Optional.empty();
  }

  private static int resolveGroup(List<String[]> groupFile, String group, String spec) throws RunSetupException {
    for (String[] fields : groupFile) {
      if (fields.length >= 3 && fields[0].equals(group)) {
        return parseId(fields[2], spec);
      }
    }
    if (isNumeric(group)) {
      return parseId(group, spec);
    }
    throw new RunSetupException("unable to find group " + group + ": no matching entries in group file");
  }

  private static List<Integer> memberOf(List<String[]> groupFile, String user) {
    List<Integer> gids = new ArrayList<>();
    for (String[] fields : groupFile) {
      if (fields.length >= 4 && List.of(fields[3].split(",")).contains(user) && isNumeric(fields[2])) {
        gids.add(Integer.parseInt(fields[2]));
      }
    }
    return gids;
  }

  private List<String[]> read(String file) throws RunSetupException {
    try {
      Path path = RootPaths.resolveInRoot(root, file);
      if (!Files.isRegularFile(path)) {
        return List.of();
      }
      List<String[]> rows = new ArrayList<>();
      try (var lines = Files.lines(path)) {
        lines.map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .forEach(l -> rows.add(l.split(":", -1)));
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      throw new RunSetupException("cannot read " + file + " of the rootfs: " + e.getMessage(), e);
    }
  }

  private static boolean isNumeric(String s) {
    return !s.isEmpty() && s.length() <= 10 && s.chars().allMatch(Character::isDigit);
  }

  private static int parseId(String value, String spec) throws RunSetupException {
    try {
      long id = Long.parseLong(value.strip());
      if (id < 0 || id > Integer.MAX_VALUE) {
        throw new NumberFormatException();
      }
      return (int) id;
    } catch (NumberFormatException e) {
      throw new RunSetupException("invalid uid or gid '" + value + "' resolving user '" + spec + "'");
    }
  }
}
