package dev.kaniko.core.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunMountOptionsTest {
  @Test
  void parse_bindDefaults_readOnlyFromTheContextRoot() {
    RunMountOptions m = RunMountOptions.parse("target=/src", "/");
    assertThat(m.type()).isEqualTo("bind");
    assertThat(m.target()).isEqualTo("/src");
    assertThat(m.readOnly()).isTrue();
    assertThat(m.source()).isEmpty();
    assertThat(m.from()).isEmpty();
  }

  @Test
  void parse_bindAliasesAndRw() {
    RunMountOptions m = RunMountOptions.parse("type=bind,src=sub,dst=out,from=builder,rw", "/work");
    assertThat(m.source()).contains("sub");
    assertThat(m.target()).isEqualTo("/work/out");
    assertThat(m.from()).contains("builder");
    assertThat(m.readOnly()).isFalse();
    assertThat(RunMountOptions.parse("target=/a,readwrite=true", "/").readOnly()).isFalse();
    assertThat(RunMountOptions.parse("target=/a,rw=false", "/").readOnly()).isTrue();
  }

  @Test
  void parse_cacheDefaults_idIsTheTargetAndWritable() {
    RunMountOptions m = RunMountOptions.parse("type=cache,target=/root/.m2", "/");
    assertThat(m.id()).contains("/root/.m2");
    assertThat(m.readOnly()).isFalse();
    assertThat(m.sharing()).isEqualTo("shared");
    RunMountOptions full = RunMountOptions.parse(
        "type=cache,target=/c,id=deps,sharing=locked,mode=0700,uid=1000,gid=100", "/");
    assertThat(full.id()).contains("deps");
    assertThat(full.sharing()).isEqualTo("locked");
    assertThat(full.mode()).contains(0700);
    assertThat(full.uid()).contains(1000);
    assertThat(full.gid()).contains(100);
  }

  @Test
  void parse_tmpfsSize() {
    RunMountOptions m = RunMountOptions.parse("type=tmpfs,target=/t,size=64m", "/");
    assertThat(m.size()).contains("64m");
  }

  @Test
  void parse_secretDefaults_targetUnderRunSecrets() {
    RunMountOptions m = RunMountOptions.parse("type=secret,id=npm", "/");
    assertThat(m.target()).isEqualTo("/run/secrets/npm");
    assertThat(m.readOnly()).isTrue();
    assertThat(m.required()).isFalse();
    RunMountOptions env = RunMountOptions.parse("type=secret,id=npm,env=NPM_TOKEN,required", "/");
    assertThat(env.target()).isNull();
    assertThat(env.env()).contains("NPM_TOKEN");
    assertThat(env.required()).isTrue();
    assertThat(RunMountOptions.parse("type=secret,target=/etc/token", "/").id()).isEqualTo(Optional.of("token"));
  }

  @Test
  void parse_quotedValuesKeepCommas() {
    assertThat(RunMountOptions.parse("target=\"/a,b\"", "/").target()).isEqualTo("/a,b");
  }

  @Test
  void parse_badInput_oneLineErrors() {
    assertError("type=ssh", "RUN --mount=type=ssh is not supported (no SSH agent forwarding)");
    assertError("type=volume,target=/v", "RUN --mount: unknown type 'volume' (bind, cache, tmpfs, secret)");
    assertError("source=x", "RUN --mount=type=bind: target is required");
    assertError("type=tmpfs,target=/t,from=x", "RUN --mount: unexpected option 'from' for type=tmpfs");
    assertError("target=/a,bogus=1", "RUN --mount: unexpected option 'bogus' for type=bind");
    assertError("type=cache,target=/c,sharing=maybe",
        "RUN --mount: sharing must be shared, private or locked, not 'maybe'");
    assertError("type=cache,target=/c,mode=9", "RUN --mount: invalid mode '9'");
    assertError("type=cache,target=/c,uid=-1", "RUN --mount: invalid uid '-1'");
    assertError("type=tmpfs,target=/t,size=lots", "RUN --mount=type=tmpfs: invalid size 'lots'");
    assertError("target=/a,readonly=maybe", "RUN --mount: readonly must be true or false, not 'maybe'");
    assertError("type=secret", "RUN --mount=type=secret needs an id (or a target)");
    assertError("target=/a,target=/b", "RUN --mount: duplicate option 'target'");
    assertError("target=/", "RUN --mount: cannot mount over /");
  }

  private static void assertError(String mount, String message) {
    assertThatThrownBy(() -> RunMountOptions.parse(mount, "/"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}
