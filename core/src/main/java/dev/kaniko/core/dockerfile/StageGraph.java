package dev.kaniko.core.dockerfile;

import dev.kaniko.core.dockerfile.instructions.CopyInstruction;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.dockerfile.instructions.RunInstruction;
import dev.kaniko.core.dockerfile.shell.ShellExpansionException;
import dev.kaniko.core.dockerfile.shell.ShellLexer;
import dev.kaniko.core.image.ImageReference;
import dev.kaniko.core.image.Platform;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The stages of a Dockerfile with what each depends on; edges always point to earlier stages. */
final class StageGraph {
  private final Dockerfile dockerfile;
  private final List<Node> nodes = new ArrayList<>();

  private record Node(Stage stage, StageBase base, Optional<Platform> platform,
      List<Instruction> instructions, Set<Integer> deps, Set<String> images) {}

  StageGraph(Dockerfile dockerfile, ShellLexer lexer, Map<String, String> globals)
      throws DockerfileException {
    this.dockerfile = dockerfile;
    for (Stage stage : dockerfile.stages()) {
      nodes.add(node(stage, lexer, globals));
    }
  }

  private Node node(Stage stage, ShellLexer lexer, Map<String, String> globals)
      throws DockerfileException {
    StageBase base = BuildPlanner.resolveBase(dockerfile, lexer, globals, stage);
    Optional<Platform> platform =
        BuildPlanner.resolvePlatform(dockerfile, lexer, globals, stage.from());
    List<Instruction> instructions = stage.instructions();
    Set<Integer> deps = new TreeSet<>();
    if (base.stage().isPresent()) {
      int parent = base.stage().getAsInt();
      deps.add(parent);
      List<String> triggers =
          OnbuildTriggers.declaredIn(dockerfile.stages().get(parent).instructions());
      instructions = OnbuildTriggers.splice(stage, triggers, dockerfile.fileName());
    }
    Set<String> images = new LinkedHashSet<>();
    for (Instruction instruction : instructions) {
      for (String ref : sourceRefs(instruction)) {
        resolveSource(stage, instruction, ref, deps, images);
      }
    }
    return new Node(stage, base, platform, instructions, deps, images);
  }

  private List<String> sourceRefs(Instruction instruction) throws DockerfileException {
    if (instruction instanceof CopyInstruction copy && copy.from().isPresent()) {
      String from = copy.from().get();
      if (from.isEmpty()) {
        throw new DockerfileException(dockerfile.fileName(), copy.line(),
            "COPY --from needs a value: a stage name, a stage index or an image");
      }
      if (!expandsToItself(from)) {
        throw new DockerfileException(dockerfile.fileName(), copy.line(), "variable expansion is"
            + " not supported for --from, define a new stage with FROM using ARG from global"
            + " scope as a workaround");
      }
      return List.of(from);
    }
    if (instruction instanceof RunInstruction run) {
      List<String> refs = new ArrayList<>();
      for (String mount : run.mounts()) {
        MountSpec.from(mount).ifPresent(refs::add);
      }
      return refs;
    }
    return List.of();
  }

  private boolean expandsToItself(String word) {
    try {
      return new ShellLexer(dockerfile.escapeToken()).processWord(word, Map.of()).equals(word);
    } catch (ShellExpansionException e) {
      return false;
    }
  }

  private void resolveSource(Stage stage, Instruction instruction, String ref, Set<Integer> deps,
      Set<String> images) throws DockerfileException {
    Optional<Integer> target = stageReference(instruction, ref);
    if (target.isEmpty()) {
      Optional<String> problem = ImageReference.problem(ref);
      if (problem.isPresent()) {
        String flag = instruction instanceof RunInstruction ? "--mount from=" : "--from=";
        throw new DockerfileException(dockerfile.fileName(), instruction.line(), flag + ref
            + " names no stage of this Dockerfile and is not an image: " + problem.get());
      }
      images.add(ref);
      return;
    }
    if (target.get() >= stage.index()) {
      throw new DockerfileException(dockerfile.fileName(), instruction.line(),
          "cannot copy from stage \"" + ref + "\", it needs to be defined before current stage \""
              + stage.displayName() + "\"");
    }
    deps.add(target.get());
  }

  private Optional<Integer> stageReference(Instruction instruction, String ref)
      throws DockerfileException {
    if (instruction instanceof CopyInstruction && ref.matches("-?\\d+")) {
      int index;
      try {
        index = Integer.parseInt(ref);
      } catch (NumberFormatException e) {
        index = -1;
      }
      if (index < 0 || index >= dockerfile.stages().size()) {
        throw new DockerfileException(dockerfile.fileName(), instruction.line(),
            "invalid stage index " + ref + " in --from (the Dockerfile has "
                + dockerfile.stages().size() + " stages)");
      }
      return Optional.of(index);
    }
    return dockerfile.stage(ref).map(Stage::index);
  }

  /** The earlier stages that {@code instructions}, run in {@code stage}, copy or mount from. */
  Set<Integer> stageSources(Stage stage, List<Instruction> instructions)
      throws DockerfileException {
    Set<Integer> deps = new TreeSet<>();
    Set<String> images = new LinkedHashSet<>();
    for (Instruction instruction : instructions) {
      for (String ref : sourceRefs(instruction)) {
        resolveSource(stage, instruction, ref, deps, images);
      }
    }
    return deps;
  }

  /** The stage and everything it needs, transitively, in Dockerfile order. */
  List<Integer> reachableFrom(int target) {
    Set<Integer> seen = new TreeSet<>();
    Deque<Integer> todo = new ArrayDeque<>(List.of(target));
    while (!todo.isEmpty()) {
      int next = todo.pop();
      if (seen.add(next)) {
        todo.addAll(nodes.get(next).deps());
      }
    }
    return List.copyOf(seen);
  }

  PlannedStage planned(int index, List<Integer> selected) {
    Node node = nodes.get(index);
    Set<Integer> neededBy = new TreeSet<>();
    for (int other : selected) {
      if (nodes.get(other).deps().contains(index)) {
        neededBy.add(other);
      }
    }
    return new PlannedStage(node.stage(), node.base(), node.platform(), node.instructions(),
        node.deps(), node.images(), neededBy);
  }
}
