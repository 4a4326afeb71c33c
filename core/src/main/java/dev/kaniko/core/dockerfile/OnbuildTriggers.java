package dev.kaniko.core.dockerfile;

import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.dockerfile.instructions.InstructionParser;
import dev.kaniko.core.dockerfile.instructions.OnbuildInstruction;
import dev.kaniko.core.dockerfile.parser.DockerfileParser;
import dev.kaniko.core.dockerfile.parser.Node;
import dev.kaniko.core.dockerfile.parser.ParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splices ONBUILD triggers (from the base image's config, or from a parent stage's ONBUILD
 * instructions) into a stage, right after its FROM; they report the FROM's line.
 */
public final class OnbuildTriggers {
  private static final Set<String> FORBIDDEN = Set.of("ONBUILD", "FROM", "MAINTAINER");

  private OnbuildTriggers() {}

  /** Parses each trigger and returns them followed by the stage's own instructions. */
  public static List<Instruction> splice(Stage stage, List<String> triggers, String fileName)
      throws DockerfileException {
    List<Instruction> result = new ArrayList<>();
    for (String trigger : triggers) {
      result.add(parseTrigger(trigger, stage, fileName));
    }
    result.addAll(stage.instructions());
    return result;
  }

  /** The trigger expressions of a stage's own ONBUILD instructions, in order. */
  public static List<String> declaredIn(List<Instruction> instructions) {
    return instructions.stream().filter(OnbuildInstruction.class::isInstance)
        .map(i -> ((OnbuildInstruction) i).expression()).toList();
  }

  private static Instruction parseTrigger(String trigger, Stage stage, String fileName)
      throws DockerfileException {
    int line = stage.from().line();
    ParseResult parsed;
    try {
      parsed = new DockerfileParser(fileName).parse(trigger);
    } catch (DockerfileException e) {
      throw new DockerfileException(fileName, line, "invalid ONBUILD trigger \"" + trigger
          + "\" from the base image: " + e.problem());
    }
    if (parsed.instructions().size() != 1) {
      throw new DockerfileException(fileName, line, "onbuild trigger should be a single"
          + " expression: \"" + trigger + "\"");
    }
    Node node = parsed.instructions().get(0).withLines(line, stage.from().source().endLine());
    String keyword = node.value().toUpperCase(Locale.ROOT);
    if (FORBIDDEN.contains(keyword)) {
      throw new DockerfileException(fileName, line, keyword
          + " isn't allowed as an ONBUILD trigger (from the base image)");
    }
    return new InstructionParser(fileName).parse(node);
  }
}
