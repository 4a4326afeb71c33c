package dev.kaniko.core.build;

import dev.kaniko.core.copy.ChrootPath;
import dev.kaniko.core.copy.DockerIgnore;
import dev.kaniko.core.dockerfile.Dockerfile;
import dev.kaniko.core.dockerfile.Stage;
import dev.kaniko.core.options.SecretSpec;
import dev.kaniko.core.run.RunMount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Resolves a RUN's {@code --mount}s to host paths: bind sources inside the context or a stage
 * (chroot-safe; {@code rw} binds a throw-away copy), cache directories under
 * {@code <kaniko-dir>/run-cache/<sha256(id)>}, tmpfs, and secrets (a private file or an env var).
 */
final class RunMounts {
  private final Path context;
  private final Dockerfile dockerfile;
  private final Map<Integer, StageState> stages;
  private final Path cacheRoot;
  private final Map<String, SecretSpec> secrets = new LinkedHashMap<>();
  private final Map<String, String> env;
  private final Path scratchDir;
  private DockerIgnore ignore = DockerIgnore.none();

  /**
   * @param cacheRoot where cache mounts live ({@code <kaniko-dir>/run-cache}); kept across builds
   * @param env for {@code --secret id=ID,env=VAR}: the process environment with these entries
   *     added (a test's or a caller's own)
   * @param scratchDir throw-away copies (rw binds, secret files), deleted after each RUN
   */
  RunMounts(Path context, Dockerfile dockerfile, Map<Integer, StageState> stages, Path cacheRoot,
      List<SecretSpec> secrets, Map<String, String> env, Path scratchDir) {
    this.context = context;
    this.dockerfile = dockerfile;
    this.stages = stages;
    this.cacheRoot = cacheRoot;
    secrets.forEach(s -> this.secrets.put(s.id(), s));
    Map<String, String> merged = new LinkedHashMap<>(System.getenv());
    merged.putAll(env);
    this.env = merged;
    this.scratchDir = scratchDir;
  }

  /** Binds of the context hide what {@code .dockerignore} excludes, as BuildKit's context does. */
  RunMounts withIgnore(DockerIgnore value) {
    this.ignore = value;
    return this;
  }

  /** The mounts of one RUN, ready for the runner; close it after the RUN. */
  Prepared prepare(List<RunMountOptions> mounts) throws IOException {
    Prepared prepared = new Prepared();
    try {
      for (RunMountOptions m : mounts) {
        switch (m.type()) {
          case "bind" -> prepared.mounts.add(bind(m, prepared));
          case "cache" -> prepared.mounts.add(cache(m, prepared));
          case "tmpfs" -> prepared.mounts.add(RunMount.tmpfs(m.target(), m.size().map(s -> "size=" + s).orElse("")));
          case "secret" -> secret(m, prepared);
          default -> throw new IllegalArgumentException("RUN --mount: unknown type " + m.type());
        }
      }
      return prepared;
    } catch (IOException | RuntimeException e) {
      prepared.close();
      throw e;
    }
  }

  private RunMount bind(RunMountOptions m, Prepared prepared) throws IOException {
    Path source = source(m, "bind");
    if (!Files.exists(source)) {
      throw new IllegalArgumentException("RUN --mount=type=bind: source " + m.source().orElse("/")
          + " does not exist in " + origin(m));
    }
    Predicate<Path> excluded = m.from().isPresent() ? p -> false
        : p -> ignore.test(context.relativize(p).toString());
    if (m.readOnly() && !anyExcluded(source, excluded)) {
      return RunMount.bind(source, m.target(), true);
    }
    Path copy = prepared.scratch(scratchDir).resolve("bind-" + prepared.mounts.size());
    copyTree(source, copy, excluded);
    return RunMount.bind(copy, m.target(), m.readOnly());
  }

  private RunMount cache(RunMountOptions m, Prepared prepared) throws IOException {
    Files.createDirectories(cacheRoot);
    Path dir = cacheRoot.resolve(sha256(m.id().orElseThrow()));
    if (m.sharing().equals("locked")) {
      FileChannel channel = FileChannel.open(cacheRoot.resolve(dir.getFileName() + ".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      prepared.locks.add(channel.lock());
    }
    if (!Files.isDirectory(dir)) {
      Path fresh = Files.createTempDirectory(cacheRoot, "new-");
      if (m.from().isPresent() || m.source().isPresent()) {
        Path seed = source(m, "cache");
        if (!Files.isDirectory(seed)) {
          Files.delete(fresh);
          throw new IllegalArgumentException("RUN --mount=type=cache: source " + m.source().orElse("/")
              + " is not a directory in " + origin(m));
        }
        Files.delete(fresh);
        copyTree(seed, fresh, p -> false);
      }
      Files.setPosixFilePermissions(fresh, permissions(m.mode().orElse(0755)));
      Files.setAttribute(fresh, "unix:uid", m.uid().orElse(0), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(fresh, "unix:gid", m.gid().orElse(0), LinkOption.NOFOLLOW_LINKS);
      Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
    }
    return RunMount.bind(dir, m.target(), m.readOnly());
  }

  private void secret(RunMountOptions m, Prepared prepared) throws IOException {
    String id = m.id().orElseThrow();
    SecretSpec spec = secrets.get(id);
    if (spec == null) {
      if (m.required()) {
        throw new IllegalArgumentException("RUN --mount=type=secret: secret " + id
            + " not found (give it with --secret id=" + id + ",src=PATH or env=VAR)");
      }
      return;
    }
    if (m.env().isPresent()) {
      prepared.secretEnv.put(m.env().get(), new String(value(spec), StandardCharsets.UTF_8));
    }
    if (m.target() == null) {
      return;
    }
    Path dir = prepared.scratch(scratchDir);
    Path file = dir.resolve("secret-" + prepared.mounts.size());
    Files.createFile(file, PosixFilePermissions.asFileAttribute(permissions(0600)));
    if (spec.file().isPresent()) {
      try (InputStream in = Files.newInputStream(spec.file().get())) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } else {
      Files.write(file, value(spec));
    }
    Files.setAttribute(file, "unix:uid", m.uid().orElse(0), LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(file, "unix:gid", m.gid().orElse(0), LinkOption.NOFOLLOW_LINKS);
    Files.setPosixFilePermissions(file, permissions(m.mode().orElse(0400)));
    prepared.mounts.add(RunMount.bind(file, m.target(), true));
  }

  /** A secret's value (small: env vars and secret files). */
  private byte[] value(SecretSpec spec) throws IOException {
    if (spec.file().isPresent()) {
      try {
        return Files.readAllBytes(spec.file().get());
      } catch (IOException e) {
        throw new IOException("secret " + spec.id() + ": cannot read " + spec.file().get(), e);
      }
    }
    String value = env.get(spec.env().get());
    if (value == null) {
      throw new IllegalArgumentException("secret " + spec.id() + ": environment variable "
          + spec.env().get() + " is not set");
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code source} (default {@code /}) resolved inside the context or the {@code from} stage. */
  private Path source(RunMountOptions m, String type) throws IOException {
    Path root = m.from().isEmpty() ? context : stageRoot(m.from().get(), type);
    return ChrootPath.resolve(root, m.source().orElse("/"), true);
  }

  private Path stageRoot(String from, String type) {
    Optional<Integer> index = from.matches("[0-9]{1,9}") ? Optional.of(Integer.parseInt(from))
        : dockerfile.stage(from).map(Stage::index);
    if (index.isEmpty()) {
      throw new IllegalArgumentException("RUN --mount=type=" + type + ",from=" + from
          + ": not a stage of this Dockerfile (images are not supported here)");
    }
    StageState stage = stages.get(index.get());
    if (stage == null) {
      throw new IllegalArgumentException("RUN --mount=type=" + type + ",from=" + from + ": stage is not built");
    }
    return stage.rootfs;
  }

  private String origin(RunMountOptions m) {
    return m.from().map(f -> "stage " + f).orElse("the build context");
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    StringBuilder s = new StringBuilder();
    String rwx = "rwxrwxrwx";
    for (int i = 0; i < 9; i++) {
      s.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
    }
    return PosixFilePermissions.fromString(s.toString());
  }

  static String sha256(String id) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code excluded} holds for any path under {@code source} (but the source itself). */
  private boolean anyExcluded(Path source, Predicate<Path> excluded) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      return paths.anyMatch(p -> !p.equals(source) && excluded.test(p));
    }
  }

  /**
   * Copies {@code source} (file or tree, symlinks as links, attributes kept) to {@code target},
   * leaving out what {@code excluded} holds for (entering excluded directories: a {@code !}
   * exception may bring back something below them; excluded directories left empty are dropped).
   */
  private static void copyTree(Path source, Path target, Predicate<Path> excluded) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.copy(dir, target.resolve(source.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (!excluded.test(file) || file.equals(source)) {
          Files.copy(file, target.resolve(source.relativize(file).toString()),
              StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Path copy = target.resolve(source.relativize(dir).toString());
        if (!dir.equals(source) && excluded.test(dir)) {
          try (Stream<Path> left = Files.list(copy)) {
            if (left.findAny().isEmpty()) {
              Files.delete(copy);
            }
          }
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** One RUN's resolved mounts and secret env; closing deletes the copies and releases the locks. */
  static final class Prepared implements AutoCloseable {
    final List<RunMount> mounts = new ArrayList<>();
    final Map<String, String> secretEnv = new LinkedHashMap<>();
    private final List<FileLock> locks = new ArrayList<>();
    private Path scratch;

    private Path scratch(Path parent) throws IOException {
      if (scratch == null) {
        Files.createDirectories(parent);
        scratch = Files.createTempDirectory(parent, "run-mounts-",
            PosixFilePermissions.asFileAttribute(permissions(0700)));
      }
      return scratch;
    }

    @Override
    public void close() {
      for (FileLock lock : locks) {
        try {
          lock.channel().close();
        } catch (IOException e) {
          // the lock goes with the process at worst
        }
      }
      locks.clear();
      if (scratch != null) {
        try {
          TreeDeleter.delete(scratch);
        } catch (IOException e) {
          // a temp dir under the work dir; the build's cleanup removes it
        }
        scratch = null;
      }
    }
  }
}
