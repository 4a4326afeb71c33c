package dev.kaniko.core.dockerfile.instructions;

/** A parsed, validated Dockerfile instruction with its lines. */
public sealed interface Instruction
    permits FromInstruction, RunInstruction, CmdInstruction, EntrypointInstruction,
        ShellInstruction, LabelInstruction, MaintainerInstruction, ExposeInstruction,
        EnvInstruction, AddInstruction, CopyInstruction, VolumeInstruction, UserInstruction,
        WorkdirInstruction, ArgInstruction, OnbuildInstruction, StopSignalInstruction,
        HealthcheckInstruction {

  /** Lines and original text. */
  Source source();

  /** The instruction keyword in upper case, e.g. {@code COPY}. */
  String keyword();

  /** The first line of the instruction (1-based). */
  default int line() {
    return source().startLine();
  }
}
