package dev.kaniko.testsupport.context;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Azurite's blob service (npm {@code azurite}, installed by {@code scripts/install-test-deps.sh}) started on a free
 * loopback port with a throw-away data directory, and stopped on {@link #close()}. {@link #putBlob} uploads with
 * the development account's shared key, for tests without the Azure SDK.
 */
public final class Azurite implements AutoCloseable {

  /** Azurite's well-known development account and key (public, documented by Microsoft). */
  public static final String ACCOUNT = "devstoreaccount1";

  public static final String ACCOUNT_KEY =
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

  public static Azurite start(Path dataDir) throws IOException, InterruptedException {
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
  public String connectionString(String accountKey) {
    return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + accountKey
        + ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
  }

  /** Creates {@code container} (if missing) and uploads {@code file} as the block blob {@code blob} in it. */
  public void putBlob(String container, String blob, Path file) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> created = client.send(signed("/" + container, "?restype=container",
        Map.of(), 0, HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201 && created.statusCode() != 409) {
      throw new IOException("azurite: create container " + container + ": " + created.statusCode() + " "
          + created.body());
    }
    HttpResponse<String> put = client.send(signed("/" + container + "/" + blob, "",
        Map.of("x-ms-blob-type", "BlockBlob"), Files.size(file), HttpRequest.BodyPublishers.ofFile(file)),
        HttpResponse.BodyHandlers.ofString());
    if (put.statusCode() != 201) {
      throw new IOException("azurite: put blob " + blob + ": " + put.statusCode() + " " + put.body());
    }
  }

  /** A PUT signed with the account key (Shared Key authorization, path-style emulator URL). */
  private HttpRequest signed(String path, String query, Map<String, String> headers, long length,
      HttpRequest.BodyPublisher body) {
    Map<String, String> msHeaders = new TreeMap<>(headers);
    msHeaders.put("x-ms-date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
    msHeaders.put("x-ms-version", "2021-08-06");
    StringBuilder toSign = new StringBuilder("PUT\n\n\n").append(length == 0 ? "" : String.valueOf(length))
        .append("\n\n\n\n\n\n\n\n\n");
    msHeaders.forEach((name, value) -> toSign.append(name).append(':').append(value).append('\n'));
    String resourcePath = "/" + ACCOUNT + path;
    toSign.append('/').append(ACCOUNT).append(resourcePath);
    if (!query.isEmpty()) {
      for (String pair : new TreeSet<>(List.of(query.substring(1).split("&")))) {
        toSign.append('\n').append(pair.replaceFirst("=", ":"));
      }
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + resourcePath + query)).PUT(body);
    msHeaders.forEach(request::header);
    return request.header("Authorization", "SharedKey " + ACCOUNT + ":" + hmac(toSign.toString())).build();
  }

  private static String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(ACCOUNT_KEY), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
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
