package dev.kaniko.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputPumpTest {
  @Test
  void pump_splitsLines_dropsCarriageReturns_keepsLastUnterminatedLine() {
    List<String> lines = pump("one\r\ntwo\n\nthree");

    assertThat(lines).containsExactly("one", "two", "", "three");
  }

  @Test
  void pump_decodesUtf8AcrossBufferBoundaries() {
    String text = "x".repeat(8191) + "é\n";

    assertThat(pump(text)).containsExactly("x".repeat(8191) + "é");
  }

  @Test
  void pump_cutsVeryLongLines() {
    List<String> lines = pump("y".repeat(OutputPump.MAX_LINE * 2 + 5));

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).hasSize(OutputPump.MAX_LINE);
    assertThat(lines.get(2)).isEqualTo("yyyyy");
  }

  private static List<String> pump(String text) {
    List<String> lines = new ArrayList<>();
    OutputPump.pump(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), lines::add);
    return lines;
  }
}
