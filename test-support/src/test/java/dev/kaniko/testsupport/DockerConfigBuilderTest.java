package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigBuilderTest {

  @Test
  void writeTo_writesAuthsHelpersAndStoreAsDockerReadsThem(@TempDir Path tmp) throws Exception {
    Path dir = DockerConfigBuilder.create()
        .auth("127.0.0.1:5000", "user", "s3cret:with:colons")
        .credHelper("123.dkr.ecr.us-east-1.amazonaws.com", "ecr-login")
        .credsStore("pass")
        .writeTo(tmp.resolve("docker"));

    JsonNode json = new ObjectMapper().readTree(dir.resolve("config.json").toFile());
    String auth = json.path("auths").path("127.0.0.1:5000").path("auth").asText();
    assertThat(new String(Base64.getDecoder().decode(auth), StandardCharsets.UTF_8)).isEqualTo("user:s3cret:with:colons");
    assertThat(json.path("credHelpers").path("123.dkr.ecr.us-east-1.amazonaws.com").asText()).isEqualTo("ecr-login");
    assertThat(json.path("credsStore").asText()).isEqualTo("pass");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config.json"))))
        .isEqualTo("rw-------");
  }

  @Test
  void emptyBuilder_writesEmptyAuths() throws Exception {
    JsonNode json = new ObjectMapper().readTree(DockerConfigBuilder.create().toJson());

    assertThat(json.path("auths").isObject()).isTrue();
    assertThat(json.path("auths").size()).isZero();
    assertThat(json.has("credHelpers")).isFalse();
  }

  @Test
  void toString_neverShowsTheSecret() {
    DockerConfigBuilder builder = DockerConfigBuilder.create().auth("r.example", "user", "hunter2");
    String encoded = Base64.getEncoder().encodeToString("user:hunter2".getBytes(StandardCharsets.UTF_8));

    assertThat(builder.toString()).contains("r.example").doesNotContain("hunter2").doesNotContain(encoded);
  }
}
