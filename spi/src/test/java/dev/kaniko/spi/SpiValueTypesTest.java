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
