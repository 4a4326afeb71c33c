package dev.kaniko.testsupport.plugin;

import dev.kaniko.testsupport.TempDirs;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This module's bundle zip unpacked into a temporary plugins directory and loaded by the caller's registry (the
 * real {@code PluginRegistry}, which test-support cannot name), so the plugin comes from the bundle's class loader.
 *
 * @param <R> the registry type the loader returns
 */
public final class LoadedBundle<R extends AutoCloseable> implements AutoCloseable {

  /** Loads a registry from a plugins directory. */
  @FunctionalInterface
  public interface Loader<R> {
    R load(Path pluginsDir) throws Exception;
  }

  private final Path pluginsDir;
  private final R registry;

  private LoadedBundle(Path pluginsDir, R registry) {
    this.pluginsDir = pluginsDir;
    this.registry = registry;
  }

  /** Unpacks {@link BundleZip#ofThisModule()} into a new temporary directory and loads it with {@code loader}. */
  public static <R extends AutoCloseable> LoadedBundle<R> load(Loader<R> loader) throws Exception {
    return load(BundleZip.ofThisModule(), loader);
  }

  /** Unpacks {@code zip} into a new temporary directory and loads it with {@code loader}. */
  public static <R extends AutoCloseable> LoadedBundle<R> load(Path zip, Loader<R> loader) throws Exception {
    Path dir = Files.createTempDirectory("kaniko-plugins");
    try {
      BundleZip.unpack(zip, dir);
      return new LoadedBundle<>(dir, loader.load(dir));
    } catch (Exception | Error e) {
      TempDirs.deleteRecursively(dir);
      throw e;
    }
  }

  public R registry() {
    return registry;
  }

  public Path pluginsDir() {
    return pluginsDir;
  }

  /** Closes the registry, then deletes the plugins directory. */
  @Override
  public void close() throws Exception {
    try {
      registry.close();
    } finally {
      TempDirs.deleteRecursively(pluginsDir);
    }
  }
}
