package dev.kaniko.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpiValueTypesTest {

  @Test
  void registryCredential_toStringNeverPrintsTheSecret() {
    RegistryCredential credential = new RegistryCredential("alice", "s3cr3t-t0ken");

    assertThat(credential.toString()).contains("alice").doesNotContain("s3cr3t-t0ken");
    assertThat(credential.secret()).isEqualTo("s3cr3t-t0ken");
    assertThat(credential).isEqualTo(new RegistryCredential("alice", "s3cr3t-t0ken"));
  }

  @Test
  void changeSet_isSortedAndImmutable() {
    Set<String> changed = new HashSet<>(List.of("/b", "/a"));
    ChangeSet changes = new ChangeSet(changed, Set.of("/z"));
    changed.add("/c");

    assertThat(changes.changed()).containsExactly("/a", "/b");
    assertThatThrownBy(() -> changes.deleted().add("/y")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(ChangeSet.empty().isEmpty()).isTrue();
    assertThat(changes.isEmpty()).isFalse();
  }

  @Test
  void changeSet_opaqueDirectoriesAreSortedAndDefaultToNone() {
    ChangeSet changes = new ChangeSet(Set.of("/d", "/d/x"), Set.of(), new HashSet<>(List.of("/e", "/d")));

    assertThat(changes.opaqueDirectories()).containsExactly("/d", "/e");
    assertThat(new ChangeSet(Set.of("/a"), Set.of()).opaqueDirectories()).isEmpty();
    assertThat(new ChangeSet(Set.of(), Set.of(), Set.of("/d")).isEmpty()).isFalse();
  }

  @Test
  void contextRequest_nullSubPathBecomesEmpty() {
    assertThat(new ContextRequest("dir:///ctx", null).subPath()).isEmpty();
    assertThat(ContextRequest.of("s3://bucket/ctx.tgz").uri()).isEqualTo("s3://bucket/ctx.tgz");
  }

  @Test
  void contextRequest_carriesImmutableOptions() {
    java.util.Map<String, String> options = new java.util.HashMap<>(java.util.Map.of("git.branch", "main"));
    ContextRequest request = new ContextRequest("git://h/r.git", "app", options);
    options.put("git.single-branch", "true");

    assertThat(request.option("git.branch")).contains("main");
    assertThat(request.option("git.single-branch")).isEmpty();
    assertThat(new ContextRequest("dir:///ctx", "", null).options()).isEmpty();
    assertThat(new ContextRequest("dir:///ctx", "x").options()).isEmpty();
  }

  @Test
  void contextRequest_masksTokensInDisplayUriAndToString() {
    ContextRequest request = new ContextRequest(
        "https://user:t0ps3cret@git.example.com/r.git#refs/heads/main", "", java.util.Map.of("git.branch", "b"));

    assertThat(request.displayUri()).isEqualTo("https://***@git.example.com/r.git#refs/heads/main");
    assertThat(request.toString()).doesNotContain("t0ps3cret").contains("git.branch=b");
    assertThat(ContextRequest.maskUri("https://a.blob.core.windows.net/c/ctx.tgz?sv=1&sig=s1gn4ture"))
        .isEqualTo("https://a.blob.core.windows.net/c/ctx.tgz?***");
    assertThat(ContextRequest.maskUri("git://h/r.git#abc")).isEqualTo("git://h/r.git#abc");
    assertThat(ContextRequest.maskUri("/plain/path")).isEqualTo("/plain/path");
  }

  @Test
  void pluginException_carriesItsReason() {
    PluginException e = new PluginException(PluginException.Reason.UNAUTHORIZED, "denied");

    assertThat(e.reason()).isEqualTo(PluginException.Reason.UNAUTHORIZED);
    assertThatThrownBy(() -> new PluginException(null, "x")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void cacheEntry_rejectsNegativeSize() {
    assertThatThrownBy(() -> new CacheEntry("sha256:a", "sha256:b", -1, "application/vnd.oci.image.layer.v1.tar+gzip"))
        .hasMessageContaining("size");
  }
}
