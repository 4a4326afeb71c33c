package dev.kaniko.core.run;

/** Receives the command's output (stdout and stderr merged) one line at a time, as it arrives. */
@FunctionalInterface
public interface OutputSink {
  OutputSink NONE = line -> {};

  void line(String line);
}
