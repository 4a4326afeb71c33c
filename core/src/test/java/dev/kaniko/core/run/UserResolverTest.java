package dev.kaniko.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserResolverTest {
  @TempDir Path root;
  private UserResolver resolver;

  @BeforeEach
  void files() throws IOException {
    Path etc = Files.createDirectories(root.resolve("etc"));
    Files.writeString(etc.resolve("passwd"), """
        root:x:0:0:root:/root:/bin/sh
        # a comment
        app:x:1000:1000:app:/home/app:/bin/sh
        svc:x:2000:2001::/srv:/bin/false
        nohome:x:3000:3000:::/bin/false
        """);
    Files.writeString(etc.resolve("group"), """
        root:x:0:
        wheel:x:10:root,app
        app:x:1000:
        svc:x:2001:
        docker:x:999:app,svc
        """);
    resolver = new UserResolver(root);
  }

  @Test
  void resolve_empty_isRootWithItsGroups() throws Exception {
    assertThat(resolver.resolve("")).isEqualTo(new ResolvedUser(0, 0, List.of(0, 10), "/root"));
  }

  @Test
  void resolve_name_usesPasswdAndSupplementaryGroups() throws Exception {
    assertThat(resolver.resolve("app")).isEqualTo(new ResolvedUser(1000, 1000, List.of(1000, 10, 999), "/home/app"));
  }

  @Test
  void resolve_uidWithEntry_isLikeTheName() throws Exception {
    assertThat(resolver.resolve("2000")).isEqualTo(new ResolvedUser(2000, 2001, List.of(2001, 999), "/srv"));
  }

  @Test
  void resolve_uidWithoutEntry_hasGidZeroAndHomeSlash() throws Exception {
    assertThat(resolver.resolve("4242")).isEqualTo(new ResolvedUser(4242, 0, List.of(0), "/"));
  }

  @Test
  void resolve_nameAndGroupName_usesOnlyThatGroup() throws Exception {
    assertThat(resolver.resolve("app:docker")).isEqualTo(new ResolvedUser(1000, 999, List.of(999), "/home/app"));
  }

  @Test
  void resolve_uidAndGid_bothNumericWithoutEntries() throws Exception {
    assertThat(resolver.resolve("4242:4343")).isEqualTo(new ResolvedUser(4242, 4343, List.of(4343), "/"));
  }

  @Test
  void resolve_emptyHomeField_isSlash() throws Exception {
    assertThat(resolver.resolve("nohome").home()).isEqualTo("/");
  }

  @Test
  void resolve_unknownName_failsLikeDocker() {
    assertThatThrownBy(() -> resolver.resolve("ghost"))
        .isInstanceOf(RunSetupException.class)
        .hasMessage("unable to find user ghost: no matching entries in passwd file");
  }

  @Test
  void resolve_unknownGroupName_failsLikeDocker() {
    assertThatThrownBy(() -> resolver.resolve("app:nogroup"))
        .isInstanceOf(RunSetupException.class)
        .hasMessage("unable to find group nogroup: no matching entries in group file");
  }

  @Test
  void resolve_noPasswdFile_numericStillWorks_nameFails() throws Exception {
    Files.delete(root.resolve("etc/passwd"));

    assertThat(resolver.resolve("1000:1000")).isEqualTo(new ResolvedUser(1000, 1000, List.of(1000), "/"));
    assertThatThrownBy(() -> resolver.resolve("app")).hasMessageContaining("unable to find user app");
  }

  @Test
  void resolve_passwdSymlinkedOutOfRoot_isReadInsideRoot() throws Exception {
    Path etc = root.resolve("etc");
    Files.move(etc.resolve("passwd"), root.resolve("passwd.real"));
    Files.createSymbolicLink(etc.resolve("passwd"), Path.of("/passwd.real"));

    assertThat(resolver.resolve("app").uid()).isEqualTo(1000);
  }
}
