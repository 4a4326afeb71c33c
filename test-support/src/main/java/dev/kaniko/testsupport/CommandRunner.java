package dev.kaniko.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real external binary, capturing stdout and stderr. Failures raise {@link CommandFailedException}
 * with the command line (secrets masked), the exit code and the stderr.
 */
public final class CommandRunner {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  private final Map<String, String> environment;
  private final List<String> secrets;
  private final Duration timeout;

  private CommandRunner(Map<String, String> environment, List<String> secrets, Duration timeout) {
    this.environment = Map.copyOf(environment);
    this.secrets = List.copyOf(secrets);
    this.timeout = timeout;
  }

  /** A runner inheriting this JVM's environment. */
  public static CommandRunner create() {
    return new CommandRunner(Map.of(), List.of(), DEFAULT_TIMEOUT);
  }

  /** A copy that also sets these environment variables for every command. */
  public CommandRunner withEnvironment(Map<String, String> extra) {
    Map<String, String> merged = new HashMap<>(environment);
    merged.putAll(extra);
    return new CommandRunner(merged, secrets, timeout);
  }

  /** A copy that replaces these strings by {@code ****} in every error message it produces. */
  public CommandRunner masking(String... secretValues) {
    List<String> all = new ArrayList<>(secrets);
    for (String s : secretValues) {
      if (s != null && !s.isEmpty()) {
        all.add(s);
      }
    }
    return new CommandRunner(environment, all, timeout);
  }

  public CommandRunner withTimeout(Duration newTimeout) {
    return new CommandRunner(environment, secrets, newTimeout);
  }

  /** Runs the command and returns its result whatever the exit code. */
  public CommandResult run(List<String> command) {
    return run(command, null, null);
  }

  /** Runs the command in {@code workDir} (null: current dir), feeding {@code stdin} (null: none). */
  public CommandResult run(List<String> command, Path workDir, String stdin) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    Process process = start(builder, command);
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    feed(process, stdin);
    int exit = await(process, command);
    return new CommandResult(command, exit, out.join(), err.join());
  }

  /** Runs the command and fails unless it exits with 0. */
  public CommandResult runChecked(List<String> command) {
    return runChecked(command, null, null);
  }

  public CommandResult runChecked(List<String> command, Path workDir, String stdin) {
    CommandResult result = run(command, workDir, stdin);
    if (!result.succeeded()) {
      throw new CommandFailedException(
          "command failed (exit code " + result.exitCode() + "): " + mask(String.join(" ", command))
              + "\nstderr: " + mask(result.stderr().strip())
              + (result.stdout().isBlank() ? "" : "\nstdout: " + mask(tail(result.stdout(), 2000))),
          result.exitCode(), mask(result.stderr()));
    }
    return result;
  }

  /** The text with every configured secret replaced by {@code ****}. */
  public String mask(String text) {
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, "****");
    }
    return masked;
  }

  private Process start(ProcessBuilder builder, List<String> command) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new CommandFailedException("cannot start " + mask(String.join(" ", command)) + ": " + e.getMessage()
          + " (is " + command.get(0) + " installed? run scripts/install-test-deps.sh)", -1, "");
    }
  }

  private int await(Process process, List<String> command) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        ProcessTrees.kill(process);
        throw new CommandFailedException("command timed out after " + timeout + ": "
            + mask(String.join(" ", command)), -1, "");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      ProcessTrees.kill(process);
      Thread.currentThread().interrupt();
      throw new CommandFailedException("interrupted while running " + mask(String.join(" ", command)), -1, "");
    }
  }

  private static void feed(Process process, String stdin) {
    try (var in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      // the process exited before reading its input; its exit code tells the story
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  static String tail(String text, int maxChars) {
    return text.length() <= maxChars ? text : "..." + text.substring(text.length() - maxChars);
  }
}
