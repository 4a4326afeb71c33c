package dev.kaniko.core.build;

import dev.kaniko.core.copy.CopyOperation;
import dev.kaniko.core.copy.Ownership;
import dev.kaniko.core.copy.UserDatabase;
import dev.kaniko.core.dockerfile.instructions.WorkdirInstruction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * WORKDIR: sets the working directory (relative paths join the current one) and creates it in
 * the rootfs when missing, owned by the stage's USER; returns the created paths.
 */
final class WorkdirStep {
  private WorkdirStep() {}

  static List<String> run(WorkdirInstruction workdir, StageState stage) throws IOException {
    String path = clean(workdir.path().startsWith("/") ? workdir.path()
        : stage.workdir() + "/" + workdir.path());
    stage.config.workingDir(path);
    if (path.equals("/")) {
      return List.of();
    }
    String user = stage.config.build().user();
    Ownership owner = user == null || user.isEmpty() ? Ownership.ROOT
        : new UserDatabase(stage.rootfs).resolve(user);
    return CopyOperation.makeDirectories(stage.rootfs, path, owner);
  }

  /** Lexically cleaned absolute path ({@code //a/./b/../c} is {@code /a/c}). */
  static String clean(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(p);
      }
    }
    return "/" + String.join("/", parts);
  }
}
