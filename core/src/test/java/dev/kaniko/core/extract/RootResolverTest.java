package dev.kaniko.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chroot-style resolution of parent directories. */
class RootResolverTest {
  @TempDir Path base;
  private Path root;
  private RootResolver resolver;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(base.resolve("root")).toRealPath();
    resolver = new RootResolver(root, ExtractOptions.layer());
    Files.createDirectories(root.resolve("usr/lib/x86_64"));
    Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
    Files.createSymbolicLink(root.resolve("abs"), Path.of("/usr/lib"));
    Files.createSymbolicLink(root.resolve("usr/lib/up"), Path.of("../../usr"));
    Files.createSymbolicLink(root.resolve("usr/lib/out"), Path.of("../../.."));
  }

  private ImagePath path(String raw) throws ExtractionException {
    return ImagePath.parse(raw, raw);
  }

  @Test
  void resolveDirectory_followsRelativeAndAbsoluteLinksInsideTheRoot() throws IOException {
    for (String raw : List.of("lib/x86_64", "abs/x86_64", "usr/lib/up/lib/x86_64", "abs/up/lib")) {
      RootResolver.Resolved resolved = resolver.resolveDirectory(path(raw), raw, null);
      assertThat(resolved.host()).as(raw).startsWith(root);
      assertThat(resolved.image().toString()).as(raw).startsWith("/usr/lib");
    }
  }

  @Test
  void resolveDirectory_refusesLinksClimbingAboveTheRoot() {
    assertThatThrownBy(() -> resolver.resolveDirectory(path("usr/lib/out/etc"), "e", null))
        .hasMessage("tar entry \"e\": a symlink on its path climbs above the root (\"/usr/lib/out/etc\")");
  }

  @Test
  void resolveDirectory_returnsNullForMissingWithoutMaker() throws IOException {
    assertThat(resolver.resolveDirectory(path("lib/missing/deeper"), "e", null)).isNull();
  }

  @Test
  void resolveDirectory_createsMissingDirectoriesAtTheirRealPlace() throws IOException {
    List<String> made = new ArrayList<>();

    RootResolver.Resolved resolved = resolver.resolveDirectory(path("abs/new/dir"), "e",
        (host, image) -> {
          Files.createDirectory(host);
          made.add(image.toString());
        });

    assertThat(made).containsExactly("/usr/lib/new", "/usr/lib/new/dir");
    assertThat(resolved.host()).isEqualTo(root.resolve("usr/lib/new/dir"));
  }

  @Test
  void resolveDirectory_reportsIgnoredLocationsReachedThroughLinks() throws IOException {
    RootResolver ignoring = new RootResolver(root, ExtractOptions.builder(ExtractMode.LAYER)
        .ignore(IgnoredPaths.under("/usr/lib/x86_64")).build());

    assertThat(ignoring.resolveDirectory(path("lib/x86_64/sub"), "e", null))
        .isSameAs(RootResolver.IGNORED);
  }
}
