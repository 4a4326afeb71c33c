package dev.kaniko.executor;

import dev.kaniko.core.options.BuildOptions;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One executor run after the flags are validated: plugins, context, Dockerfile, then the build. */
final class ExecutorRun implements BuildAction {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorRun.class);

  private final Function<BuildOptions, ContextFetcher> contextFetchers;
  private final ContainerDetector containerDetector;
  private final DockerfileLocator dockerfileLocator;

  ExecutorRun(Function<BuildOptions, ContextFetcher> contextFetchers,
      ContainerDetector containerDetector, DockerfileLocator dockerfileLocator) {
    this.contextFetchers = contextFetchers;
    this.containerDetector = containerDetector;
    this.dockerfileLocator = dockerfileLocator;
  }

  /**
   * Runs the build.
   *
   * @throws UserException for every failure the user can act on
   */
  @Override
  public void run(BuildOptions options) {
    LOG.debug("build options: {}", options);
    try (ContextFetcher fetcher = contextFetchers.apply(options);
        BuildDirectory buildDir = BuildDirectory.create(options, containerDetector.inContainer())) {
      LOG.debug("context download directory: {}", buildDir.contextDir());
      Path context = fetcher.fetch(options.context(), options.contextSubPath(),
          buildDir.contextDir(), buildDir.workDir());
      LOG.info("Using build context {}", context);
      Path dockerfile = dockerfileLocator.locate(options.dockerfile(), context);
      LOG.info("Using Dockerfile {}", dockerfile);
      throw new UserException("building images is not supported yet");
    }
  }
}
