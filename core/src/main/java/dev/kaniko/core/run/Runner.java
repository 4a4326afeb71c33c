package dev.kaniko.core.run;

/** Executes RUN instructions against one rootfs. */
public interface Runner {
  /**
   * Runs the command, streaming its output line by line to the log and to {@code sink}.
   *
   * @throws RunFailedException when it exits non-zero
   * @throws RunSetupException when it cannot be started (unknown user, missing host tool, I/O)
   */
  RunResult run(RunCommand command, OutputSink sink) throws RunException;
}
