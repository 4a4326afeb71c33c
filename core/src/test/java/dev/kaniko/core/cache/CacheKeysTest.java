package dev.kaniko.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheKeysTest {

  private static final String PARENT = CacheKeys.root("sha256:" + "a".repeat(64));

  /** One step's inputs; each change below alters exactly one of them. */
  record Inputs(String parent, String instruction, Map<String, String> args, Map<String, String> env,
      Optional<String> sources) {
    String key() {
      return CacheKeys.step(parent, instruction, args, env, sources);
    }
  }

  private static Inputs base() {
    return new Inputs(PARENT, "RUN make install", Map.of("VERSION", "1.0", "DEBUG", ""),
        Map.of("PATH", "/usr/bin:/bin", "HOME", "/root"), Optional.of("sha256:" + "b".repeat(64)));
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        change("parent key", i -> new Inputs(CacheKeys.root("sha256:" + "c".repeat(64)), i.instruction(), i.args(),
            i.env(), i.sources())),
        change("instruction", i -> new Inputs(i.parent(), "RUN make  install", i.args(), i.env(), i.sources())),
        change("build arg value", i -> new Inputs(i.parent(), i.instruction(), Map.of("VERSION", "1.1", "DEBUG", ""),
            i.env(), i.sources())),
        change("build arg added", i -> new Inputs(i.parent(), i.instruction(),
            Map.of("VERSION", "1.0", "DEBUG", "", "X", ""), i.env(), i.sources())),
        change("build arg name", i -> new Inputs(i.parent(), i.instruction(), Map.of("VERSION", "1.0", "DEBUGX", ""),
            i.env(), i.sources())),
        change("env value", i -> new Inputs(i.parent(), i.instruction(), i.args(),
            Map.of("PATH", "/usr/bin", "HOME", "/root"), i.sources())),
        change("env removed", i -> new Inputs(i.parent(), i.instruction(), i.args(), Map.of("PATH", "/usr/bin:/bin"),
            i.sources())),
        change("arg moved to env", i -> new Inputs(i.parent(), i.instruction(), Map.of("DEBUG", ""),
            Map.of("PATH", "/usr/bin:/bin", "HOME", "/root", "VERSION", "1.0"), i.sources())),
        change("sources digest", i -> new Inputs(i.parent(), i.instruction(), i.args(), i.env(),
            Optional.of("sha256:" + "d".repeat(64)))),
        change("sources absent", i -> new Inputs(i.parent(), i.instruction(), i.args(), i.env(), Optional.empty())),
        change("field boundary", i -> new Inputs(i.parent(), i.instruction(), Map.of("VERSION", "1.0D", "EBUG", ""),
            i.env(), i.sources())));
  }

  private static Arguments change(String name, UnaryOperator<Inputs> change) {
    return Arguments.of(name, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void step_anyInputChange_givesANewKey(String name, UnaryOperator<Inputs> change) {
    assertThat(change.apply(base()).key()).isNotEqualTo(base().key());
  }

  @Test
  void step_sameInputs_giveTheSameKey_whateverTheMapOrder() {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("DEBUG", "");
    args.put("VERSION", "1.0");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/root");
    env.put("PATH", "/usr/bin:/bin");
    Inputs reordered = new Inputs(PARENT, "RUN make install", args, env, Optional.of("sha256:" + "b".repeat(64)));

    assertThat(reordered.key()).isEqualTo(base().key()).isEqualTo(base().key());
  }

  @Test
  void step_isAStableSha256Hex_onAnyMachine() {
    String key = CacheKeys.step(CacheKeys.root("sha256:" + "0".repeat(64)), "RUN true", Map.of(), Map.of(),
        Optional.empty());

    assertThat(key).matches("[0-9a-f]{64}");
    // pinned: the encoding is part of the cache format; changing it must be deliberate (bump VERSION)
    assertThat(key).isEqualTo("48d7c80195c8417a6df8092542739d9f5c349c4a56ed765b2b70a2f1782320db");
  }

  @Test
  void root_dependsOnTheBaseDigest() {
    assertThat(CacheKeys.root("sha256:" + "1".repeat(64))).isNotEqualTo(CacheKeys.root("sha256:" + "2".repeat(64)))
        .isEqualTo(CacheKeys.root("sha256:" + "1".repeat(64)));
  }

  @Test
  void requireValid_rejectsNonKeys() {
    assertThatThrownBy(() -> CacheKeys.requireValid("latest")).hasMessage(
        "invalid cache key 'latest': expected 64 lowercase hex digits");
    assertThat(CacheKeys.requireValid(PARENT)).isEqualTo(PARENT);
  }
}
