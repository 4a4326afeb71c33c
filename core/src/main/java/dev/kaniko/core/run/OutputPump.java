package dev.kaniko.core.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/** Copies a process's output to the log and a sink line by line, on its own thread. */
final class OutputPump {
  private final Thread thread;

  private OutputPump(Thread thread) {
    this.thread = thread;
  }

  static OutputPump start(InputStream output, Logger log, OutputSink sink) {
    Thread thread = new Thread(() -> pump(output, log, sink), "kaniko-run-output");
    thread.setDaemon(true);
    thread.start();
    return new OutputPump(thread);
  }

  /** Waits until the output is closed, at most {@code timeout}; false when it is still open. */
  boolean await(java.time.Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    return !thread.isAlive();
  }

  private static void pump(InputStream output, Logger log, OutputSink sink) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        log.info("{}", line);
        sink.line(line);
      }
    } catch (IOException e) {
      log.debug("output stream closed: {}", e.getMessage());
    }
  }
}
