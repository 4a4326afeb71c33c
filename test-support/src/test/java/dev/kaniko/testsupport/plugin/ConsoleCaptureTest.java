package dev.kaniko.testsupport.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ConsoleCaptureTest {

  @Test
  void start_capturesBothStreams_andCloseRestoresThem() {
    PrintStream out = System.out;
    PrintStream err = System.err;

    ConsoleCapture console = ConsoleCapture.start();
    System.out.println("to out");
    System.err.println("to err");
    console.close();

    assertThat(console.text()).contains("to out").contains("to err");
    assertThat(System.out).isSameAs(out);
    assertThat(System.err).isSameAs(err);
  }
}
