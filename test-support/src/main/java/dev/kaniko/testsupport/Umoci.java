package dev.kaniko.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real {@code umoci} binary on OCI image layouts; failures name the command, exit code and stderr. */
public final class Umoci {

  private final CommandRunner runner;

  public Umoci() {
    this(CommandRunner.create());
  }

  public Umoci(CommandRunner runner) {
    this.runner = runner;
  }

  /** Creates an empty OCI image layout at {@code layout}. */
  public void init(Path layout) {
    run("init", "--layout", layout.toString());
  }

  /** Creates a new image with no layers, tagged {@code tag}. */
  public void newImage(Path layout, String tag) {
    run("new", "--image", image(layout, tag));
  }

  /** Points {@code newTag} at the manifest {@code tag} points at. */
  public void tag(Path layout, String tag, String newTag) {
    run("tag", "--image", image(layout, tag), newTag);
  }

  /** Adds a layer holding the directory or file {@code source} at {@code target} (ownership and modes as on disk). */
  public void insert(Path layout, String tag, Path source, String target) {
    run("insert", "--image", image(layout, tag), source.toString(), target);
  }

  /** Runs {@code umoci config} with raw options, e.g. {@code "--config.cmd", "sh"}. */
  public void config(Path layout, String tag, String... options) {
    List<String> args = new ArrayList<>(List.of("config", "--image", image(layout, tag)));
    args.addAll(List.of(options));
    run(args.toArray(String[]::new));
  }

  /**
   * Unpacks the image's layers into {@code rootfs} ({@code umoci raw unpack}): fast, no runtime bundle.
   * Returns {@code rootfs}.
   */
  public Path unpackRootfs(Path layout, String tag, Path rootfs) {
    List<String> args = new ArrayList<>(List.of("raw", "unpack"));
    if (!HostPlatform.isRoot()) {
      args.add("--rootless");
    }
    args.addAll(List.of("--image", image(layout, tag), rootfs.toString()));
    run(args.toArray(String[]::new));
    return rootfs;
  }

  /**
   * Unpacks the image into an OCI runtime bundle (config.json, mtree manifest) and returns its {@code rootfs}.
   * Slow for images with many hard links (it hashes every path); prefer {@link #unpackRootfs}.
   */
  public Path unpack(Path layout, String tag, Path bundle) {
    List<String> args = new ArrayList<>(List.of("unpack"));
    if (!HostPlatform.isRoot()) {
      args.add("--rootless");
    }
    args.addAll(List.of("--image", image(layout, tag), bundle.toString()));
    run(args.toArray(String[]::new));
    return bundle.resolve("rootfs");
  }

  private static String image(Path layout, String tag) {
    return layout + ":" + tag;
  }

  private CommandResult run(String... args) {
    List<String> command = new ArrayList<>();
    command.add("umoci");
    command.addAll(List.of(args));
    return runner.runChecked(command);
  }
}
