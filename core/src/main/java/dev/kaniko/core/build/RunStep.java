package dev.kaniko.core.build;

import dev.kaniko.core.dockerfile.instructions.RunInstruction;
import dev.kaniko.core.layer.LayerContents;
import dev.kaniko.core.run.ChrootRunner;
import dev.kaniko.core.run.InPlaceRunner;
import dev.kaniko.core.run.RunCommand;
import dev.kaniko.core.run.RunException;
import dev.kaniko.core.run.Runner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RUN: runs the command in the stage's rootfs (chrooted in private mount and pid namespaces, or in
 * place on {@code /}) with the stage's env, USER, WORKDIR and SHELL, its {@code --mount}s and
 * {@code --network}, and returns what it changed.
 */
final class RunStep {
  private final String fileName;
  private RunMounts mounts;

  RunStep(String fileName, RunMounts mounts) {
    this.fileName = fileName;
    this.mounts = mounts;
  }

  /** Where cache mounts and secrets come from (the executor's kaniko dir and {@code --secret}s). */
  void mounts(RunMounts value) {
    this.mounts = value;
  }

  /** Runs the command and returns what it changed. */
  LayerContents run(RunInstruction run, StageState stage) throws BuildException {
    List<RunMountOptions> options = checkFlags(run, stage);
    stage.snapshot.beforeRun();
    execute(run, stage, options);
    return stage.snapshot.afterRun();
  }

  /** Runs the command without a snapshot (--single-snapshot). */
  void execute(RunInstruction run, StageState stage) throws BuildException {
    execute(run, stage, checkFlags(run, stage));
  }

  private void execute(RunInstruction run, StageState stage, List<RunMountOptions> options)
      throws BuildException {
    try (RunMounts.Prepared prepared = mounts.prepare(options)) {
      RunCommand command = command(run, stage).mounts(prepared.mounts).secretEnv(prepared.secretEnv)
          .isolatedNetwork(run.network().filter(n -> n.equals("none")).isPresent()).build();
      runner(stage).run(command, line -> { });
    } catch (RunException e) {
      throw new BuildException(e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw BuildException.at(fileName, run.line(), e.getMessage());
    } catch (IOException e) {
      throw BuildException.at(fileName, run.line(), "RUN --mount: " + e.getMessage());
    }
  }

  /** In place (rootfs {@code /}): the command as a child process; else chrooted into the stage. */
  private static Runner runner(StageState stage) {
    return stage.rootfs.getParent() == null ? InPlaceRunner.forHost()
        : ChrootRunner.forHost(stage.rootfs);
  }

  /** Checks --network and --security and parses the --mounts; one-line errors with the line. */
  private List<RunMountOptions> checkFlags(RunInstruction run, StageState stage) throws BuildException {
    Optional<String> network = run.network();
    if (network.isPresent() && !List.of("default", "none", "host").contains(network.get())) {
      throw BuildException.at(fileName, run.line(), "RUN --network=" + network.get()
          + " is not supported (default, none, host)");
    }
    Optional<String> security = run.security();
    if (security.filter(s -> s.equals("insecure")).isPresent()) {
      throw BuildException.at(fileName, run.line(), "RUN --security=insecure is not supported: the"
          + " executor grants no extra privileges to RUN");
    }
    if (security.filter(s -> !s.equals("sandbox")).isPresent()) {
      throw BuildException.at(fileName, run.line(), "RUN --security=" + security.get()
          + " is not supported (sandbox, insecure)");
    }
    List<RunMountOptions> options = new ArrayList<>();
    for (String mount : run.mounts()) {
      try {
        options.add(RunMountOptions.parse(mount, stage.workdir()));
      } catch (IllegalArgumentException e) {
        throw BuildException.at(fileName, run.line(), e.getMessage());
      }
    }
    return options;
  }

  private static RunCommand.Builder command(RunInstruction run, StageState stage) {
    RunCommand.Builder b = run.shellForm()
        ? RunCommand.shell(String.join(" ", run.command()))
        : RunCommand.exec(run.command());
    List<String> shell = stage.config.build().shell();
    if (shell != null && !shell.isEmpty()) {
      b.withShell(shell);
    }
    run.heredocs().forEach(b::heredoc);
    Map<String, String> imageEnv = stage.scope.imageEnvironment();
    List<String> env = new ArrayList<>();
    imageEnv.forEach((k, v) -> env.add(k + "=" + v));
    Map<String, String> args = new LinkedHashMap<>(stage.scope.runEnvironment());
    imageEnv.keySet().forEach(args::remove);
    return b.env(env).buildArgs(args)
        .user(Optional.ofNullable(stage.config.build().user()).orElse(""))
        .workdir(stage.workdir()).line(run.line());
  }
}
