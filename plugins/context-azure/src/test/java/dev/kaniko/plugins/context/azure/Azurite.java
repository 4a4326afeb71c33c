package dev.kaniko.plugins.context.azure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite's blob service (npm {@code azurite}, installed by {@code scripts/install-test-deps.sh}) started on a free
 * loopback port with a throw-away data directory, and stopped on {@link #close()}.
 */
final class Azurite implements AutoCloseable {

  /** Azurite's well-known development account and key (public, documented by Microsoft). */
  static final String ACCOUNT = "devstoreaccount1";

  static final String ACCOUNT_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final String EXECUTABLE = "azurite-blob";

  private final Process process;
  private final int port;
  private final Path log;

  private Azurite(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static Azurite start(Path dataDir) throws IOException, InterruptedException {
    int port = freePort();
    Path log = dataDir.resolve("azurite.log");
    List<String> command = List.of(executable(), "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port),
        "--location", dataDir.toString(), "--skipApiVersionCheck", "--loose", "--silent");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Azurite azurite = new Azurite(process, port, log);
    azurite.awaitListening(Duration.ofSeconds(60));
    return azurite;
  }

  /** A connection string for the development account, with {@code accountKey}. */
  String connectionString(String accountKey) {
    return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + accountKey
        + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
  }

  private static String executable() throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, EXECUTABLE);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IOException(EXECUTABLE + " is not on the PATH: run scripts/install-test-deps.sh (npm azurite)");
  }

  private void awaitListening(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("azurite exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IOException("azurite did not listen on 127.0.0.1:" + port + " within " + timeout);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
