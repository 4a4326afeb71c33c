package dev.kaniko.executor.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The slf4j provider: levels, formats, timestamps, redaction — through the real slf4j API. */
class KanikoLoggingTest {
  private static final Instant NOW = Instant.parse("2026-03-04T05:06:07.890Z");
  private static final String SECRET = "hunter2-s3cr3t";

  private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
  private final Logger log = LoggerFactory.getLogger("dev.kaniko.test");

  @BeforeEach
  void redirect() {
    KanikoLogging.redirect(new PrintStream(sink, true, StandardCharsets.UTF_8),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void reset() {
    KanikoLogging.reset();
    SecretRedactor.clear();
  }

  private List<String> lines() {
    String text = sink.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
  }

  private void logEveryLevel() {
    log.trace("t");
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
  }

  @Test
  void slf4j_isBoundToTheKanikoProvider() {
    assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(KanikoLoggerFactory.class);
  }

  @Test
  void verbosity_filtersLowerLevels() {
    KanikoLogging.configure(new LogSettings(LogLevel.WARN, LogFormat.TEXT, false));

    logEveryLevel();

    assertThat(lines()).containsExactly("WARN w", "ERROR e");
    assertThat(log.isInfoEnabled()).isFalse();
    assertThat(log.isWarnEnabled()).isTrue();
  }

  @Test
  void trace_showsEverything() {
    KanikoLogging.configure(new LogSettings(LogLevel.TRACE, LogFormat.TEXT, false));

    logEveryLevel();

    assertThat(lines()).containsExactly("TRACE t", "DEBUG d", "INFO i", "WARN w", "ERROR e");
  }

  @ParameterizedTest
  @EnumSource(value = LogLevel.class, names = {"FATAL", "PANIC"})
  void fatalAndPanic_silenceEvenErrors(LogLevel level) {
    KanikoLogging.configure(new LogSettings(level, LogFormat.TEXT, false));

    logEveryLevel();

    assertThat(lines()).isEmpty();
  }

  @Test
  void defaultSettings_areInfo() {
    logEveryLevel();

    assertThat(lines()).containsExactly("INFO i", "WARN w", "ERROR e");
  }

  @Test
  void json_linesParseWithLevelMsgAndTime() throws Exception {
    KanikoLogging.configure(new LogSettings(LogLevel.INFO, LogFormat.JSON, false));

    log.info("pulling {} with \"quotes\"\nand a newline", "busybox");
    log.warn("second");

    ObjectMapper json = new ObjectMapper();
    List<String> lines = lines();
    assertThat(lines).hasSize(2);
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("level").asText()).isEqualTo("info");
    assertThat(first.get("msg").asText()).isEqualTo("pulling busybox with \"quotes\"\nand a newline");
    assertThat(first.get("time").asText()).isEqualTo("2026-03-04T05:06:07.890Z");
    assertThat(json.readTree(lines.get(1)).get("level").asText()).isEqualTo("warn");
  }

  @Test
  void json_withError_hasErrorFieldAndStackOnlyAtDebug() throws Exception {
    ObjectMapper json = new ObjectMapper();
    KanikoLogging.configure(new LogSettings(LogLevel.INFO, LogFormat.JSON, false));
    log.error("failed", new IllegalStateException("bad state"));
    KanikoLogging.configure(new LogSettings(LogLevel.DEBUG, LogFormat.JSON, false));
    log.error("failed", new IllegalStateException("bad state"));

    JsonNode atInfo = json.readTree(lines().get(0));
    JsonNode atDebug = json.readTree(lines().get(1));
    assertThat(atInfo.get("error").asText()).isEqualTo("bad state");
    assertThat(atInfo.has("stack")).isFalse();
    assertThat(atDebug.get("stack").asText()).contains("IllegalStateException").contains("\tat ");
  }

  @Test
  void timestamps_appearOnlyWithLogTimestamp() {
    KanikoLogging.configure(new LogSettings(LogLevel.INFO, LogFormat.TEXT, false));
    log.info("without");
    KanikoLogging.configure(new LogSettings(LogLevel.INFO, LogFormat.TEXT, true));
    log.info("with");
    KanikoLogging.configure(new LogSettings(LogLevel.INFO, LogFormat.COLOR, true));
    log.info("colored");

    assertThat(lines().get(0)).isEqualTo("INFO without").doesNotContain("2026");
    assertThat(lines().get(1)).isEqualTo("INFO[2026-03-04T05:06:07.890Z] with");
    assertThat(lines().get(2)).contains("[2026-03-04T05:06:07.890Z] colored");
  }

  @Test
  void color_usesAnsiCodesAndText_doesNot() {
    KanikoLogging.configure(new LogSettings(LogLevel.INFO, LogFormat.COLOR, false));
    log.warn("colored");
    KanikoLogging.configure(new LogSettings(LogLevel.INFO, LogFormat.TEXT, false));
    log.warn("plain");

    assertThat(lines().get(0)).isEqualTo("\u001b[33mWARN\u001b[0m colored");
    assertThat(lines().get(1)).isEqualTo("WARN plain");
  }

  @Test
  void color_becomesTextWhenNotOnATerminal() {
    LogSettings color = new LogSettings(LogLevel.INFO, LogFormat.COLOR, true);

    assertThat(color.forTerminal(false).format()).isEqualTo(LogFormat.TEXT);
    assertThat(color.forTerminal(false).timestamps()).isTrue();
    assertThat(color.forTerminal(true).format()).isEqualTo(LogFormat.COLOR);
  }

  @Test
  void exception_atInfo_isOneLine_atDebug_hasTheStackTrace() {
    KanikoLogging.configure(new LogSettings(LogLevel.INFO, LogFormat.TEXT, false));
    log.warn("retrying", new IllegalStateException("connection reset"));
    assertThat(lines()).containsExactly("WARN retrying: connection reset");

    sink.reset();
    KanikoLogging.configure(new LogSettings(LogLevel.DEBUG, LogFormat.TEXT, false));
    log.warn("retrying", new IllegalStateException("connection reset"));
    assertThat(lines().get(0)).isEqualTo("WARN retrying: connection reset");
    assertThat(lines()).hasSizeGreaterThan(2);
    assertThat(lines().get(2)).startsWith("\tat ");
  }

  @ParameterizedTest
  @EnumSource(LogFormat.class)
  void registeredSecret_neverAppears(LogFormat format) {
    SecretRedactor.register(SECRET);
    KanikoLogging.configure(new LogSettings(LogLevel.TRACE, format, true));

    log.info("password is " + SECRET);
    log.debug("token {} in an argument", SECRET);
    log.error("failure", new IllegalStateException("auth with " + SECRET + " refused"));
    log.trace("url https://user:{}@registry.example/v2/", SECRET);

    String text = sink.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain(SECRET).contains(SecretRedactor.MASK);
    assertThat(text).contains("password is ***").contains("auth with *** refused");
  }

  @Test
  void redactor_masksTheLongestSecretFirstAndIgnoresBlanks() {
    SecretRedactor.register("abc");
    SecretRedactor.register("abcdef");
    SecretRedactor.register(" ");
    SecretRedactor.register(null);

    assertThat(SecretRedactor.redact("x abcdef y abc z")).isEqualTo("x *** y *** z");
    assertThat(SecretRedactor.redact("a b")).isEqualTo("a b");
  }

  @Test
  void levelNames_parseKanikoSpellings() {
    assertThat(LogLevel.parse("panic")).isEqualTo(LogLevel.PANIC);
    assertThat(LogFormat.parse("json")).isEqualTo(LogFormat.JSON);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogLevel.parse("verbose"))
        .hasMessage("invalid verbosity 'verbose' (expected trace, debug, info, warn, error, fatal or panic)");
  }

  @Test
  void libraryInfoAndDebugLines_showOneLevelLower() {
    Logger library = LoggerFactory.getLogger("org.pf4j.AbstractPluginManager");
    library.info("Plugin 'x' resolved");
    library.warn("library warning");
    KanikoLogging.configure(new LogSettings(LogLevel.DEBUG, LogFormat.TEXT, false));
    library.info("now visible");
    library.debug("still hidden");
    KanikoLogging.configure(new LogSettings(LogLevel.TRACE, LogFormat.TEXT, false));
    library.debug("visible at trace");

    assertThat(lines()).containsExactly("WARN library warning", "DEBUG now visible",
        "TRACE visible at trace");
  }

  @Test
  void systemLogger_ofPlugins_goesThroughTheProvider() {
    SecretRedactor.register("plugin-secret-1");
    System.Logger pluginLogger = System.getLogger("kaniko.plugin.demo");

    pluginLogger.log(System.Logger.Level.INFO, "fetched {0} with plugin-secret-1", "s3://b/k");
    pluginLogger.log(System.Logger.Level.DEBUG, "hidden at info");
    pluginLogger.log(System.Logger.Level.ERROR, "failed", new IllegalStateException("boom"));

    assertThat(pluginLogger.isLoggable(System.Logger.Level.DEBUG)).isFalse();
    assertThat(lines()).containsExactly("INFO fetched s3://b/k with ***", "ERROR failed: boom");
  }
}
