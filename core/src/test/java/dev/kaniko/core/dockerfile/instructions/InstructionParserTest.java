package dev.kaniko.core.dockerfile.instructions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kaniko.core.dockerfile.DockerfileException;
import dev.kaniko.core.dockerfile.parser.DockerfileParser;
import dev.kaniko.core.dockerfile.parser.Node;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Instruction validation and typed fields, from the Dockerfile reference. */
class InstructionParserTest {

  private static Instruction parse(String line) throws DockerfileException {
    List<Node> nodes = new DockerfileParser("Dockerfile").parse(line).instructions();
    return new InstructionParser("Dockerfile").parse(nodes.get(nodes.size() - 1));
  }

  private static void assertRejected(String text, String message) {
    assertThatThrownBy(() -> parse(text)).isInstanceOf(DockerfileException.class)
        .hasMessage(message);
  }

  @Test
  void from_withPlatformAndLowerCasedStageName() throws Exception {
    FromInstruction from = (FromInstruction) parse("FROM --platform=$BUILDPLATFORM golang AS Build");
    assertThat(from.image()).isEqualTo("golang");
    assertThat(from.stageName()).contains("build");
    assertThat(from.platform()).contains("$BUILDPLATFORM");
  }

  @Test
  void from_withTwoArgumentsIsRejected() {
    assertRejected("FROM a b", "Dockerfile:1: FROM requires either one or three arguments"
        + " (FROM image [AS name])");
  }

  @Test
  void from_invalidStageNameIsRejected() {
    assertRejected("FROM a AS 1st", "Dockerfile:1: invalid name for build stage: \"1st\", name"
        + " can't start with a number or contain symbols");
  }

  @Test
  void run_shellFormKeepsOneString() throws Exception {
    RunInstruction run = (RunInstruction) parse("RUN echo a   &&  echo b");
    assertThat(run.shellForm()).isTrue();
    assertThat(run.command()).containsExactly("echo a   &&  echo b");
  }

  @Test
  void run_mountNetworkAndSecurityFlags() throws Exception {
    RunInstruction run = (RunInstruction) parse("RUN --mount=type=cache,target=/c"
        + " --mount=type=secret,id=x --network=none --security=insecure [\"make\"]");
    assertThat(run.shellForm()).isFalse();
    assertThat(run.command()).containsExactly("make");
    assertThat(run.mounts()).containsExactly("type=cache,target=/c", "type=secret,id=x");
    assertThat(run.network()).contains("none");
    assertThat(run.security()).contains("insecure");
  }

  @Test
  void run_withHeredocKeepsTheDocuments() throws Exception {
    RunInstruction run = (RunInstruction) parse("RUN <<EOF\nset -e\nEOF\n");
    assertThat(run.command()).containsExactly("<<EOF");
    assertThat(run.heredocs()).singleElement().satisfies(h -> assertThat(h.content())
        .isEqualTo("set -e\n"));
  }

  @Test
  void run_heredocScriptIsTheContent() throws Exception {
    RunInstruction run = (RunInstruction) parse("RUN <<-EOF\n\techo a\n\tEOF\n");
    assertThat(run.isHeredocScript()).isTrue();
    assertThat(run.shellText()).isEqualTo("echo a\n");
  }

  @Test
  void run_heredocsWithCommandAreHandedToTheShell() throws Exception {
    RunInstruction run = (RunInstruction) parse("RUN cat <<A > /a && cat <<B > /b\n1\nA\n2\nB\n");
    assertThat(run.isHeredocScript()).isFalse();
    assertThat(run.shellText()).isEqualTo("cat <<A > /a && cat <<B > /b\n1\nA\n2\nB");
  }

  @Test
  void run_shellTextWithoutHeredocIsTheCommand() throws Exception {
    assertThat(((RunInstruction) parse("RUN echo  hi")).shellText()).isEqualTo("echo  hi");
  }

  @Test
  void run_unknownFlagIsRejected() {
    assertRejected("RUN --mnt=type=cache true", "Dockerfile:1: unknown flag: mnt (expected one"
        + " of --mount, --network, --security)");
  }

  @Test
  void run_withoutCommandIsRejected() {
    assertRejected("RUN", "Dockerfile:1: RUN requires at least one argument");
  }

  @Test
  void copy_allFlags() throws Exception {
    CopyInstruction copy = (CopyInstruction) parse("COPY --from=build --chown=app:app"
        + " --chmod=0644 --link --parents --exclude=*.md --exclude=tmp a b /dst/");
    assertThat(copy.sources()).containsExactly("a", "b");
    assertThat(copy.destination()).isEqualTo("/dst/");
    assertThat(copy.from()).contains("build");
    assertThat(copy.chown()).contains("app:app");
    assertThat(copy.chmod()).contains("0644");
    assertThat(copy.link()).isTrue();
    assertThat(copy.parents()).isTrue();
    assertThat(copy.excludes()).containsExactly("*.md", "tmp");
  }

  @Test
  void copy_linkFalseIsFalse() throws Exception {
    assertThat(((CopyInstruction) parse("COPY --link=false a /b")).link()).isFalse();
  }

  @Test
  void copy_badBooleanIsRejected() {
    assertRejected("COPY --link=yes a /b",
        "Dockerfile:1: expecting boolean value for flag link, not: yes");
  }

  @Test
  void copy_stringFlagWithoutValueIsRejected() {
    assertRejected("COPY --from a /b", "Dockerfile:1: missing a value on flag: from");
  }

  @Test
  void copy_duplicateFlagIsRejected() {
    assertRejected("COPY --chown=a --chown=b a /b", "Dockerfile:1: duplicate flag specified: chown");
  }

  @Test
  void copy_singleArgumentIsRejected() {
    assertRejected("COPY onlyone", "Dockerfile:1: COPY requires at least two arguments, but only"
        + " one was provided. Destination could not be determined");
  }

  @Test
  void add_withoutArgumentsIsRejected() {
    assertRejected("ADD", "Dockerfile:1: ADD requires at least two arguments, but none were"
        + " provided. Destination could not be determined");
  }

  @Test
  void copy_jsonFormKeepsSpaces() throws Exception {
    CopyInstruction copy = (CopyInstruction) parse("COPY [\"my file\", \"/dest dir/\"]");
    assertThat(copy.sources()).containsExactly("my file");
    assertThat(copy.destination()).isEqualTo("/dest dir/");
  }

  @Test
  void copy_heredocSourcesBecomeInlineFiles() throws Exception {
    CopyInstruction copy = (CopyInstruction) parse(
        "COPY <<-app.conf <<'raw.txt' real.txt /etc/\n\tport=$PORT\n\tapp.conf\n$HOME\nraw.txt\n");
    assertThat(copy.sources()).containsExactly("real.txt");
    assertThat(copy.inlineSources()).containsExactly(
        new InlineSource("app.conf", "port=$PORT\n", true),
        new InlineSource("raw.txt", "$HOME\n", false));
  }

  @Test
  void copy_heredocAsDestinationIsRejected() {
    assertRejected("COPY a <<EOF\nx\nEOF\n",
        "Dockerfile:1: COPY cannot accept a heredoc as a destination");
  }

  @Test
  void add_checksumKeepGitDirAndExclude() throws Exception {
    AddInstruction add = (AddInstruction) parse("ADD --checksum=sha256:abc --keep-git-dir"
        + " --exclude=.git https://example.com/x.git /src");
    assertThat(add.checksum()).contains("sha256:abc");
    assertThat(add.keepGitDir()).isTrue();
    assertThat(add.excludes()).containsExactly(".git");
    assertThat(add.sources()).containsExactly("https://example.com/x.git");
    assertThat(add.unpack()).isEmpty();
  }

  @Test
  void add_unpackIsRecordedOnlyWhenGiven() throws Exception {
    assertThat(((AddInstruction) parse("ADD --unpack=false a.tar.gz /x")).unpack())
        .contains(false);
    assertThat(((AddInstruction) parse("ADD --unpack https://x/a.tgz /x")).unpack())
        .contains(true);
  }

  @Test
  void add_fromFlagIsNotAccepted() {
    assertThatThrownBy(() -> parse("ADD --from=x a /b")).hasMessageStartingWith(
        "Dockerfile:1: unknown flag: from");
  }

  @Test
  void env_bothFormsGiveKeyValues() throws Exception {
    assertThat(((EnvInstruction) parse("ENV A 1 2")).variables())
        .containsExactly(new KeyValue("A", "1 2", true));
    assertThat(((EnvInstruction) parse("ENV A=1 B=\"x y\"")).variables())
        .containsExactly(new KeyValue("A", "1", false), new KeyValue("B", "\"x y\"", false));
  }

  @Test
  void env_flagsAreRejected() {
    assertRejected("ENV --x=1 A=1", "Dockerfile:1: unknown flag: x (this instruction takes no"
        + " flags)");
  }

  @Test
  void label_blankKeyIsRejected() {
    assertRejected("LABEL =x", "Dockerfile:1: LABEL names can not be blank");
  }

  @Test
  void arg_namesWithAndWithoutDefaults() throws Exception {
    ArgInstruction arg = (ArgInstruction) parse("ARG A B=2 C=");
    assertThat(arg.args()).containsExactly(new ArgDefinition("A", Optional.empty()),
        new ArgDefinition("B", Optional.of("2")), new ArgDefinition("C", Optional.of("")));
  }

  @Test
  void arg_withoutNameIsRejected() {
    assertRejected("ARG", "Dockerfile:1: ARG requires at least one argument");
  }

  @Test
  void workdir_userStopsignalNeedExactlyOneArgument() {
    assertRejected("WORKDIR", "Dockerfile:1: WORKDIR requires exactly one argument");
    assertRejected("USER", "Dockerfile:1: USER requires exactly one argument");
    assertRejected("STOPSIGNAL", "Dockerfile:1: STOPSIGNAL requires exactly one argument");
  }

  @Test
  void workdir_keepsSpacesAsOneArgument() throws Exception {
    assertThat(((WorkdirInstruction) parse("WORKDIR /my app")).path()).isEqualTo("/my app");
  }

  @Test
  void expose_splitsOnWhitespace() throws Exception {
    assertThat(((ExposeInstruction) parse("EXPOSE 80/tcp  443 53/udp")).ports())
        .containsExactly("80/tcp", "443", "53/udp");
  }

  @Test
  void volume_jsonAndShellForms() throws Exception {
    assertThat(((VolumeInstruction) parse("VOLUME [\"/a\", \"/b\"]")).volumes())
        .containsExactly("/a", "/b");
    assertThat(((VolumeInstruction) parse("VOLUME /a /b")).volumes()).containsExactly("/a", "/b");
  }

  @Test
  void volume_emptyStringIsRejected() {
    assertRejected("VOLUME [\"\"]", "Dockerfile:1: VOLUME specified can not be an empty string");
  }

  @Test
  void shell_requiresJsonForm() {
    assertRejected("SHELL /bin/bash -c", "Dockerfile:1: SHELL requires the arguments to be in"
        + " JSON form");
  }

  @Test
  void shell_jsonForm() throws Exception {
    assertThat(((ShellInstruction) parse("SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]"))
        .shell()).containsExactly("/bin/bash", "-eo", "pipefail", "-c");
  }

  @Test
  void cmdAndEntrypoint_formsAreRecorded() throws Exception {
    CmdInstruction cmd = (CmdInstruction) parse("CMD [\"run\", \"--fast\"]");
    assertThat(cmd.shellForm()).isFalse();
    assertThat(cmd.command()).containsExactly("run", "--fast");
    EntrypointInstruction ep = (EntrypointInstruction) parse("ENTRYPOINT exec app");
    assertThat(ep.shellForm()).isTrue();
    assertThat(ep.command()).containsExactly("exec app");
  }

  @Test
  void healthcheck_cmdShellWithDurations() throws Exception {
    HealthcheckInstruction hc = (HealthcheckInstruction) parse("HEALTHCHECK --interval=1m30s"
        + " --timeout=500ms --start-period=2s --start-interval=1.5s --retries=3 CMD curl -f x");
    assertThat(hc.test()).containsExactly("CMD-SHELL", "curl -f x");
    assertThat(hc.interval()).contains(Duration.ofSeconds(90));
    assertThat(hc.timeout()).contains(Duration.ofMillis(500));
    assertThat(hc.startPeriod()).contains(Duration.ofSeconds(2));
    assertThat(hc.startInterval()).contains(Duration.ofMillis(1500));
    assertThat(hc.retries()).isEqualTo(OptionalInt.of(3));
  }

  @Test
  void healthcheck_execFormAndNone() throws Exception {
    assertThat(((HealthcheckInstruction) parse("HEALTHCHECK CMD [\"/check\", \"-q\"]")).test())
        .containsExactly("CMD", "/check", "-q");
    assertThat(((HealthcheckInstruction) parse("HEALTHCHECK NONE")).test())
        .containsExactly("NONE");
  }

  @Test
  void healthcheck_errors() {
    assertRejected("HEALTHCHECK NONE x", "Dockerfile:1: HEALTHCHECK NONE takes no arguments");
    assertRejected("HEALTHCHECK CONNECT TCP 7000",
        "Dockerfile:1: Unknown type \"CONNECT\" in HEALTHCHECK (try CMD)");
    assertRejected("HEALTHCHECK CMD", "Dockerfile:1: missing command after HEALTHCHECK CMD");
    assertRejected("HEALTHCHECK --interval=1x CMD a",
        "Dockerfile:1: time: invalid duration \"1x\"");
    assertRejected("HEALTHCHECK --interval=10us CMD a",
        "Dockerfile:1: Interval \"interval\" cannot be less than 1ms");
    assertRejected("HEALTHCHECK --retries=-1 CMD a",
        "Dockerfile:1: --retries cannot be negative (-1)");
  }

  @Test
  void onbuild_expressionIsTheTriggerText() throws Exception {
    assertThat(((OnbuildInstruction) parse("onbuild   RUN make install")).expression())
        .isEqualTo("RUN make install");
  }

  @Test
  void onbuild_forbiddenTriggers() {
    assertRejected("ONBUILD ONBUILD RUN x",
        "Dockerfile:1: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    assertRejected("ONBUILD FROM x", "Dockerfile:1: FROM isn't allowed as an ONBUILD trigger");
    assertRejected("ONBUILD MAINTAINER x",
        "Dockerfile:1: MAINTAINER isn't allowed as an ONBUILD trigger");
  }

  @Test
  void maintainer_keepsTheWholeText() throws Exception {
    assertThat(((MaintainerInstruction) parse("MAINTAINER Jane Doe <jane@example.com>"))
        .maintainer()).isEqualTo("Jane Doe <jane@example.com>");
  }

  @Test
  void unknownInstruction_isRejectedWithSuggestion() {
    assertRejected("FROM a\nCOPPY a b", "Dockerfile:2: unknown instruction: COPPY (did you mean"
        + " copy?)");
    assertRejected("FROM a\nFETCH url", "Dockerfile:2: unknown instruction: FETCH");
  }

  @Test
  void instructions_keepStartAndEndLines() throws Exception {
    Instruction run = parse("FROM a\n\nRUN a \\\n  b \\\n  c\n");
    assertThat(run.source().startLine()).isEqualTo(3);
    assertThat(run.source().endLine()).isEqualTo(5);
  }
}
