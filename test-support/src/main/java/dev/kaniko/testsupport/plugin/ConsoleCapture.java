package dev.kaniko.testsupport.plugin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Redirects {@code System.out} and {@code System.err} into one buffer until closed, for scanning output for secrets. */
public final class ConsoleCapture implements AutoCloseable {

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out;
  private final PrintStream err;

  private ConsoleCapture() {
    out = System.out;
    err = System.err;
    PrintStream tee = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
  }

  /** Starts capturing. */
  public static ConsoleCapture start() {
    return new ConsoleCapture();
  }

  /** Everything printed to either stream so far. */
  public String text() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** Puts the original streams back. */
  @Override
  public void close() {
    System.setOut(out);
    System.setErr(err);
  }
}
