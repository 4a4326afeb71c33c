package dev.kaniko.core.run;

import java.time.Duration;

/** How a RUN command ended: its exit code (0 when returned by a runner) and how long it took. */
public record RunResult(int exitCode, Duration elapsed) {}
