package dev.kaniko.core.build;

import dev.kaniko.core.dockerfile.instructions.CmdInstruction;
import dev.kaniko.core.dockerfile.instructions.EntrypointInstruction;
import dev.kaniko.core.dockerfile.instructions.EnvInstruction;
import dev.kaniko.core.dockerfile.instructions.ExposeInstruction;
import dev.kaniko.core.dockerfile.instructions.HealthcheckInstruction;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.dockerfile.instructions.KeyValue;
import dev.kaniko.core.dockerfile.instructions.LabelInstruction;
import dev.kaniko.core.dockerfile.instructions.MaintainerInstruction;
import dev.kaniko.core.dockerfile.instructions.OnbuildInstruction;
import dev.kaniko.core.dockerfile.instructions.ShellInstruction;
import dev.kaniko.core.dockerfile.instructions.StopSignalInstruction;
import dev.kaniko.core.dockerfile.instructions.UserInstruction;
import dev.kaniko.core.dockerfile.instructions.VolumeInstruction;
import dev.kaniko.core.image.ContainerConfig;
import dev.kaniko.core.image.Healthcheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a metadata-only instruction (already expanded) to a stage's config as docker does:
 * ENV, LABEL, EXPOSE, VOLUME, USER, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, STOPSIGNAL, ONBUILD,
 * MAINTAINER. Returns false for instructions it does not handle.
 */
final class MetadataStep {
  static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  private MetadataStep() {}

  static boolean apply(Instruction instruction, StageState stage) {
    ContainerConfig.Builder c = stage.config;
    if (instruction instanceof EnvInstruction) {
      env(stage.scope.imageEnvironment(), c);
    } else if (instruction instanceof LabelInstruction label) {
      label.labels().forEach(kv -> c.label(kv.key(), kv.value()));
    } else if (instruction instanceof ExposeInstruction expose) {
      expose.ports().forEach(p -> ExposedPorts.parse(p).forEach(c::exposedPort));
    } else if (instruction instanceof VolumeInstruction volume) {
      volume.volumes().forEach(c::volume);
    } else if (instruction instanceof UserInstruction user) {
      c.user(user.user());
    } else if (instruction instanceof CmdInstruction cmd) {
      c.cmd(command(cmd.command(), cmd.shellForm(), c));
      stage.cmdSet = true;
    } else if (instruction instanceof EntrypointInstruction ep) {
      c.entrypoint(command(ep.command(), ep.shellForm(), c));
      if (!stage.cmdSet) {
        c.cmd(null);
      }
    } else if (instruction instanceof ShellInstruction shell) {
      c.shell(shell.shell());
    } else if (instruction instanceof HealthcheckInstruction hc) {
      c.healthcheck(healthcheck(hc));
    } else if (instruction instanceof StopSignalInstruction signal) {
      c.stopSignal(signal.signal());
    } else if (instruction instanceof OnbuildInstruction onbuild) {
      c.onBuild(onbuild.expression());
    } else if (instruction instanceof MaintainerInstruction maintainer) {
      stage.image = stage.image.withAuthor(maintainer.maintainer());
    } else {
      return false;
    }
    return true;
  }

  /** Writes the scope's image environment into the config, in order. */
  static void env(Map<String, String> environment, ContainerConfig.Builder c) {
    environment.forEach(c::env);
  }

  /** An exec-form command as is; a shell-form one prefixed with the stage's SHELL. */
  static List<String> command(List<String> command, boolean shellForm, ContainerConfig.Builder c) {
    if (!shellForm) {
      return command;
    }
    List<String> shell = Optional.ofNullable(c.build().shell()).orElse(DEFAULT_SHELL);
    List<String> full = new ArrayList<>(shell);
    full.add(String.join(" ", command));
    return full;
  }

  private static Healthcheck healthcheck(HealthcheckInstruction hc) {
    if (hc.test().equals(List.of("NONE"))) {
      return new Healthcheck(List.of("NONE"), null, null, null, null, null);
    }
    return new Healthcheck(hc.test(), nanos(hc.interval()), nanos(hc.timeout()),
        nanos(hc.startPeriod()), nanos(hc.startInterval()),
        hc.retries().isPresent() ? hc.retries().getAsInt() : null);
  }

  private static Long nanos(Optional<Duration> d) {
    return d.map(Duration::toNanos).orElse(null);
  }

  /** {@code KEY=value} words of an ENV or LABEL line, for history text. */
  static String pairs(List<KeyValue> values) {
    List<String> words = new ArrayList<>();
    values.forEach(kv -> words.add(kv.key() + "=" + kv.value()));
    return String.join(" ", words);
  }
}
