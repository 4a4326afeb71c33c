package dev.kaniko.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kaniko.core.dockerfile.parser.Heredoc;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandPlannerTest {
  private static final String DIR = "/.kaniko-run-x";

  @Test
  void plan_shellForm_prependsShell() {
    PlannedCommand plan = CommandPlanner.plan(RunCommand.shell("echo hi").build(), DIR);

    assertThat(plan.argv()).containsExactly("/bin/sh", "-c", "echo hi");
    assertThat(plan.script()).isEmpty();
  }

  @Test
  void plan_shellOverride_isUsed() {
    PlannedCommand plan = CommandPlanner.plan(
        RunCommand.shell("echo hi").withShell(List.of("/bin/bash", "-eo", "pipefail", "-c")).build(), DIR);

    assertThat(plan.argv()).containsExactly("/bin/bash", "-eo", "pipefail", "-c", "echo hi");
  }

  @Test
  void plan_execForm_ignoresShell() {
    PlannedCommand plan = CommandPlanner.plan(
        RunCommand.exec(List.of("ls", "-l")).withShell(List.of("/bin/bash", "-c")).build(), DIR);

    assertThat(plan.argv()).containsExactly("ls", "-l");
  }

  @Test
  void plan_heredocOnly_bodyIsTheScript() {
    PlannedCommand plan = CommandPlanner.plan(
        RunCommand.shell("<<EOF").heredoc(new Heredoc("EOF", "echo a\necho b\n", false)).build(), DIR);

    assertThat(plan.argv()).containsExactly("/bin/sh", "-c", "echo a\necho b\n");
  }

  @Test
  void plan_chompedHeredocOnly_stripsLeadingTabs() {
    PlannedCommand plan = CommandPlanner.plan(
        RunCommand.shell("<<-EOF").heredoc(new Heredoc("EOF", "\techo a\n\t\techo b\n", true)).build(), DIR);

    assertThat(plan.argv()).containsExactly("/bin/sh", "-c", "echo a\necho b\n");
  }

  @Test
  void plan_quotedMarkerOnly_isStillTheHeredocOnlyCase() {
    PlannedCommand plan = CommandPlanner.plan(
        RunCommand.shell("<<'EOF'").heredoc(new Heredoc("EOF", "echo $HOME\n", false)).build(), DIR);

    assertThat(plan.argv()).containsExactly("/bin/sh", "-c", "echo $HOME\n");
  }

  @Test
  void plan_shebangHeredoc_isWrittenAsFileAndRunByPath() {
    PlannedCommand plan = CommandPlanner.plan(
        RunCommand.shell("<<EOT").heredoc(new Heredoc("EOT", "#!/usr/bin/env python3\nprint(1)\n", false)).build(),
        DIR);

    assertThat(plan.argv()).containsExactly("/bin/sh", "-c", DIR + "/EOT");
    assertThat(plan.script()).isEqualTo(Optional.of(
        new PlannedCommand.ScriptFile(DIR + "/EOT", "#!/usr/bin/env python3\nprint(1)\n")));
  }

  @Test
  void plan_commandWithHeredocs_reconstitutesTheScript() {
    PlannedCommand plan = CommandPlanner.plan(RunCommand.shell("cat <<A > /a && cat <<-B > /b")
        .heredoc(new Heredoc("A", "one\n", false))
        .heredoc(new Heredoc("B", "\ttwo\n", true))
        .build(), DIR);

    assertThat(plan.argv()).containsExactly("/bin/sh", "-c", "cat <<A > /a && cat <<-B > /b\none\nA\n\ttwo\nB");
  }

  @Test
  void plan_markerFollowedByCommand_isNotHeredocOnly() {
    assertThat(CommandPlanner.isOnlyMarker("<<EOF bash")).isFalse();
    assertThat(CommandPlanner.isOnlyMarker("<<EOF")).isTrue();
    assertThat(CommandPlanner.isOnlyMarker("<<-\"EOF\"")).isTrue();
    assertThat(CommandPlanner.isOnlyMarker("3<<EOF")).isTrue();
    assertThat(CommandPlanner.isOnlyMarker("python3 <<EOF")).isFalse();
  }
}
