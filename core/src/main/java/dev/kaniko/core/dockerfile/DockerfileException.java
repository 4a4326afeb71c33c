package dev.kaniko.core.dockerfile;

/** A Dockerfile that cannot be parsed or planned; the message is one line: {@code NAME:LINE: what is wrong}. */
public final class DockerfileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String fileName;
  private final int line;
  private final String problem;

  public DockerfileException(String fileName, int line, String problem) {
    super(format(fileName, line, problem));
    this.fileName = fileName;
    this.line = line;
    this.problem = problem;
  }

  public DockerfileException(String fileName, int line, String problem, Throwable cause) {
    this(fileName, line, problem);
    initCause(cause);
  }

  private static String format(String fileName, int line, String problem) {
    String oneLine = problem.replace("\r", " ").replace("\n", " ");
    return line > 0 ? fileName + ":" + line + ": " + oneLine : fileName + ": " + oneLine;
  }

  /** The display name of the Dockerfile. */
  public String fileName() {
    return fileName;
  }

  /** The 1-based line the problem is on, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }

  /** What is wrong, without the location prefix. */
  public String problem() {
    return problem;
  }
}
