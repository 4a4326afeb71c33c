package dev.kaniko.plugins.context.git;

import dev.kaniko.spi.Plugin;
import dev.kaniko.spi.ProviderFactory;
import dev.kaniko.spi.SpiVersion;
import java.util.List;

/**
 * The context-git plugin: git build contexts ({@code git://host/repo.git#ref}), cloned with JGit. This
 * class and the factory never reference JGit types, so loading the plugin stays cheap.
 */
public final class GitContextPlugin implements Plugin {

  /** The plugin id. */
  public static final String ID = "context-git";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String spiVersion() {
    return SpiVersion.CURRENT;
  }

  @Override
  public List<ProviderFactory<?>> factories() {
    return List.of(new GitContextSourceFactory());
  }
}
