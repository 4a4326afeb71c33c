package dev.kaniko.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback HTTP/1.1 proxy in front of a plain-HTTP registry that answers the first {@code n}
 * requests matching a rule with an error status (e.g. 503) and forwards everything else unchanged.
 * Each forwarded connection carries one request ({@code Connection: close}), so every request is
 * seen. Use it as the registry host: {@code proxy.host()}.
 */
public final class FaultInjectingProxy implements AutoCloseable {
  private static final int MAX_HEAD = 64 * 1024;
  private static final int TLS_HANDSHAKE = 0x16;
  private static final String PLAIN_PORT_ANSWER = "HTTP/1.0 400 Bad Request\r\n\r\n"
      + "Client sent an HTTP request to an HTTPS server.\n";

  /** The request line and headers of one request, as the proxy saw them. */
  public record Request(String method, String path) {}

  private final String upstreamHost;
  private final int upstreamPort;
  private final Predicate<Request> rule;
  private final int status;
  private final AtomicInteger faultsLeft;
  private final AtomicInteger faultsInjected = new AtomicInteger();
  private final List<Request> seen = Collections.synchronizedList(new ArrayList<>());
  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "fault-proxy");
    thread.setDaemon(true);
    return thread;
  });

  private FaultInjectingProxy(String upstreamHost, int upstreamPort, Predicate<Request> rule,
      int status, int faults) {
    this.upstreamHost = upstreamHost;
    this.upstreamPort = upstreamPort;
    this.rule = rule;
    this.status = status;
    this.faultsLeft = new AtomicInteger(faults);
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the proxy port", e);
    }
    threads.execute(this::acceptLoop);
  }

  /**
   * Starts a proxy to {@code upstream} ({@code host:port}, plain HTTP) answering the first
   * {@code faults} requests that match {@code rule} with {@code status}.
   */
  public static FaultInjectingProxy start(String upstream, Predicate<Request> rule, int status,
      int faults) {
    int colon = upstream.lastIndexOf(':');
    return new FaultInjectingProxy(upstream.substring(0, colon),
        Integer.parseInt(upstream.substring(colon + 1)), rule, status, faults);
  }

  /** A rule matching manifest uploads ({@code PUT /v2/.../manifests/...}). */
  public static Predicate<Request> manifestPuts() {
    return r -> r.method().equals("PUT") && r.path().contains("/manifests/");
  }

  /** {@code 127.0.0.1:PORT} of the proxy. */
  public String host() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** How many faults were injected so far. */
  public int faultsInjected() {
    return faultsInjected.get();
  }

  /** Every request seen, in arrival order. */
  public List<Request> requests() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      in.mark(1);
      if (in.read() == TLS_HANDSHAKE) {
        // like the registry itself: a TLS client probing a plain port gets a plain 400
        client.getOutputStream().write(PLAIN_PORT_ANSWER.getBytes(StandardCharsets.US_ASCII));
        return;
      }
      in.reset();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
      Request request = new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "");
      seen.add(request);
      if (rule.test(request) && faultsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        faultsInjected.incrementAndGet();
        reject(client.getOutputStream());
        return;
      }
      forward(client, in, withConnectionClose(head));
    } catch (IOException e) {
      // the client or upstream went away; nothing to report
    }
  }

  private void reject(OutputStream out) throws IOException {
    String body = "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"injected fault\"}]}";
    String response = "HTTP/1.1 " + status + " Injected Fault\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    out.write(response.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private void forward(Socket client, InputStream clientIn, String head) throws IOException {
    try (Socket upstream = new Socket(upstreamHost, upstreamPort)) {
      OutputStream toUpstream = upstream.getOutputStream();
      toUpstream.write(head.getBytes(StandardCharsets.ISO_8859_1));
      toUpstream.flush();
      threads.execute(() -> {
        try {
          clientIn.transferTo(toUpstream);
        } catch (IOException ignored) {
          // the response side decides when the exchange ends
        }
      });
      upstream.getInputStream().transferTo(client.getOutputStream());
      client.getOutputStream().flush();
    }
  }

  /** Replaces any Connection header with {@code Connection: close}. */
  private static String withConnectionClose(String head) {
    StringBuilder out = new StringBuilder();
    for (String line : head.split("\r\n")) {
      if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
        out.append(line).append("\r\n");
      }
    }
    return out.append("Connection: close\r\n\r\n").toString();
  }

  /** Reads up to and including the blank line ending the head; null at end of stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > MAX_HEAD) {
        throw new IOException("request head over " + MAX_HEAD + " bytes");
      }
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }
}
