package dev.kaniko.executor;

/** Entry point of {@code bin/warmer}. */
public final class WarmerMain {
  private WarmerMain() {}

  public static void main(String[] args) {
    WarmerCli cli = new WarmerCli(System.getenv(), System.out, System.err, System.console() != null);
    System.exit(cli.run(args));
  }
}
