package dev.kaniko.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

  private static final String SHA = "sha256:" + "ab".repeat(32);

  @ParameterizedTest
  @CsvSource({
      "busybox,                          docker.io,        library/busybox,   latest",
      "busybox:1.36,                     docker.io,        library/busybox,   1.36",
      "user/app:v1,                      docker.io,        user/app,          v1",
      "docker.io/busybox,                docker.io,        library/busybox,   latest",
      "index.docker.io/library/alpine:3, docker.io,        library/alpine,    3",
      "gcr.io/project/app,               gcr.io,           project/app,       latest",
      "localhost/app:dev,                localhost,        app,               dev",
      "localhost:5000/a/b/c:1,           localhost:5000,   a/b/c,             1",
      "127.0.0.1:5000/base/busybox:latest, 127.0.0.1:5000, base/busybox,      latest",
      "Registry/app,                     Registry,         app,               latest",
      "my-registry.example.com:443/team/app-1_x.y:tag_1.2-rc, my-registry.example.com:443, team/app-1_x.y, tag_1.2-rc",
  })
  void parse_appliesDockerDefaults(String input, String registry, String repository, String qualifier) {
    ImageReference ref = ImageReference.parse(input);

    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.qualifier()).isEqualTo(qualifier);
  }

  @Test
  void parse_keepsTagAndDigest_digestWinsAsQualifier() {
    ImageReference ref = ImageReference.parse("localhost:5000/app:1@" + SHA);

    assertThat(ref.tag()).contains("1");
    assertThat(ref.digest()).contains(SHA);
    assertThat(ref.qualifier()).isEqualTo(SHA);
    assertThat(ref).hasToString("localhost:5000/app:1@" + SHA);
  }

  @Test
  void parse_digestOnly_hasNoTag() {
    ImageReference ref = ImageReference.parse("alpine@" + SHA);

    assertThat(ref.tag()).isEmpty();
    assertThat(ref).hasToString("docker.io/library/alpine@" + SHA);
  }

  @Test
  void toString_addsLatestWhenNothingIsNamed() {
    assertThat(ImageReference.parse("busybox")).hasToString("docker.io/library/busybox:latest");
  }

  @Test
  void apiHost_isRegistryOneForDockerHub() {
    assertThat(ImageReference.parse("busybox").apiHost()).isEqualTo("registry-1.docker.io");
    assertThat(ImageReference.parse("gcr.io/a/b").apiHost()).isEqualTo("gcr.io");
    assertThat(ImageReference.parse("busybox").isDockerHub()).isTrue();
  }

  @Test
  void withRegistry_keepsRepositoryTagAndDigest() {
    ImageReference moved = ImageReference.parse("busybox:1@" + SHA).withRegistry("mirror.local:5000");

    assertThat(moved).hasToString("mirror.local:5000/library/busybox:1@" + SHA);
    assertThat(moved.isDockerHub()).isFalse();
  }

  @Test
  void equality_isByValue() {
    assertThat(ImageReference.parse("busybox")).isEqualTo(ImageReference.parse("docker.io/library/busybox"))
        .hasSameHashCodeAs(ImageReference.parse("index.docker.io/library/busybox"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Upper", "app:bad tag", "app:-tag", "app@sha256:short", "a//b",
      "app@sha256:" + "AB" + "cd", "host:port:x/app", "-leading/app"})
  void parse_rejectsInvalidReferences(String input) {
    assertThatThrownBy(() -> ImageReference.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid image reference '");
  }

  @Test
  void parse_messageNamesTheProblem() {
    assertThatThrownBy(() -> ImageReference.parse("gcr.io/Proj/app"))
        .hasMessage("invalid image reference 'gcr.io/Proj/app': repository 'Proj/app' must be lowercase"
            + " letters, digits and separators (. _ __ -) between '/'");
    assertThatThrownBy(() -> ImageReference.parse("app@sha256:1234"))
        .hasMessageContaining("digest 'sha256:1234'");
  }

  @Test
  void problem_explainsGrammarViolationsInDockersWords() {
    assertThat(ImageReference.problem("busybox:1.36")).isEmpty();
    assertThat(ImageReference.problem("localhost:5000/a/b@sha256:" + "a".repeat(64))).isEmpty();
    assertThat(ImageReference.problem("")).contains("an image reference can not be empty");
    assertThat(ImageReference.problem("BusyBox")).contains("repository name must be lowercase");
    assertThat(ImageReference.problem("a b")).contains("invalid reference format");
    assertThat(ImageReference.problem("x/" + "a".repeat(260)))
        .contains("repository name must not be longer than 255 characters");
  }
}
