package dev.kaniko.core.dockerfile;

import dev.kaniko.core.dockerfile.instructions.ArgInstruction;
import dev.kaniko.core.dockerfile.instructions.FromInstruction;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.dockerfile.instructions.InstructionParser;
import dev.kaniko.core.dockerfile.parser.DockerfileParser;
import dev.kaniko.core.dockerfile.parser.Node;
import dev.kaniko.core.dockerfile.parser.ParseResult;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed and validated Dockerfile: the global ARGs declared before the first FROM and the
 * stages, each with its typed instructions.
 */
public record Dockerfile(String fileName, char escapeToken, List<ArgInstruction> globalArgs,
    List<Stage> stages, ParseResult parseResult) {

  public Dockerfile {
    globalArgs = List.copyOf(globalArgs);
    stages = List.copyOf(stages);
  }

  /** Parses Dockerfile text; {@code fileName} is the display name used in errors. */
  public static Dockerfile parse(String fileName, String text) throws DockerfileException {
    return fromParseResult(new DockerfileParser(fileName).parse(text));
  }

  /** Parses a Dockerfile from a reader (not closed). */
  public static Dockerfile parse(String fileName, Reader in)
      throws DockerfileException, IOException {
    return fromParseResult(new DockerfileParser(fileName).parse(in));
  }

  /** Builds the stages from a parse tree. */
  public static Dockerfile fromParseResult(ParseResult result) throws DockerfileException {
    String name = result.fileName();
    InstructionParser parser = new InstructionParser(name);
    List<ArgInstruction> globals = new ArrayList<>();
    List<StageBuilder> stages = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (Node node : result.instructions()) {
      Instruction instruction = parser.parse(node);
      if (instruction instanceof FromInstruction from) {
        checkUniqueName(name, from, names, stages.size());
        stages.add(new StageBuilder(stages.size(), from));
      } else if (stages.isEmpty() && instruction instanceof ArgInstruction arg) {
        globals.add(arg);
      } else if (stages.isEmpty()) {
        throw new DockerfileException(name, node.startLine(), instruction.keyword()
            + " before the first FROM: a Dockerfile must start with FROM (only ARG and parser"
            + " directives may come before it)");
      } else {
        stages.get(stages.size() - 1).instructions.add(instruction);
      }
    }
    if (stages.isEmpty()) {
      throw new DockerfileException(name, result.root().endLine(),
          "no FROM instruction: the Dockerfile contains no stages to build");
    }
    return new Dockerfile(name, result.escapeToken(), globals,
        stages.stream().map(StageBuilder::build).toList(), result);
  }

  private static void checkUniqueName(String file, FromInstruction from,
      Map<String, Integer> names, int index) throws DockerfileException {
    if (from.stageName().isEmpty()) {
      return;
    }
    Integer previous = names.putIfAbsent(from.stageName().get(), index);
    if (previous != null) {
      throw new DockerfileException(file, from.line(), "duplicate stage name \""
          + from.stageName().get() + "\" (already used by stage " + previous + ")");
    }
  }

  /** The stage with this name (case-insensitive). */
  public Optional<Stage> stage(String stageName) {
    return stages.stream().filter(s -> s.isNamed(stageName)).findFirst();
  }

  private static final class StageBuilder {
    final int index;
    final FromInstruction from;
    final List<Instruction> instructions = new ArrayList<>();

    StageBuilder(int index, FromInstruction from) {
      this.index = index;
      this.from = from;
    }

    Stage build() {
      return new Stage(index, from.stageName(), from, instructions);
    }
  }
}
