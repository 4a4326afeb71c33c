package dev.kaniko.core.build;

import dev.kaniko.core.copy.ChrootPath;
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
import dev.kaniko.core.image.Platform;
import java.util.ArrayList;
import java.util.HashMap;
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
  private final Optional<BaseImageStep> images;
  private final Platform targetPlatform;
  private final Map<String, Path> imageRoots = new HashMap<>();

  /**
   * @param ignore the context's (or the Dockerfile's own) {@code .dockerignore}
   * @param images pulls {@code COPY --from=<image>} sources (as FROM does), once per reference and
   *     platform per build, into directories beside {@code scratchDir}
   */
  CopyStep(Path context, Dockerfile dockerfile, Map<Integer, StageState> stages, Path scratchDir,
      DockerIgnore ignore, Optional<BaseImageStep> images, Platform targetPlatform) {
    this.ignore = ignore;
    this.context = context;
    this.dockerfile = dockerfile;
    this.stages = stages;
    this.scratchDir = scratchDir;
    this.images = images;
    this.targetPlatform = targetPlatform;
  }

  List<String> run(CopyInstruction copy, StageState stage) throws BuildException, IOException {
    return run(copy, stage, false);
  }

  /** @param unpack whether local archives are extracted (ADD) */
  List<String> run(CopyInstruction copy, StageState stage, boolean unpack)
      throws BuildException, IOException {
    int line = copy.line();
    try {
      Optional<Ownership> owner = owner(copy, stage);
      Optional<FileMode> mode = copy.chmod().isPresent()
          ? Optional.of(FileMode.parse(copy.chmod().get())) : Optional.empty();
      String dest = destination(copy.destination(), stage.workdir());
      List<String> added = new ArrayList<>();
      if (!copy.inlineSources().isEmpty()) {
        Path dir = inlineFiles(copy.inlineSources());
        added.addAll(new CopyOperation(dir, "the heredocs", stage.rootfs).withLink(copy.link())
            .copy(names(copy.inlineSources()), dest, owner.or(() -> Optional.of(Ownership.ROOT)),
                mode));
      }
      if (!copy.sources().isEmpty()) {
        Optional<Ownership> sourceOwner =
            copy.from().isPresent() ? owner : owner.or(() -> Optional.of(Ownership.ROOT));
        CopyOperation operation = sourceOperation(copy, stage)
            .withExcludes(copy.excludes()).withParents(copy.parents()).withLink(copy.link());
        added.addAll(unpack
            ? operation.add(copy.sources(), dest, sourceOwner, owner, mode, scratchDir)
            : operation.copy(copy.sources(), dest, sourceOwner, mode));
      }
      return added;
    } catch (CopyException | IllegalArgumentException e) {
      throw error(line, e.getMessage());
    }
  }

  /** The scratch directory for heredocs, downloads and unpacked archives. */
  Path scratchDir() {
    return scratchDir;
  }

  /** Whether the instruction's destination is a directory (trailing slash or existing one). */
  boolean isDirectoryDestination(CopyInstruction copy, StageState stage) throws IOException {
    String dest = destination(copy.destination(), stage.workdir());
    return dest.endsWith("/") || dest.endsWith("/.") || ChrootPath.isDirectory(stage.rootfs, dest);
  }

  /**
   * Copies {@code name}, prepared in {@code dir} (a download), to the instruction's destination:
   * owned by root unless {@code --chown}, {@code --chmod} applied; a tar archive is extracted
   * when {@code unpack} (ADD --unpack=true of a URL).
   */
  List<String> copyPrepared(CopyInstruction copy, StageState stage, Path dir, String name,
      boolean unpack) throws IOException, CopyException {
    Optional<FileMode> mode = copy.chmod().isPresent()
        ? Optional.of(FileMode.parse(copy.chmod().get())) : Optional.empty();
    CopyOperation operation =
        new CopyOperation(dir, "the download", stage.rootfs).withLink(copy.link());
    String dest = destination(copy.destination(), stage.workdir());
    Optional<Ownership> chown = owner(copy, stage);
    Optional<Ownership> owner = chown.or(() -> Optional.of(Ownership.ROOT));
    return unpack ? operation.add(List.of(name), dest, owner, chown, mode, scratchDir)
        : operation.copy(List.of(name), dest, owner, mode);
  }

  /**
   * Copies the directory {@code tree} (a git checkout) to the instruction's destination as a
   * directory source: root-owned unless {@code --chown}, its --exclude and --chmod applied.
   */
  List<String> copyTree(CopyInstruction copy, StageState stage, Path tree, String name)
      throws IOException, CopyException {
    Optional<FileMode> mode = copy.chmod().isPresent()
        ? Optional.of(FileMode.parse(copy.chmod().get())) : Optional.empty();
    return new CopyOperation(tree, name, stage.rootfs).withExcludes(copy.excludes())
        .withLink(copy.link()).copy(copy.sources(),
            destination(copy.destination(), stage.workdir()),
            owner(copy, stage).or(() -> Optional.of(Ownership.ROOT)), mode);
  }

  private CopyOperation sourceOperation(CopyInstruction copy, StageState stage)
      throws BuildException, IOException {
    if (copy.from().isEmpty()) {
      return new CopyOperation(context, "the build context", stage.rootfs, ignore);
    }
    String from = copy.from().get();
    Optional<Integer> index = stageIndex(from);
    if (index.isEmpty()) {
      return new CopyOperation(imageRoot(copy, from, stage), "image " + from, stage.rootfs);
    }
    StageState source = stages.get(index.get());
    if (source == null) {
      throw error(copy.line(), "COPY --from=" + from + ": stage is not built");
    }
    return new CopyOperation(source.rootfs, "stage " + from, stage.rootfs);
  }

  /** The rootfs of image {@code from}, pulled for the stage's platform on first use. */
  private Path imageRoot(CopyInstruction copy, String from, StageState stage)
      throws BuildException, IOException {
    if (images.isEmpty()) {
      throw error(copy.line(), "COPY --from=" + from + ": images cannot be pulled here");
    }
    Platform platform = stage.planned.platform().orElse(targetPlatform);
    String key = from + "@" + platform;
    Path root = imageRoots.get(key);
    if (root == null) {
      Path dir = Files.createDirectories(scratchDir.resolveSibling("images"))
          .resolve(String.valueOf(imageRoots.size()));
      Files.createDirectories(dir);
      try {
        images.get().pull(from, platform, dir);
      } catch (BuildException e) {
        throw error(copy.line(), copy.keyword() + " --from=" + from + ": " + e.getMessage());
      }
      imageRoots.put(key, dir);
      root = dir;
    }
    return root;
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
