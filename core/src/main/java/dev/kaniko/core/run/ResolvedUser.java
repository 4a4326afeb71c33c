package dev.kaniko.core.run;

import java.util.List;
import java.util.stream.Collectors;

/** The numeric identity a RUN command runs with: uid, gid, supplementary groups and HOME. */
public record ResolvedUser(int uid, int gid, List<Integer> groups, String home) {
  public ResolvedUser {
    groups = List.copyOf(groups);
  }

  /** The groups as setpriv takes them: {@code 1000,27}. */
  String groupList() {
    return groups.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
