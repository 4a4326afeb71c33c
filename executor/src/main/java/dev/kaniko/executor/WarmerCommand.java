package dev.kaniko.executor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code warmer} command line: kaniko's flags plus ours, as picocli fields. */
@Command(name = "warmer", sortOptions = false, versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true, abbreviateSynopsis = true,
    description = "Fills the base-image cache directory read by executor --cache-dir.")
final class WarmerCommand {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
  boolean version;

  @Option(names = {"-i", "--image"}, paramLabel = "IMAGE",
      description = "Image to cache (repeatable).")
  List<String> images = new ArrayList<>();

  @Option(names = {"-d", "--dockerfile"}, defaultValue = "", paramLabel = "PATH",
      description = "Cache every base image of this Dockerfile.")
  String dockerfile;

  @Option(names = "--build-arg", paramLabel = "KEY[=VALUE]",
      description = "Build argument for resolving the Dockerfile's FROM lines (repeatable).")
  List<String> buildArgs = new ArrayList<>();

  @Option(names = {"-c", "--cache-dir"}, defaultValue = "/cache", paramLabel = "DIR",
      description = "Cache directory (default: ${DEFAULT-VALUE}).")
  Path cacheDir;

  @Option(names = "--cache-ttl", defaultValue = "336h", paramLabel = "DURATION",
      converter = Converters.GoDurationConverter.class,
      description = "Entries older than this are refreshed (default: ${DEFAULT-VALUE}).")
  Duration cacheTtl;

  @Option(names = {"-f", "--force"}, defaultValue = "false", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Overwrite existing entries.")
  boolean force;

  @Option(names = "--customPlatform", defaultValue = "", paramLabel = "OS/ARCH[/VARIANT]",
      description = "Platform to cache.")
  String customPlatform;

  @Mixin RegistryFlags registry;

  @Mixin LoggingFlags logging;

  @Mixin PluginFlags plugins;
}
