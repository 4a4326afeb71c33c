package dev.kaniko.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialHelperProcessTest {

  @TempDir Path bin;

  private Map<String, String> env() {
    return Map.of("PATH", "/nonexistent:" + bin + ":/usr/bin:/bin");
  }

  private void helper(String name, String body) throws Exception {
    Path script = bin.resolve("docker-credential-" + name);
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void get_sendsServerUrlOnStdinAndParsesReply() throws Exception {
    helper("test", """
        [ "$1" = get ] || exit 9
        read url
        echo "$url" > "$(dirname "$0")/asked"
        printf '{"ServerURL":"%s","Username":"u-%s","Secret":"pw"}' "$url" "$url"
        """);

    assertThat(new CredentialHelperProcess("test", env()).get("gcr.io"))
        .contains(new Credential("u-gcr.io", "pw"));
    assertThat(Files.readString(bin.resolve("asked")).trim()).isEqualTo("gcr.io");
  }

  @Test
  void get_asksForDockerHubByItsV1ServerUrl() throws Exception {
    helper("hub", "read url; printf '{\"Username\":\"%s\",\"Secret\":\"x\"}' \"$url\"");

    assertThat(new CredentialHelperProcess("hub", env()).get("docker.io").orElseThrow().username())
        .isEqualTo("https://index.docker.io/v1/");
  }

  @Test
  void get_tokenUsernameIsAnIdentityToken() throws Exception {
    helper("tok", "cat >/dev/null; echo '{\"Username\":\"<token>\",\"Secret\":\"refresh\"}'");

    assertThat(new CredentialHelperProcess("tok", env()).get("r.io").orElseThrow().isIdentityToken()).isTrue();
  }

  @Test
  void get_credentialsNotFoundIsEmpty() throws Exception {
    helper("none", "cat >/dev/null; echo 'credentials not found in native keychain'; exit 1");

    assertThat(new CredentialHelperProcess("none", env()).get("r.io")).isEmpty();
  }

  @Test
  void get_failureNamesHelperAndExitCodeButNotStdoutSecrets() throws Exception {
    helper("broken", "cat >/dev/null; echo 'boom: backend unreachable' >&2; exit 3");

    assertThatThrownBy(() -> new CredentialHelperProcess("broken", env()).get("r.io"))
        .isInstanceOf(CredentialException.class)
        .hasMessage("docker-credential-broken get for r.io failed with exit code 3: boom: backend unreachable");
  }

  @Test
  void get_nonJsonReplyIsAnErrorThatDoesNotEchoIt() throws Exception {
    helper("garbage", "cat >/dev/null; echo 'password=hunter2'");

    assertThatThrownBy(() -> new CredentialHelperProcess("garbage", env()).get("r.io"))
        .hasMessage("docker-credential-garbage get for r.io did not print JSON")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void get_missingExecutableSaysSo() {
    assertThatThrownBy(() -> new CredentialHelperProcess("absent", env()).get("r.io"))
        .hasMessageStartingWith("credential helper docker-credential-absent not found on PATH");
  }

  @Test
  void get_hangingHelperTimesOut() throws Exception {
    helper("slow", "exec sleep 30");

    assertThatThrownBy(() -> new CredentialHelperProcess("slow", env(), Duration.ofMillis(300)).get("r.io"))
        .hasMessage("docker-credential-slow get did not finish within 0s");
  }
}
