package dev.kaniko.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real {@code buildah} (Debian's) as root with vfs storage and chroot isolation, its
 * storage ({@code --root}/{@code --runroot}), signature policy and registries.conf in a temp
 * directory of its own ({@code TMPDIR} too), so the host's containers storage and config never
 * matter. Close to delete it. Like skopeo, it still updates containers/image's blob info cache
 * ({@code /var/lib/containers/cache} for root), which no flag moves.
 */
public final class Buildah implements AutoCloseable {
  private final Path home;
  private final CommandRunner runner;

  /** A fresh storage in a new temp directory. */
  public Buildah() {
    this.home = TempDirs.create("kaniko-buildah-");
    write(home.resolve("policy.json"), "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}");
    write(home.resolve("registries.conf"), "unqualified-search-registries = []\n");
    write(home.resolve("storage.conf"), "[storage]\ndriver = \"vfs\"\ngraphroot = \""
        + home.resolve("root") + "\"\nrunroot = \"" + home.resolve("runroot") + "\"\n");
    createDirectory(home.resolve("tmp"));
    this.runner = CommandRunner.create().withTimeout(Duration.ofMinutes(5)).withEnvironment(Map.of(
        "CONTAINERS_REGISTRIES_CONF", home.resolve("registries.conf").toString(),
        "CONTAINERS_STORAGE_CONF", home.resolve("storage.conf").toString(),
        "TMPDIR", home.resolve("tmp").toString(),
        "BUILDAH_ISOLATION", "chroot", "STORAGE_DRIVER", "vfs"));
  }

  /** What {@link #bud} builds: Dockerfile, context, build args, target, labels. */
  public record Request(Path context, Path dockerfile, Map<String, String> buildArgs,
      String target, Map<String, String> labels) {}

  /**
   * {@code buildah bud --format docker} (HEALTHCHECK, ONBUILD, SHELL survive only in the Docker
   * format), pulling bases over plain HTTP; tags the image {@code tag}. Returns the command result
   * (failed builds are returned, not thrown).
   */
  public CommandResult bud(Request request, String tag) {
    List<String> args = new ArrayList<>(List.of("bud", "--isolation", "chroot", "--format", "docker",
        "--tls-verify=false", "--signature-policy", home.resolve("policy.json").toString(),
        "--pull=false", "-f", request.dockerfile().toString(), "-t", tag));
    request.buildArgs().forEach((k, v) -> args.addAll(List.of("--build-arg", k + "=" + v)));
    request.labels().forEach((k, v) -> args.addAll(List.of("--label", k + "=" + v)));
    if (request.target() != null) {
      args.addAll(List.of("--target", request.target()));
    }
    args.add(request.context().toString());
    return runner.run(command(args));
  }

  /** Writes the image {@code tag} as Docker v2s2 to {@code dir} ({@code dir:} transport, as skopeo does). */
  public void pushToDir(String tag, Path dir) {
    runner.runChecked(command(List.of("push", "--format", "v2s2", "--signature-policy",
        home.resolve("policy.json").toString(), "--quiet", tag, "dir:" + dir)));
  }

  /** Removes the image {@code tag} (frees its vfs copy; bases stay for the next build). */
  public void removeImage(String tag) {
    runner.run(command(List.of("rmi", "-f", tag)));
  }

  @Override
  public void close() {
    runner.run(command(List.of("rm", "-a")));
    TempDirs.deleteRecursively(home);
  }

  private List<String> command(List<String> args) {
    List<String> command = new ArrayList<>(List.of("buildah", "--root", home.resolve("root").toString(),
        "--runroot", home.resolve("runroot").toString(), "--storage-driver", "vfs"));
    command.addAll(args);
    return command;
  }

  private static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
