package dev.kaniko.testsupport.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Loads every class except the JDK's and the SPI's itself (child-first, from the test class path) and records which
 * it loaded: shows which SDK classes the plugin touches, the way a bundle's class loader would load them.
 */
public final class RecordingClassLoader extends ClassLoader {

  private final ClassLoader source;
  private final List<String> loaded = new CopyOnWriteArrayList<>();

  public RecordingClassLoader(ClassLoader source) {
    super(ClassLoader.getPlatformClassLoader());
    this.source = source;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> type = findLoadedClass(name);
      if (type == null) {
        type = name.startsWith("dev.kaniko.spi.") ? source.loadClass(name)
            : name.startsWith("java.") ? super.loadClass(name, false) : defineOrDelegate(name);
      }
      if (resolve) {
        resolveClass(type);
      }
      return type;
    }
  }

  private Class<?> defineOrDelegate(String name) throws ClassNotFoundException {
    try (InputStream in = source.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        return super.loadClass(name, false);
      }
      byte[] bytes = in.readAllBytes();
      loaded.add(name);
      return defineClass(name, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  /** The classes this loader defined so far, in order. */
  public List<String> loaded() {
    return List.copyOf(loaded);
  }
}
