package dev.kaniko.executor;

import dev.kaniko.core.image.Compression;
import dev.kaniko.core.options.GoDuration;
import dev.kaniko.core.options.SnapshotMode;
import dev.kaniko.executor.logging.LogFormat;
import dev.kaniko.executor.logging.LogLevel;
import java.time.Duration;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for kaniko's value syntaxes; each failure is a one-line message. */
final class Converters {
  private Converters() {}

  private static <T> T convert(Function<String, T> parser, String value) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** Go durations ({@code 336h}, {@code 1h30m}). */
  static final class GoDurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Converters.convert(GoDuration::parse, value);
    }
  }

  /**
   * {@code full}, {@code redo}, {@code time}, or the name of a snapshot plugin's provider
   * (checked against the plugin registry when the build starts).
   */
  static final class SnapshotModeConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return Converters.convert(v -> {
        if (!v.matches("[a-z0-9][a-z0-9._-]*")) {
          SnapshotMode.parse(v); // the built-in modes' message
        }
        return v;
      }, value);
    }
  }

  /** {@code gzip}, {@code zstd}. */
  static final class CompressionConverter implements ITypeConverter<Compression> {
    @Override
    public Compression convert(String value) {
      return Converters.convert(Compression::parse, value);
    }
  }

  /** kaniko's verbosity names. */
  static final class LogLevelConverter implements ITypeConverter<LogLevel> {
    @Override
    public LogLevel convert(String value) {
      return Converters.convert(LogLevel::parse, value);
    }
  }

  /** {@code text}, {@code color}, {@code json}. */
  static final class LogFormatConverter implements ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      return Converters.convert(LogFormat::parse, value);
    }
  }
}
