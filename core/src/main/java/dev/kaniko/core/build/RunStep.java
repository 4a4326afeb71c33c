package dev.kaniko.core.build;

import dev.kaniko.core.dockerfile.instructions.RunInstruction;
import dev.kaniko.core.layer.LayerContents;
import dev.kaniko.core.run.ChrootRunner;
import dev.kaniko.core.run.InPlaceRunner;
import dev.kaniko.core.run.RunCommand;
import dev.kaniko.core.run.RunException;
import dev.kaniko.core.run.Runner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RUN: runs the command in the stage's rootfs (chrooted in private mount and pid namespaces, or in
 * place on {@code /}) with the stage's env, USER, WORKDIR and SHELL, and returns what it changed.
 */
final class RunStep {
  private final String fileName;

  RunStep(String fileName) {
    this.fileName = fileName;
  }

  /** Runs the command and returns what it changed. */
  LayerContents run(RunInstruction run, StageState stage) throws BuildException {
    checkFlags(run);
    stage.snapshot.beforeRun();
    execute(run, stage);
    return stage.snapshot.afterRun();
  }

  /** Runs the command without a snapshot (--single-snapshot). */
  void execute(RunInstruction run, StageState stage) throws BuildException {
    checkFlags(run);
    try {
      runner(stage).run(command(run, stage), line -> { });
    } catch (RunException e) {
      throw new BuildException(e.getMessage(), e);
    }
  }

  /** In place (rootfs {@code /}): the command as a child process; else chrooted into the stage. */
  private static Runner runner(StageState stage) {
    return stage.rootfs.getParent() == null ? InPlaceRunner.forHost()
        : ChrootRunner.forHost(stage.rootfs);
  }

  private void checkFlags(RunInstruction run) throws BuildException {
    if (!run.mounts().isEmpty()) {
      throw BuildException.at(fileName, run.line(), "RUN --mount is not supported yet");
    }
    if (run.network().filter(n -> !n.equals("default")).isPresent()) {
      throw BuildException.at(fileName, run.line(), "RUN --network is not supported yet");
    }
    if (run.security().filter(s -> !s.equals("sandbox")).isPresent()) {
      throw BuildException.at(fileName, run.line(), "RUN --security is not supported yet");
    }
  }

  private static RunCommand command(RunInstruction run, StageState stage) {
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
        .workdir(stage.workdir()).line(run.line()).build();
  }
}
