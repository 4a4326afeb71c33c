package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kaniko.testsupport.BaseImages;
import dev.kaniko.testsupport.Buildah;
import dev.kaniko.testsupport.CommandResult;
import dev.kaniko.testsupport.HostPlatform;
import dev.kaniko.testsupport.ImageTree;
import dev.kaniko.testsupport.RegistryExtension;
import dev.kaniko.testsupport.Skopeo;
import dev.kaniko.testsupport.TempDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The data-driven Dockerfile suite: every directory of {@code src/test/resources/dockerfiles/} is
 * built in process by the executor against one harness registry, pulled back and checked against
 * its {@code expect.json} (files and config, field by field); then built with buildah (in the
 * background, one build at a time, while ours run) and compared with our image after the
 * normalisations of {@link BuildahDifferential} (docs/differential.md).
 */
class DockerfileCasesIT {
  @RegisterExtension static RegistryExtension registry = RegistryExtension.plain();

  private static Path temp;
  private static Buildah buildah;
  private static final Map<String, Built> OURS = new ConcurrentHashMap<>();
  private static final Map<String, Future<Theirs>> THEIRS = new ConcurrentHashMap<>();
  /** buildah builds run one at a time in the background, next to our in-process builds. */
  private static final ExecutorService BUILDAH_THREAD = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "buildah-cases");
    thread.setDaemon(true);
    return thread;
  });

  /** Our build of one case: the executor's outcome and, when it succeeded, the pulled image. */
  record Built(CliHarness.Result result, ImageTree image) {}

  /** buildah's build of one case: its outcome and, when it succeeded, the image it wrote. */
  record Theirs(CommandResult result, ImageTree image) {}

  @BeforeAll
  static void pushBases() {
    assumeTrue(HostPlatform.isRoot(), "RUN in chroot mode and files of other owners need root");
    BaseImages.pushBusybox(registry);
    temp = TempDirs.create("kaniko-cases-");
  }

  @AfterAll
  static void cleanUp() throws InterruptedException {
    BUILDAH_THREAD.shutdownNow();
    BUILDAH_THREAD.awaitTermination(5, TimeUnit.MINUTES);
    if (buildah != null) {
      buildah.close();
    }
    if (temp != null) {
      TempDirs.deleteRecursively(temp);
    }
  }

  @TestFactory
  Stream<DynamicNode> cases() {
    String only = System.getProperty("kaniko.cases", ".*");
    List<DockerfileCase> cases =
        DockerfileCase.all().stream().filter(c -> c.name().matches(only)).toList();
    for (DockerfileCase c : cases) {
      if (c.buildahSkip() == null && c.parentDockerfile() == null) { // a parent is ours: built later
        THEIRS.put(c.name(), BUILDAH_THREAD.submit(() -> buildahBuild(c)));
      }
    }
    return cases.stream()
        .map(c -> DynamicContainer.dynamicContainer(c.name(), Stream.of(
            DynamicTest.dynamicTest("builds as expected", () -> checkExpectations(c)),
            DynamicTest.dynamicTest("matches buildah", () -> compareWithBuildah(c)))));
  }

  private void checkExpectations(DockerfileCase c) throws Exception {
    Built built = ours(c);
    if (c.error() != null) {
      assertThat(built.result().exitCode()).as("the build must fail").isNotZero();
      assertThat(built.result().err()).contains(c.error());
      return;
    }
    new CaseExpectations(c, built.image()).assertAll();
  }

  private void compareWithBuildah(DockerfileCase c) throws Exception {
    assumeTrue(c.buildahSkip() == null, () -> "not built with buildah: " + c.buildahSkip());
    Built ours = ours(c);
    Future<Theirs> pending = THEIRS.get(c.name());
    Theirs theirs = pending != null ? pending.get() : buildahBuild(c);
    CommandResult result = theirs.result();
    if (c.error() != null) {
      assertThat(result.exitCode()).as("buildah must refuse it too: " + result.stdout()).isNotZero();
      return;
    }
    assertThat(result.exitCode()).as("buildah build:\n" + result.stdout() + result.stderr()).isZero();
    BuildahDifferential.assertSame(ours.image(), theirs.image(), c.buildahIgnored());
  }

  private static Theirs buildahBuild(DockerfileCase c) throws Exception {
    Path context = c.prepareContext(temp.resolve(c.name() + "/buildah-context"));
    Map<String, String> args = baseArgs(c);
    args.putAll(c.buildArgs());
    CommandResult result = buildah().bud(new Buildah.Request(context,
        context.resolve(c.dockerfile()), args, c.target(), c.labels()), tag(c));
    if (!result.succeeded()) {
      return new Theirs(result, null);
    }
    Path dir = temp.resolve(c.name() + "/buildah-image");
    buildah().pushToDir(tag(c), dir);
    buildah().removeImage(tag(c));
    return new Theirs(result, ImageTree.readDir(dir));
  }

  private static synchronized Buildah buildah() {
    if (buildah == null) {
      buildah = new Buildah();
    }
    return buildah;
  }

  private static String tag(DockerfileCase c) {
    return "localhost/cases/" + c.name() + ":buildah";
  }

  private static Map<String, String> baseArgs(DockerfileCase c) {
    Map<String, String> args = new LinkedHashMap<>();
    args.put("BASE", registry.reference(BaseImages.BUSYBOX));
    if (c.parentDockerfile() != null) {
      args.put("PARENT", registry.reference("cases/" + c.name() + "-parent:1"));
    }
    return args;
  }

  private Built ours(DockerfileCase c) throws Exception {
    Built known = OURS.get(c.name());
    if (known != null) {
      return known;
    }
    Path caseDir = Files.createDirectories(temp.resolve(c.name()));
    Path context = c.prepareContext(caseDir.resolve("context"));
    if (c.parentDockerfile() != null) {
      CliHarness.Result parent = executor(caseDir, context, c.parentDockerfile(),
          registry.reference("cases/" + c.name() + "-parent:1"),
          List.of("--build-arg", "BASE=" + registry.reference(BaseImages.BUSYBOX)));
      assertThat(parent.exitCode()).as("parent build: " + parent.err()).isZero();
    }
    List<String> flags = new ArrayList<>();
    baseArgs(c).forEach((k, v) -> flags.addAll(List.of("--build-arg", k + "=" + v)));
    c.buildArgs().forEach((k, v) -> flags.addAll(List.of("--build-arg", k + "=" + v)));
    c.labels().forEach((k, v) -> flags.addAll(List.of("--label", k + "=" + v)));
    Optional.ofNullable(c.target()).ifPresent(t -> flags.addAll(List.of("--target", t)));
    flags.addAll(c.extraFlags());
    String destination = registry.reference("cases/" + c.name() + ":1");
    CliHarness.Result result = executor(caseDir, context, c.dockerfile(), destination, flags);
    ImageTree image = null;
    if (result.exitCode() == 0) {
      Path dir = caseDir.resolve("image");
      new Skopeo().copy(Skopeo.docker(destination), "dir:" + dir).sourceAccess(registry.access()).run();
      image = ImageTree.readDir(dir);
    } else if (c.error() == null) {
      fail("build of " + c.name() + " failed:\n" + result.err());
    }
    Built built = new Built(result, image);
    OURS.put(c.name(), built);
    return built;
  }

  private static CliHarness.Result executor(Path caseDir, Path context, String dockerfile,
      String destination, List<String> flags) throws Exception {
    ExecutorRun run = new ExecutorRun(new PluginContextFetchers(Map.of(), Optional.empty()),
        new ContainerDetector(Files.createDirectories(caseDir.resolve("host-root")), Map.of()),
        new DockerfileLocator(context));
    List<String> args = new ArrayList<>(List.of("--context", context.toString(),
        "--dockerfile", context.resolve(dockerfile).toString(), "--destination", destination,
        "--kaniko-dir", caseDir.resolve("kaniko").toString()));
    args.addAll(flags);
    return CliHarness.executor(Map.of(), run, args.toArray(String[]::new));
  }

  static String sha256(String text) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final ObjectMapper SORTED = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** JSON text with object members sorted (member order carries no meaning in a config). */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "null";
    }
    try {
      return SORTED.writeValueAsString(SORTED.treeToValue(node, Object.class));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
