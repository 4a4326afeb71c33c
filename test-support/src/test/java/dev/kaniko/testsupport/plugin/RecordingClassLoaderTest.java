package dev.kaniko.testsupport.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordingClassLoaderTest {

  /** A class the loader defines itself. */
  public static final class Loadable {
    public Loadable() {}
  }

  @Test
  void loadClass_definesNonJdkClassesItselfAndRecordsThem() throws Exception {
    RecordingClassLoader loader = new RecordingClassLoader(getClass().getClassLoader());

    Class<?> type = loader.loadClass(Loadable.class.getName());

    assertThat(type).isNotSameAs(Loadable.class);
    assertThat(type.getClassLoader()).isSameAs(loader);
    assertThat(loader.loaded()).containsExactly(Loadable.class.getName());
  }

  @Test
  void loadClass_jdkAndSpiClasses_comeFromTheirUsualLoadersUnrecorded() throws Exception {
    ClassLoader source = getClass().getClassLoader();
    RecordingClassLoader loader = new RecordingClassLoader(source);

    assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
    assertThat(loader.loadClass("dev.kaniko.spi.Plugin")).isSameAs(source.loadClass("dev.kaniko.spi.Plugin"));
    assertThat(loader.loaded()).isEmpty();
  }
}
