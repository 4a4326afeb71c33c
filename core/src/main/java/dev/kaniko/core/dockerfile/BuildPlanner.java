package dev.kaniko.core.dockerfile;

import dev.kaniko.core.dockerfile.instructions.ArgDefinition;
import dev.kaniko.core.dockerfile.instructions.ArgInstruction;
import dev.kaniko.core.dockerfile.instructions.FromInstruction;
import dev.kaniko.core.dockerfile.shell.ShellExpansionException;
import dev.kaniko.core.dockerfile.shell.ShellLexer;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Resolves which stages a build needs and what each starts from: global ARGs (automatic platform
 * ARGs, ARGs before the first FROM, {@code --build-arg} overrides), FROM expansion, the stage
 * dependency graph, {@code --target} and {@code --skip-unused-stages}.
 *
 * <p>Without skip-unused-stages every stage up to and including the target is built (kaniko's and
 * the classic docker builder's behaviour); with it only the target and the stages it depends on,
 * transitively (BuildKit's behaviour).
 */
public final class BuildPlanner {
  private final Map<String, String> buildArgs;
  private final Platform buildPlatform;
  private final Platform targetPlatform;

  /**
   * @param buildArgs the user's {@code --build-arg NAME=VALUE}s
   * @param buildPlatform the platform the build runs on (BUILDPLATFORM...)
   * @param targetPlatform the platform built for (TARGETPLATFORM...)
   */
  public BuildPlanner(Map<String, String> buildArgs, Platform buildPlatform,
      Platform targetPlatform) {
    this.buildArgs = Map.copyOf(buildArgs);
    this.buildPlatform = buildPlatform;
    this.targetPlatform = targetPlatform;
  }

  /** Plans the build of {@code target} (empty: the last stage). */
  public BuildPlan plan(Dockerfile dockerfile, Optional<String> target, boolean skipUnusedStages)
      throws DockerfileException {
    Stage targetStage = findTarget(dockerfile, target);
    ShellLexer lexer = new ShellLexer(dockerfile.escapeToken());
    Map<String, String> globals = globalArgs(dockerfile, lexer, targetStage);
    StageGraph graph = new StageGraph(dockerfile, lexer, globals);
    List<Integer> selected = skipUnusedStages
        ? graph.reachableFrom(targetStage.index())
        : rangeUpTo(targetStage.index());
    List<PlannedStage> planned = new ArrayList<>();
    for (int index : selected) {
      planned.add(graph.planned(index, selected));
    }
    return new BuildPlan(dockerfile, targetStage.index(), planned, globals, buildArgs);
  }

  private static List<Integer> rangeUpTo(int last) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      all.add(i);
    }
    return all;
  }

  private static Stage findTarget(Dockerfile dockerfile, Optional<String> target)
      throws DockerfileException {
    if (target.isEmpty() || target.get().isEmpty()) {
      return dockerfile.stages().get(dockerfile.stages().size() - 1);
    }
    Optional<Stage> found = dockerfile.stage(target.get());
    if (found.isEmpty()) {
      List<String> names = dockerfile.stages().stream().flatMap(s -> s.name().stream()).toList();
      throw new DockerfileException(dockerfile.fileName(), 0, "target stage \"" + target.get()
          + "\" could not be found (stages with names: "
          + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
    }
    return found.get();
  }

  /** Automatic platform ARGs, then the ARGs before the first FROM, with build-arg overrides. */
  private Map<String, String> globalArgs(Dockerfile dockerfile, ShellLexer lexer, Stage target)
      throws DockerfileException {
    Map<String, String> globals = new LinkedHashMap<>();
    putDefault(globals, "BUILDPLATFORM", buildPlatform.toString());
    putDefault(globals, "BUILDOS", buildPlatform.os());
    putDefault(globals, "BUILDARCH", buildPlatform.architecture());
    putDefault(globals, "BUILDVARIANT", buildPlatform.variant());
    putDefault(globals, "TARGETPLATFORM", targetPlatform.toString());
    putDefault(globals, "TARGETOS", targetPlatform.os());
    putDefault(globals, "TARGETARCH", targetPlatform.architecture());
    putDefault(globals, "TARGETVARIANT", targetPlatform.variant());
    putDefault(globals, "TARGETSTAGE", target.name().orElse(""));
    for (ArgInstruction arg : dockerfile.globalArgs()) {
      for (ArgDefinition def : arg.args()) {
        Optional<String> value = globalValue(dockerfile, lexer, globals, def, arg.line());
        value.ifPresent(v -> globals.put(def.name(), v));
      }
    }
    return globals;
  }

  private void putDefault(Map<String, String> globals, String name, String value) {
    globals.put(name, buildArgs.getOrDefault(name, value));
  }

  private Optional<String> globalValue(Dockerfile dockerfile, ShellLexer lexer,
      Map<String, String> globals, ArgDefinition def, int line) throws DockerfileException {
    if (buildArgs.containsKey(def.name())) {
      return Optional.of(buildArgs.get(def.name()));
    }
    if (def.defaultValue().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(lexer.processWord(def.defaultValue().get(), globals));
    } catch (ShellExpansionException e) {
      throw new DockerfileException(dockerfile.fileName(), line, e.getMessage());
    }
  }

  /** Resolves FROM of a stage against the global scope; used by {@link StageGraph}. */
  static StageBase resolveBase(Dockerfile dockerfile, ShellLexer lexer,
      Map<String, String> globals, Stage stage) throws DockerfileException {
    FromInstruction from = stage.from();
    String image = expandFrom(dockerfile, lexer, globals, from.image(), from.line());
    if (image.isEmpty()) {
      throw new DockerfileException(dockerfile.fileName(), from.line(),
          "base name (" + from.image() + ") should not be blank");
    }
    for (Stage earlier : dockerfile.stages().subList(0, stage.index())) {
      if (earlier.name().map(image::equals).orElse(false)) {
        return new StageBase(image, OptionalInt.of(earlier.index()));
      }
    }
    if (!image.equals("scratch")) {
      Optional<String> problem = ImageReference.problem(image);
      if (problem.isPresent()) {
        throw new DockerfileException(dockerfile.fileName(), from.line(), "base image \""
            + image + "\" is not a valid image reference: " + problem.get());
      }
    }
    return new StageBase(image, OptionalInt.empty());
  }

  static Optional<Platform> resolvePlatform(Dockerfile dockerfile, ShellLexer lexer,
      Map<String, String> globals, FromInstruction from) throws DockerfileException {
    if (from.platform().isEmpty()) {
      return Optional.empty();
    }
    String text = expandFrom(dockerfile, lexer, globals, from.platform().get(), from.line());
    if (text.isEmpty()) {
      throw new DockerfileException(dockerfile.fileName(), from.line(),
          "empty platform value from expression " + from.platform().get());
    }
    try {
      return Optional.of(Platform.parseSpecifier(text));
    } catch (IllegalArgumentException e) {
      throw new DockerfileException(dockerfile.fileName(), from.line(), "failed to parse platform "
          + from.platform().get() + ": " + e.getMessage());
    }
  }

  private static String expandFrom(Dockerfile dockerfile, ShellLexer lexer,
      Map<String, String> globals, String word, int line) throws DockerfileException {
    try {
      return lexer.processWord(word, globals);
    } catch (ShellExpansionException e) {
      throw new DockerfileException(dockerfile.fileName(), line, e.getMessage());
    }
  }
}
