package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import dev.kaniko.core.build.ImageBuilder;
import dev.kaniko.core.options.BuildOptions;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.ImageFormat;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Umoci;
import dev.kaniko.testsupport.context.LoopbackHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY/ADD features on the harness busybox, in process: symbolic --chmod, --exclude, --parents,
 * --link, --from=<registry image>, ADD of URLs (checksum, chown, not extracted unless --unpack),
 * ADD of .tar.xz.
 */
class CopyAddFeaturesIT {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  private static final String DATA = "remote data\n";
  private static final String LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT";

  @TempDir Path temp;

  private static void serve(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
    LoopbackHttpServer.respond(exchange, 200, DATA);
  }

  /** Serves {@code archive} at /files/app.tar.xz and {@link #DATA} elsewhere. */
  private static void serveWithArchive(HttpExchange exchange, Path archive) throws IOException {
    if (exchange.getRequestURI().getPath().equals("/files/app.tar.xz")) {
      LoopbackHttpServer.respondWithFile(exchange, archive);
    } else {
      serve(exchange);
    }
  }

  private void build(Path context, String dockerfile, Path layout) throws Exception {
    Files.writeString(context.resolve("Dockerfile"), dockerfile);
    Path docker = Files.createDirectories(temp.resolve("docker"));
    Files.writeString(docker.resolve("config.json"), "{}");
    BuildOptions options = BuildOptions.builder().context(context.toString()).noPush(true)
        .ociLayoutPath(Optional.of(layout)).build();
    new ImageBuilder(options, temp.resolve("work"), Clock.systemUTC(),
        Map.of("DOCKER_CONFIG", docker.toString())).build(context, context.resolve("Dockerfile"));
  }

  private static void write(Path context, String path, String content) throws IOException {
    Path p = context.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static int mode(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
  }

  @Test
  void copyAndAddFlags_onBusybox() throws Exception {
    BaseImages.pushBusybox(registry, ImageFormat.OCI);
    String busybox = registry.reference("base/busybox:latest");
    Path context = Files.createDirectories(temp.resolve("ctx"));
    write(context, "tool.sh", "#!/bin/sh\n");
    write(context, "conf/app.conf", "conf");
    write(context, "src/main.c", "main");
    write(context, "src/debug.log", "log");
    write(context, "src/tmp/scratch.c", "tmp");
    write(context, "src/lib/util.c", "util");
    write(context, "a/b/c.txt", "c");
    write(context, "docs/x/readme.md", "readme");
    write(context, "docs/y/z/notes.md", "notes");
    write(context, "docs/y/skip.txt", "skip");
    Path archive = context.resolve("app.tar.xz");
    writeTarXz(archive);
    try (LoopbackHttpServer server =
        LoopbackHttpServer.http(exchange -> serveWithArchive(exchange, archive))) {
      String url = server.baseUrl() + "/files/data.txt";
      String checksum = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(DATA.getBytes(StandardCharsets.UTF_8)));
      Path layout = temp.resolve("oci");

      build(context, "FROM " + busybox + "\n"
          + "RUN ln -s /etc /linked\n"
          + "COPY --chmod=u=rwx,g=rx,o= tool.sh /opt/tool.sh\n"
          + "COPY --chmod=a-w,u+w,+X conf /conf/\n"
          + "COPY --exclude=*.log --exclude=tmp src /src/\n"
          + "COPY --parents ./a/./b/c.txt docs/**/*.md /p/\n"
          + "COPY --from=" + busybox + " /bin/busybox /from-image/busybox\n"
          + "COPY --link tool.sh /linked/\n"
          + "ADD --checksum=" + checksum + " " + url + " /dl/\n"
          + "ADD --chown=app:app " + server.baseUrl() + "/files/app.tar.xz /dl/named.tar.xz\n"
          + "ADD --unpack=true " + server.baseUrl() + "/files/app.tar.xz /unpacked/\n"
          + "ADD app.tar.xz /xz/\n", layout);

      Path rootfs = new Umoci().unpackRootfs(layout, "latest", temp.resolve("rootfs"));
      assertThat(mode(rootfs.resolve("opt/tool.sh"))).isEqualTo(0750);
      assertThat(mode(rootfs.resolve("conf"))).isEqualTo(0755);
      assertThat(mode(rootfs.resolve("conf/app.conf"))).isEqualTo(0644);
      assertThat(tree(rootfs.resolve("src"))).containsExactlyInAnyOrder("main.c", "lib/util.c");
      assertThat(tree(rootfs.resolve("p"))).containsExactlyInAnyOrder("b/c.txt",
          "docs/x/readme.md", "docs/y/z/notes.md");
      assertThat(rootfs.resolve("from-image/busybox"))
          .hasSameBinaryContentAs(rootfs.resolve("bin/busybox"));
      assertThat(Files.isSymbolicLink(rootfs.resolve("linked"))).isFalse();
      assertThat(rootfs.resolve("linked/tool.sh")).hasContent("#!/bin/sh");
      assertThat(rootfs.resolve("etc/tool.sh")).doesNotExist();
      Path data = rootfs.resolve("dl/data.txt");
      assertThat(data).hasContent(DATA.strip());
      assertThat(mode(data)).isEqualTo(0600);
      assertThat(Files.getLastModifiedTime(data).toInstant())
          .isEqualTo(Instant.parse("2015-10-21T07:28:00Z"));
      Path named = rootfs.resolve("dl/named.tar.xz");
      assertThat(named).as("a download is never extracted").hasSameBinaryContentAs(archive);
      assertThat(Files.getAttribute(named, "unix:uid")).isEqualTo(1000);
      assertThat(rootfs.resolve("xz/bin/tool")).hasContent("xz tool");
      assertThat(rootfs.resolve("unpacked/bin/tool")).hasContent("xz tool");
      assertThat(rootfs.resolve("unpacked/app.tar.xz")).doesNotExist();
    }
  }

  @Test
  void checksumMismatch_failsWithTheLine_andBadChmodToo() throws Exception {
    BaseImages.pushBusybox(registry, ImageFormat.OCI);
    String busybox = registry.reference("base/busybox:latest");
    Path context = Files.createDirectories(temp.resolve("ctx"));
    write(context, "f.txt", "f");
    try (LoopbackHttpServer server = LoopbackHttpServer.http(CopyAddFeaturesIT::serve)) {
      String wrong = "sha256:" + "0".repeat(64);
      assertThatThrownBy(() -> build(context, "FROM " + busybox + "\n\nADD --checksum=" + wrong
          + " " + server.baseUrl() + "/d.txt /d.txt\n", temp.resolve("oci")))
          .hasMessageStartingWith("Dockerfile:3: checksum mismatch for " + server.baseUrl()
              + "/d.txt: expected " + wrong + ", got sha256:");
      String missing = registry.reference("nope/missing:1");
      assertThatThrownBy(() -> build(context, "FROM " + busybox + "\nCOPY --from=" + missing
          + " /x /x\n", temp.resolve("oci")))
          .hasMessageStartingWith("Dockerfile:2: COPY --from=" + missing + ": ")
          .hasMessageNotContaining("\n");
      assertThatThrownBy(() -> build(context, "FROM " + busybox + "\nCOPY --chmod=u+rwz f.txt /\n",
          temp.resolve("oci")))
          .hasMessageStartingWith("Dockerfile:2: invalid --chmod u+rwz:")
          .hasMessageNotContaining("\n");
    }
  }

  private static java.util.List<String> tree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
    }
  }

  private static void writeTarXz(Path file) throws IOException {
    byte[] data = "xz tool".getBytes(StandardCharsets.UTF_8);
    try (OutputStream raw = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new XZCompressorOutputStream(raw))) {
      TarArchiveEntry entry = new TarArchiveEntry("bin/tool");
      entry.setSize(data.length);
      entry.setMode(0100755);
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
    }
  }
}
