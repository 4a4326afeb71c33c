package dev.kaniko.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A loopback HTTPS token server for docker-registry's {@code auth: token} (distribution token spec): checks
 * basic credentials and issues RS256 JWTs whose {@code kid} is the libtrust key id of its signing certificate.
 */
public final class TokenServer implements AutoCloseable {

  private static final long LIFETIME_SECONDS = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpsServer server;
  private final Path signingCert;
  private final PrivateKey signingKey;
  private final String keyId;
  private final String service;
  private final String issuer;
  private final String username;
  private final String password;
  private final List<String> issued = new CopyOnWriteArrayList<>();
  private final List<String> refusedUsers = new CopyOnWriteArrayList<>();

  private TokenServer(HttpsServer server, Path signingCert, PrivateKey signingKey, String keyId, String service,
      String issuer, String username, String password) {
    this.server = server;
    this.signingCert = signingCert;
    this.signingKey = signingKey;
    this.keyId = keyId;
    this.service = service;
    this.issuer = issuer;
    this.username = username;
    this.password = password;
  }

  /**
   * Starts a token server on a free loopback port, serving TLS with {@code tls}'s server certificate; it
   * generates its RSA signing key and certificate into {@code dir}.
   */
  public static TokenServer start(Path dir, TestCertificates tls, String username, String password) {
    return start(dir, tls, username, password, CommandRunner.create().masking(password));
  }

  static TokenServer start(Path dir, TestCertificates tls, String username, String password, CommandRunner runner) {
    try {
      Files.createDirectories(dir);
      Path key = dir.resolve("token-signing.key");
      Path cert = dir.resolve("token-signing.crt");
      runner.runChecked(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
          "-out", cert.toString(), "-days", "7", "-subj", "/CN=kaniko test token signer"));
      X509Certificate signer = readCertificate(cert);
      HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
      server.setHttpsConfigurator(new HttpsConfigurator(serverTls(tls)));
      TokenServer tokens = new TokenServer(server, cert, readPrivateKey(key, "RSA"),
          libtrustKeyId(signer.getPublicKey().getEncoded()), "kaniko-test-registry", "kaniko-test-token-issuer",
          username, password);
      server.createContext("/token", tokens::handle);
      server.start();
      return tokens;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot start the token server: " + e.getMessage(), e);
    }
  }

  /** The realm URL the registry sends clients to: {@code https://127.0.0.1:PORT/token}. */
  public String realm() {
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  public String service() {
    return service;
  }

  public String issuer() {
    return issuer;
  }

  /** The PEM certificate whose key signs the tokens (the registry's {@code rootcertbundle}). */
  public Path rootCertBundle() {
    return signingCert;
  }

  /** Every token issued so far (so tests can check that none of them leaks). */
  public List<String> issuedTokens() {
    return List.copyOf(issued);
  }

  /** How many token requests were refused for bad or missing credentials. */
  public int refusedRequests() {
    return refusedUsers.size();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  @Override
  public String toString() {
    return "TokenServer{" + realm() + ", user=" + username + ":****}";
  }

  // ---- the token endpoint ----

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String user = authenticatedUser(exchange.getRequestHeaders().getFirst("Authorization"));
      if (user == null) {
        refusedUsers.add("?");
        reply(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
        return;
      }
      String token = sign(claims(user, scopes(exchange.getRequestURI().getRawQuery())));
      issued.add(token);
      ObjectNode body = JSON.createObjectNode().put("token", token).put("access_token", token)
          .put("expires_in", LIFETIME_SECONDS).put("issued_at", Instant.now().toString());
      reply(exchange, 200, JSON.writeValueAsString(body));
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot sign a token: " + e.getMessage(), e);
    }
  }

  private String authenticatedUser(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    String user = decoded.substring(0, colon);
    boolean ok = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8), username.getBytes(StandardCharsets.UTF_8))
        && MessageDigest.isEqual(decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8),
            password.getBytes(StandardCharsets.UTF_8));
    return ok ? user : null;
  }

  /** {@code scope=repository:NAME:pull,push} parameters (repeated or space separated). */
  private static List<String[]> scopes(String rawQuery) {
    List<String[]> scopes = new ArrayList<>();
    if (rawQuery == null) {
      return scopes;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq < 0 || !pair.substring(0, eq).equals("scope")) {
        continue;
      }
      for (String scope : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).split(" ")) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first > 0 && last > first) {
          scopes.add(new String[] {scope.substring(0, first), scope.substring(first + 1, last),
              scope.substring(last + 1)});
        }
      }
    }
    return scopes;
  }

  private ObjectNode claims(String user, List<String[]> scopes) {
    long now = Instant.now().getEpochSecond();
    ObjectNode claims = JSON.createObjectNode().put("iss", issuer).put("sub", user).put("aud", service)
        .put("exp", now + LIFETIME_SECONDS).put("nbf", now - 10).put("iat", now)
        .put("jti", UUID.randomUUID().toString());
    ArrayNode access = claims.putArray("access");
    for (String[] scope : scopes) {
      ObjectNode entry = access.addObject().put("type", scope[0]).put("name", scope[1]);
      ArrayNode actions = entry.putArray("actions");
      Arrays.stream(scope[2].split(",")).filter(a -> !a.isBlank()).forEach(actions::add);
    }
    return claims;
  }

  private String sign(ObjectNode claims) throws IOException, GeneralSecurityException {
    ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256").put("kid", keyId);
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String signingInput = url.encodeToString(JSON.writeValueAsBytes(header)) + "."
        + url.encodeToString(JSON.writeValueAsBytes(claims));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(signingKey);
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + url.encodeToString(rsa.sign());
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (status == 401) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"kaniko-test-token\"");
    }
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  // ---- keys ----

  /**
   * The libtrust key id docker-registry matches a JWT {@code kid} against: SHA-256 of the DER
   * SubjectPublicKeyInfo, first 240 bits, base32 without padding, in 12 colon-separated groups of 4.
   */
  static String libtrustKeyId(byte[] subjectPublicKeyInfo) throws GeneralSecurityException {
    byte[] hash = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(subjectPublicKeyInfo), 30);
    String base32 = base32(hash);
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < base32.length(); i += 4) {
      if (i > 0) {
        id.append(':');
      }
      id.append(base32, i, i + 4);
    }
    return id.toString();
  }

  private static String base32(byte[] data) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  private static SSLContext serverTls(TestCertificates tls) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] none = new char[0];
    store.setKeyEntry("server", readPrivateKey(tls.serverKey(), "EC"), none,
        new Certificate[] {readCertificate(tls.serverCert())});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, none);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static X509Certificate readCertificate(Path pem) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private static PrivateKey readPrivateKey(Path pem, String algorithm) throws IOException, GeneralSecurityException {
    String text = Files.readString(pem);
    if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new GeneralSecurityException(pem + " is not a PKCS#8 PEM key");
    }
    String base64 = text.substring(text.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
        text.indexOf("-----END PRIVATE KEY-----")).replaceAll("\\s", "");
    return KeyFactory.getInstance(algorithm.toUpperCase(Locale.ROOT))
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
