package dev.kaniko.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The registry's log file (application log and access log interleaved), with helpers to count requests.
 * Use {@link #mark()} before an action and {@link #requestsSince(long)} after it to count only its requests.
 */
public final class RegistryLog {

  private static final Pattern ACCESS_LINE =
      Pattern.compile("^\\S+ \\S+ \\S+ \\[[^\\]]+\\] \"(\\S+) (\\S+) [^\"]*\" (\\d{3}) ");

  private final Path file;

  RegistryLog(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** All lines written so far (empty before the first start). */
  public List<String> lines() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole log as one string. */
  public String text() {
    return String.join("\n", lines());
  }

  /** The last {@code n} lines, for error messages. */
  public String tail(int n) {
    List<String> lines = lines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }

  /** A position in the log: the number of lines written so far. */
  public long mark() {
    return lines().size();
  }

  /** Every request in the access log. */
  public List<RegistryRequest> requests() {
    return requestsSince(0);
  }

  /** The requests logged after {@code mark} (see {@link #mark()}). */
  public List<RegistryRequest> requestsSince(long mark) {
    return lines().stream().skip(mark).map(ACCESS_LINE::matcher).filter(Matcher::find)
        .map(m -> new RegistryRequest(m.group(1), m.group(2), Integer.parseInt(m.group(3))))
        .toList();
  }

  /** How many requests since {@code mark} match {@code filter}. */
  public long count(long mark, Predicate<RegistryRequest> filter) {
    return requestsSince(mark).stream().filter(filter).count();
  }

  /** Completed blob uploads since {@code mark}: the number of blobs actually transferred. */
  public long blobUploadsSince(long mark) {
    return count(mark, RegistryRequest::isCompletedBlobUpload);
  }
}
