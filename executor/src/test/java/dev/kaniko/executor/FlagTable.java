package dev.kaniko.executor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The flag tables under {@code src/test/resources/cli/}, transcribed from kaniko's flags. */
public final class FlagTable {
  /** One flag: see the column comment at the top of the tables. */
  public record Row(String flag, Optional<String> shortName, Optional<String> defaultValue,
      boolean repeatable, Optional<String> aliasOf, boolean ours, boolean hidden,
      Optional<String> sample) {
    /** The flag whose feature gate applies: the replacement for a deprecated alias. */
    public String canonical() {
      return aliasOf.orElse(flag);
    }

    /** The arguments setting this flag explicitly to its sample value. */
    public List<String> sampleArgs() {
      return sample.map(value -> List.of(flag, value)).orElse(List.of(flag));
    }

    @Override
    public String toString() {
      return flag;
    }
  }

  private FlagTable() {}

  public static List<Row> executor() {
    return load("/cli/executor-flags.tsv");
  }

  public static List<Row> warmer() {
    return load("/cli/warmer-flags.tsv");
  }

  private static List<Row> load(String resource) {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = FlagTable.class.getResourceAsStream(resource);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        rows.add(parse(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static Row parse(String line) {
    String[] cells = line.split("\t", -1);
    if (cells.length != 8) {
      throw new IllegalStateException("expected 8 columns: " + line);
    }
    Optional<String> defaultValue = cell(cells[2]).map(value -> value.equals("\"\"") ? "" : value);
    return new Row(cells[0], cell(cells[1]), defaultValue, cells[3].equals("R"), cell(cells[4]),
        cells[5].equals("ours"), cells[6].equals("hidden"), cell(cells[7]));
  }

  private static Optional<String> cell(String value) {
    return value.equals("-") ? Optional.empty() : Optional.of(value);
  }
}
