package dev.kaniko.core.run;

import dev.kaniko.core.dockerfile.parser.Heredoc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One RUN instruction ready to execute: shell form (a command line run through the stage's SHELL) or
 * exec form (argv as is), with the stage's env, the build args, USER, WORKDIR, heredocs and the
 * Dockerfile line for errors. Immutable; made with {@link #shell} or {@link #exec} and the builder.
 */
public final class RunCommand {
  /** Docker's default SHELL. */
  public static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

  private final boolean shellForm;
  private final String commandLine;
  private final List<String> execArgs;
  private final List<String> shell;
  private final List<Heredoc> heredocs;
  private final List<String> env;
  private final Map<String, String> buildArgs;
  private final String user;
  private final String workdir;
  private final int line;
  private final List<RunMount> mounts;
  private final boolean isolatedNetwork;
  private final Map<String, String> secretEnv;

  private RunCommand(Builder b) {
    this.mounts = List.copyOf(b.mounts);
    this.isolatedNetwork = b.isolatedNetwork;
    this.secretEnv = new LinkedHashMap<>(b.secretEnv);
    this.shellForm = b.shellForm;
    this.commandLine = b.commandLine;
    this.execArgs = List.copyOf(b.execArgs);
    this.shell = List.copyOf(b.shell);
    this.heredocs = List.copyOf(b.heredocs);
    this.env = List.copyOf(b.env);
    this.buildArgs = new LinkedHashMap<>(b.buildArgs);
    this.user = b.user;
    this.workdir = b.workdir;
    this.line = b.line;
  }

  /** Shell form: {@code commandLine} is given to the SHELL ({@code /bin/sh -c} unless changed). */
  public static Builder shell(String commandLine) {
    Builder b = new Builder();
    b.shellForm = true;
    b.commandLine = Objects.requireNonNull(commandLine, "commandLine");
    return b;
  }

  /** Exec form: {@code argv} runs as is, no shell. */
  public static Builder exec(List<String> argv) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("RUN exec form needs at least one argument");
    }
    Builder b = new Builder();
    b.shellForm = false;
    b.execArgs = List.copyOf(argv);
    return b;
  }

  public boolean isShellForm() {
    return shellForm;
  }

  /** The shell-form command line as written after RUN (for heredocs: the line holding the markers). */
  public String commandLine() {
    return commandLine;
  }

  public List<String> execArgs() {
    return execArgs;
  }

  public List<String> shell() {
    return shell;
  }

  public List<Heredoc> heredocs() {
    return heredocs;
  }

  /** The stage's environment, {@code KEY=VALUE} entries in order. */
  public List<String> env() {
    return env;
  }

  /** Build args in scope for this RUN: visible to the command, never stored in the image. */
  public Map<String, String> buildArgs() {
    return new LinkedHashMap<>(buildArgs);
  }

  /** The USER spec ({@code name}, {@code uid}, {@code name:group}, {@code uid:gid}); empty for root. */
  public String user() {
    return user;
  }

  /** Absolute WORKDIR inside the rootfs. */
  public String workdir() {
    return workdir;
  }

  /** {@code RUN --mount}s, in order. */
  public List<RunMount> mounts() {
    return mounts;
  }

  /** {@code RUN --network=none}: the command gets its own empty network namespace. */
  public boolean isolatedNetwork() {
    return isolatedNetwork;
  }

  /** Secrets exposed as environment variables ({@code --mount=type=secret,env=}); never shown. */
  public Map<String, String> secretEnv() {
    return new LinkedHashMap<>(secretEnv);
  }

  /** The Dockerfile line of the instruction; 0 when unknown. */
  public int line() {
    return line;
  }

  /** The command as the user wrote it, on one line: the command line, or the exec form as JSON. */
  public String display() {
    String text = shellForm
        ? commandLine
        : execArgs.stream().map(RunCommand::jsonString).collect(Collectors.joining(",", "[", "]"));
    return text.replace("\r", "").replace("\n", " ");
  }

  /** {@code "Dockerfile:LINE: "} or {@code ""} when the line is unknown. */
  String location() {
    return line > 0 ? "Dockerfile:" + line + ": " : "";
  }

  /** Build-arg values may be secrets: only the names are shown. */
  @Override
  public String toString() {
    return "RunCommand{line=" + line + ", " + (shellForm ? "shell" : "exec") + "=" + display()
        + ", user='" + user + "', workdir='" + workdir + "', env=" + envNames()
        + ", buildArgs=" + buildArgs.keySet() + ", heredocs=" + heredocs.size() + ", mounts=" + mounts
        + ", isolatedNetwork=" + isolatedNetwork + ", secretEnv=" + secretEnv.keySet() + "}";
  }

  private List<String> envNames() {
    return env.stream().map(e -> e.contains("=") ? e.substring(0, e.indexOf('=')) : e).toList();
  }

  private static String jsonString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Sets the optional parts of a {@link RunCommand}. */
  public static final class Builder {
    private boolean shellForm;
    private String commandLine = "";
    private List<String> execArgs = List.of();
    private List<String> shell = DEFAULT_SHELL;
    private final List<Heredoc> heredocs = new ArrayList<>();
    private final List<String> env = new ArrayList<>();
    private final Map<String, String> buildArgs = new LinkedHashMap<>();
    private String user = "";
    private String workdir = "/";
    private int line;
    private final List<RunMount> mounts = new ArrayList<>();
    private boolean isolatedNetwork;
    private final Map<String, String> secretEnv = new LinkedHashMap<>();

    private Builder() {}

    public Builder mounts(List<RunMount> value) {
      mounts.addAll(value);
      return this;
    }

    public Builder isolatedNetwork(boolean value) {
      this.isolatedNetwork = value;
      return this;
    }

    /** Secret values for the command's environment (override the stage env); never shown. */
    public Builder secretEnv(Map<String, String> value) {
      secretEnv.putAll(value);
      return this;
    }

    /** The stage's SHELL (e.g. {@code ["/bin/sh", "-ec"]}); used by the shell form only. */
    public Builder withShell(List<String> value) {
      if (value.isEmpty()) {
        throw new IllegalArgumentException("SHELL needs at least one argument");
      }
      this.shell = List.copyOf(value);
      return this;
    }

    /**
     * Adds a here-document of the RUN line (content already expanded when the parser says so).
     *
     * @throws IllegalArgumentException when its name can not be a file name (empty, {@code /}, {@code .}, {@code ..})
     */
    public Builder heredoc(Heredoc value) {
      String name = Objects.requireNonNull(value).name();
      if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
        throw new IllegalArgumentException("invalid heredoc name: '" + name + "'");
      }
      heredocs.add(value);
      return this;
    }

    /** Adds {@code KEY=VALUE} entries of the stage environment. */
    public Builder env(List<String> entries) {
      for (String entry : entries) {
        if (entry.indexOf('=') <= 0) {
          throw new IllegalArgumentException("environment entry is not KEY=VALUE: " + entry);
        }
        env.add(entry);
      }
      return this;
    }

    public Builder buildArgs(Map<String, String> args) {
      buildArgs.putAll(args);
      return this;
    }

    public Builder user(String value) {
      this.user = Objects.requireNonNull(value, "user").strip();
      return this;
    }

    public Builder workdir(String value) {
      if (!value.startsWith("/")) {
        throw new IllegalArgumentException("WORKDIR must be absolute here: " + value);
      }
      this.workdir = value;
      return this;
    }

    public Builder line(int value) {
      this.line = value;
      return this;
    }

    public RunCommand build() {
      if (!heredocs.isEmpty() && !shellForm) {
        throw new IllegalArgumentException("heredocs need the shell form of RUN");
      }
      return new RunCommand(this);
    }
  }
}
