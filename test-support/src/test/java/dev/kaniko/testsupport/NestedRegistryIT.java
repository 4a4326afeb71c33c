package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class NestedRegistryIT {

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.plain();

  private static int outerPort;

  @Nested
  @Order(1)
  class Inner {
    @Test
    void innerTest_usesTheOuterRegistry() {
      outerPort = registry.port();
      BaseImages.pushEmpty(registry, "nested/empty:1", ImageFormat.OCI);
      assertThat(registry.isRunning()).isTrue();
    }
  }

  @Nested
  @Order(2)
  class AfterInner {
    @Test
    void theRegistryOutlivesTheFirstNestedClass() {
      assertThat(registry.port()).isEqualTo(outerPort);
      assertThat(new Skopeo().manifestDigest(Skopeo.docker(registry.reference("nested/empty:1")), registry.access()))
          .startsWith("sha256:");
    }
  }
}
