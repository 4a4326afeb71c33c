package dev.kaniko.core.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerDetectorTest {
  @TempDir Path fsRoot;

  @Test
  void evidence_emptyHost_isNotAContainer() {
    assertThat(new ContainerDetector(Map.of(), fsRoot).isInsideContainer()).isFalse();
  }

  @Test
  void evidence_dockerenvFile_isAContainer() throws IOException {
    Files.createFile(fsRoot.resolve(".dockerenv"));

    assertThat(new ContainerDetector(Map.of(), fsRoot).evidence()).contains("/.dockerenv exists");
  }

  @Test
  void evidence_podmanContainerenv_isAContainer() throws IOException {
    Files.createDirectories(fsRoot.resolve("run"));
    Files.createFile(fsRoot.resolve("run/.containerenv"));

    assertThat(new ContainerDetector(Map.of(), fsRoot).evidence()).contains("/run/.containerenv exists");
  }

  @Test
  void evidence_kubernetesServiceHost_isAContainer() {
    var detector = new ContainerDetector(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"), fsRoot);

    assertThat(detector.evidence()).contains("KUBERNETES_SERVICE_HOST is set");
  }

  @Test
  void evidence_emptyKubernetesServiceHost_isIgnored() {
    assertThat(new ContainerDetector(Map.of("KUBERNETES_SERVICE_HOST", ""), fsRoot).isInsideContainer()).isFalse();
  }

  @Test
  void evidence_containerVariable_isAContainer() {
    assertThat(new ContainerDetector(Map.of("container", "podman"), fsRoot).isInsideContainer()).isTrue();
  }

  @Test
  void evidence_dockerCgroupOfPid1_isAContainer() throws IOException {
    write("proc/1/cgroup", "12:memory:/docker/0123abcd\n0::/\n");

    assertThat(new ContainerDetector(Map.of(), fsRoot).evidence()).contains("/proc/1/cgroup names a container runtime");
  }

  @Test
  void evidence_kubepodsCgroup_isAContainer() throws IOException {
    write("proc/1/cgroup", "0::/kubepods.slice/kubepods-burstable.slice/cri-containerd-1.scope\n");

    assertThat(new ContainerDetector(Map.of(), fsRoot).isInsideContainer()).isTrue();
  }

  @Test
  void evidence_hostCgroupAndMountinfo_isNotAContainer() throws IOException {
    write("proc/1/cgroup", "0::/init.scope\n");
    write("proc/self/mountinfo", "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n");

    assertThat(new ContainerDetector(Map.of(), fsRoot).isInsideContainer()).isFalse();
  }

  @Test
  void evidence_overlayRootFromContainerStorage_isAContainer() throws IOException {
    write("proc/self/mountinfo", "500 400 0:52 / / rw - overlay overlay rw,lowerdir=/var/lib/docker/"
        + "overlay2/l/X,upperdir=/var/lib/docker/overlay2/abc/diff\n"
        + "510 500 254:0 /var/lib/docker/containers/abc/resolv.conf /etc/resolv.conf rw - ext4 /dev/vda rw\n");

    assertThat(new ContainerDetector(Map.of(), fsRoot).evidence())
        .contains("/proc/self/mountinfo shows container storage");
  }

  private void write(String relative, String content) throws IOException {
    Path file = fsRoot.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
