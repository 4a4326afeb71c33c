package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlainAuthRegistryIT {

  @RegisterExtension
  static RegistryExtension registry = RegistryExtension.plainWithAuth();

  private final Skopeo skopeo = new Skopeo();

  @Test
  void credentials_overPlainHttp_areRequiredAndAccepted() {
    ImageRef pushed = BaseImages.pushEmpty(registry);

    CommandResult anonymous = skopeo.copy(Skopeo.docker(pushed.reference()), "dir:/nonexistent")
        .sourceAccess(registry.access().anonymous()).tryRun();

    assertThat(registry.url()).startsWith("http://");
    assertThat(skopeo.manifestDigest(Skopeo.docker(pushed.reference()), registry.access())).isEqualTo(pushed.digest());
    assertThat(anonymous.succeeded()).isFalse();
    assertThat(anonymous.stderr()).containsIgnoringCase("authentication required");
    assertThat(registry.log().text()).doesNotContain(registry.password());
  }
}
