package dev.kaniko.core.build;

import dev.kaniko.core.copy.CopyException;
import dev.kaniko.core.copy.CopyOperation;
import dev.kaniko.core.copy.DockerIgnore;
import dev.kaniko.core.copy.FileMode;
import dev.kaniko.core.copy.Ownership;
import dev.kaniko.core.copy.UserDatabase;
import dev.kaniko.core.dockerfile.Dockerfile;
import dev.kaniko.core.dockerfile.Stage;
import dev.kaniko.core.dockerfile.instructions.CopyInstruction;
import dev.kaniko.core.dockerfile.instructions.InlineSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * COPY: from the build context, an earlier stage ({@code --from}) or heredocs, into the stage's
 * rootfs; returns the destination paths the layer is made of.
 */
final class CopyStep {
  private final Path context;
  private final Dockerfile dockerfile;
  private final Map<Integer, StageState> stages;
  private final Path scratchDir;
  private final DockerIgnore ignore;

  CopyStep(Path context, Dockerfile dockerfile, Map<Integer, StageState> stages, Path scratchDir,
      DockerIgnore ignore) {
    this.ignore = ignore;
    this.context = context;
    this.dockerfile = dockerfile;
    this.stages = stages;
    this.scratchDir = scratchDir;
  }

  List<String> run(CopyInstruction copy, StageState stage) throws BuildException, IOException {
    return run(copy, stage, false);
  }

  /** @param unpack whether local archives are extracted (ADD) */
  List<String> run(CopyInstruction copy, StageState stage, boolean unpack)
      throws BuildException, IOException {
    int line = copy.line();
    if (copy.parents()) {
      throw error(line, copy.keyword() + " --parents is not supported yet");
    }
    if (!copy.excludes().isEmpty()) {
      throw error(line, copy.keyword() + " --exclude is not supported yet");
    }
    try {
      Optional<Ownership> owner = owner(copy, stage);
      Optional<FileMode> mode = copy.chmod().isPresent()
          ? Optional.of(FileMode.parse(copy.chmod().get())) : Optional.empty();
      String dest = destination(copy.destination(), stage.workdir());
      List<String> added = new ArrayList<>();
      if (!copy.inlineSources().isEmpty()) {
        Path dir = inlineFiles(copy.inlineSources());
        added.addAll(new CopyOperation(dir, "the heredocs", stage.rootfs)
            .copy(names(copy.inlineSources()), dest, owner.or(() -> Optional.of(Ownership.ROOT)),
                mode));
      }
      if (!copy.sources().isEmpty()) {
        Optional<Ownership> sourceOwner =
            copy.from().isPresent() ? owner : owner.or(() -> Optional.of(Ownership.ROOT));
        CopyOperation operation = sourceOperation(copy, stage);
        added.addAll(unpack
            ? operation.add(copy.sources(), dest, sourceOwner, owner, mode, scratchDir)
            : operation.copy(copy.sources(), dest, sourceOwner, mode));
      }
      return added;
    } catch (CopyException | IllegalArgumentException e) {
      throw error(line, e.getMessage());
    }
  }

  private CopyOperation sourceOperation(CopyInstruction copy, StageState stage)
      throws BuildException, IOException {
    if (copy.from().isEmpty()) {
      return new CopyOperation(context, "the build context", stage.rootfs, ignore);
    }
    String from = copy.from().get();
    Optional<Integer> index = stageIndex(from);
    if (index.isEmpty()) {
      throw error(copy.line(), "COPY --from=" + from
          + " (a registry image) is not supported yet");
    }
    StageState source = stages.get(index.get());
    if (source == null) {
      throw error(copy.line(), "COPY --from=" + from + ": stage is not built");
    }
    return new CopyOperation(source.rootfs, "stage " + from, stage.rootfs);
  }

  private Optional<Integer> stageIndex(String from) {
    if (from.matches("[0-9]{1,9}")) {
      return Optional.of(Integer.parseInt(from));
    }
    return dockerfile.stage(from).map(Stage::index);
  }

  private static Optional<Ownership> owner(CopyInstruction copy, StageState stage)
      throws IOException {
    if (copy.chown().isEmpty() || copy.chown().get().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new UserDatabase(stage.rootfs).resolve(copy.chown().get()));
  }

  /** Absolute destination: relative ones are under the WORKDIR; a trailing slash is kept. */
  static String destination(String dest, String workdir) {
    if (dest.startsWith("/")) {
      return dest;
    }
    String base = workdir.endsWith("/") ? workdir : workdir + "/";
    return dest.equals(".") || dest.equals("./") ? base : base + dest;
  }

  private Path inlineFiles(List<InlineSource> sources) throws IOException {
    Files.createDirectories(scratchDir);
    Path dir = Files.createTempDirectory(scratchDir, "heredoc-");
    for (InlineSource s : sources) {
      Path file = dir.resolve(s.name());
      Files.writeString(file, s.content(), StandardCharsets.UTF_8);
      Files.setAttribute(file, "unix:mode", 0644);
    }
    return dir;
  }

  private static List<String> names(List<InlineSource> sources) {
    return sources.stream().map(InlineSource::name).toList();
  }

  private BuildException error(int line, String message) {
    return BuildException.at(dockerfile.fileName(), line, message);
  }
}
