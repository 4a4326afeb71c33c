package dev.kaniko.core.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDatabaseTest {
  @TempDir Path rootfs;

  @Test
  void resolve_namesAndNumbersAgainstTheRootfs() throws Exception {
    Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0::/:/bin/sh\nweb:x:33:33::/:/x\n");
    Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nwww:x:82:\n");
    UserDatabase db = new UserDatabase(rootfs);

    assertThat(db.resolve("web")).isEqualTo(new Ownership(33, 33));
    assertThat(db.resolve("web:www")).isEqualTo(new Ownership(33, 82));
    assertThat(db.resolve("1000")).isEqualTo(new Ownership(1000, 1000));
    assertThat(db.resolve("1000:www")).isEqualTo(new Ownership(1000, 82));
    assertThatThrownBy(() -> db.resolve("web:nogroup"))
        .hasMessage("unable to find group nogroup: no matching entries in /etc/group");
  }

  @Test
  void resolve_withoutPasswdFile_onlyNumbers() throws Exception {
    UserDatabase db = new UserDatabase(rootfs);
    assertThat(db.resolve("5:6")).isEqualTo(new Ownership(5, 6));
    assertThatThrownBy(() -> db.resolve("app"))
        .hasMessage("unable to find user app: no matching entries in /etc/passwd");
  }
}
