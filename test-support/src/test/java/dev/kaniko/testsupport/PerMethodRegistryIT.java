package dev.kaniko.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerMethodRegistryIT {

  private static final List<Path> STORAGE_DIRS = new ArrayList<>();
  private static final List<ProcessHandle> PROCESSES = new ArrayList<>();

  @RegisterExtension
  RegistryExtension registry = RegistryExtension.plain();

  @Test
  @Order(1)
  void first_getsAFreshEmptyRegistry() throws Exception {
    remember();
    BaseImages.pushEmpty(registry);
    assertThat(Files.list(registry.storageDir()).count()).isPositive();
  }

  @Test
  @Order(2)
  void second_getsAnotherFreshRegistry() throws Exception {
    remember();
    CommandResult result = new Skopeo().copy(Skopeo.docker(registry.reference(BaseImages.EMPTY)), "dir:/nonexistent")
        .sourceAccess(registry.access()).tryRun();
    assertThat(result.succeeded()).as("the first test's image must not be here").isFalse();
    assertThat(STORAGE_DIRS.get(0)).as("the first test's registry was removed").doesNotExist();
    assertThat(PROCESSES.get(0).isAlive()).as("the first test's registry was stopped").isFalse();
  }

  @AfterAll
  static void everyRegistryIsGone() {
    assertThat(STORAGE_DIRS).hasSize(2).allSatisfy(dir -> assertThat(dir).doesNotExist());
    assertThat(PROCESSES).noneMatch(ProcessHandle::isAlive);
  }

  private void remember() {
    STORAGE_DIRS.add(registry.storageDir());
    PROCESSES.add(ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("")
            .contains(registry.storageDir().getParent().toString()))
        .findFirst().orElseThrow());
  }
}
