package dev.kaniko.core.layer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs real tools (tar, gzip, umoci, skopeo...) for tests; fails with their stderr. */
public final class Processes {
  private Processes() {}

  public static String run(String... command) throws IOException, InterruptedException {
    return run(null, List.of(command));
  }

  public static String run(Path dir, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    String out = readAll(p.getInputStream());
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          "command failed (" + p.exitValue() + "): " + command + "\n" + err.join() + out);
    }
    return out;
  }

  /** Runs a shell pipeline with bash -o pipefail. */
  public static String sh(String script) throws IOException, InterruptedException {
    return run(null, List.of("bash", "-o", "pipefail", "-c", script));
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<unreadable: " + e + ">";
    }
  }
}
