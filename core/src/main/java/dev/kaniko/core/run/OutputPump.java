package dev.kaniko.core.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Copies a process's output to the log and a sink line by line, on its own thread. A line longer than
 * {@link #MAX_LINE} bytes is cut into pieces, so output without newlines never piles up in memory.
 */
final class OutputPump {
  static final int MAX_LINE = 64 * 1024;

  private final Thread thread;

  private OutputPump(Thread thread) {
    this.thread = thread;
  }

  static OutputPump start(InputStream output, Logger log, OutputSink sink) {
    Thread thread = new Thread(() -> pump(output, line -> {
      log.info("{}", line);
      sink.line(line);
    }), "kaniko-run-output");
    thread.setDaemon(true);
    thread.start();
    return new OutputPump(thread);
  }

  /** Waits until the output is closed, at most {@code timeout}; false when it is still open. */
  boolean await(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    return !thread.isAlive();
  }

  static void pump(InputStream output, OutputSink sink) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (output) {
      int n;
      while ((n = output.read(buffer)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            emit(line, sink);
          } else {
            line.write(buffer[i]);
            if (line.size() >= MAX_LINE) {
              emit(line, sink);
            }
          }
        }
      }
    } catch (IOException e) {
      // the process is gone and took its pipe with it: what was read is emitted below
    }
    if (line.size() > 0) {
      emit(line, sink);
    }
  }

  private static void emit(ByteArrayOutputStream line, OutputSink sink) {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    sink.line(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
  }
}
