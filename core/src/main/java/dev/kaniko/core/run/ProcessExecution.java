package dev.kaniko.core.run;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts a host command line with an empty environment, streams its output, waits for its exit. */
final class ProcessExecution {
  private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

  /** How long to wait for the rest of the output once the command has exited. */
  private static final Duration OUTPUT_GRACE = Duration.ofSeconds(10);

  private final ProcessFactory factory;

  ProcessExecution(ProcessFactory factory) {
    this.factory = factory;
  }

  /**
   * @param hostPath PATH for the helper tools only; the command itself gets its env through {@code env -i}
   */
  RunResult run(RunCommand command, List<String> commandLine, String hostPath, Path directory, OutputSink sink)
      throws RunException {
    return run(command, commandLine, Map.of("PATH", hostPath), directory, sink);
  }

  /** @param environment exactly the environment the command line starts with */
  RunResult run(RunCommand command, List<String> commandLine, Map<String, String> environment,
      Path directory, OutputSink sink) throws RunException {
    ProcessBuilder builder = factory.create(commandLine);
    builder.environment().clear();
    builder.environment().putAll(environment);
    builder.directory(directory.toFile());
    builder.redirectErrorStream(true);
    builder.redirectInput(new File("/dev/null"));
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new RunSetupException(command.location() + "cannot start RUN " + command.display() + ": "
          + e.getMessage(), e);
    }
    int exit = await(command, process, OutputPump.start(process.getInputStream(), LOG, sink));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    if (exit != 0) {
      throw new RunFailedException(command, exit);
    }
    return new RunResult(exit, elapsed);
  }

  private static int await(RunCommand command, Process process, OutputPump pump) throws RunException {
    try {
      int exit = process.waitFor();
      if (!pump.await(OUTPUT_GRACE)) {
        LOG.warn("RUN {}: a background process keeps its output open; not waiting for it", command.display());
      }
      return exit;
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new RunException(command.location() + "RUN " + command.display() + " was interrupted", e);
    }
  }
}
