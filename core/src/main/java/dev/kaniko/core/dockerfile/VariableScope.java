package dev.kaniko.core.dockerfile;

import dev.kaniko.core.dockerfile.instructions.AddInstruction;
import dev.kaniko.core.dockerfile.instructions.ArgDefinition;
import dev.kaniko.core.dockerfile.instructions.ArgInstruction;
import dev.kaniko.core.dockerfile.instructions.CopyInstruction;
import dev.kaniko.core.dockerfile.instructions.EnvInstruction;
import dev.kaniko.core.dockerfile.instructions.ExposeInstruction;
import dev.kaniko.core.dockerfile.instructions.InlineSource;
import dev.kaniko.core.dockerfile.instructions.Instruction;
import dev.kaniko.core.dockerfile.instructions.KeyValue;
import dev.kaniko.core.dockerfile.instructions.LabelInstruction;
import dev.kaniko.core.dockerfile.instructions.RunInstruction;
import dev.kaniko.core.dockerfile.instructions.StopSignalInstruction;
import dev.kaniko.core.dockerfile.instructions.UserInstruction;
import dev.kaniko.core.dockerfile.instructions.VolumeInstruction;
import dev.kaniko.core.dockerfile.instructions.WorkdirInstruction;
import dev.kaniko.core.dockerfile.shell.ShellExpansionException;
import dev.kaniko.core.dockerfile.shell.ShellLexer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables one stage sees while it is built, updated instruction by instruction (BuildKit's
 * rules): ENV and ARG both set variables in order, so whichever comes later wins; an ARG takes its
 * value from {@code --build-arg}, else its default, else the global ARG of the same name; ARGs
 * never reach the image config. {@link #apply} answers "what does this instruction see".
 * Mutable and not thread-safe: one per stage being built.
 */
public final class VariableScope {
  /** The proxy variables RUN receives from {@code --build-arg} without an ARG declaration. */
  public static final Set<String> PROXY_ARGS = Set.of("HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY",
      "NO_PROXY", "ALL_PROXY");
  /** The PATH a stage gets when its base image does not set one (BuildKit's Unix default). */
  public static final String DEFAULT_PATH =
      "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final String fileName;
  private final ShellLexer lexer;
  private final Map<String, String> globalArgs;
  private final Map<String, String> buildArgs;
  private final LinkedHashMap<String, String> env;
  private final LinkedHashMap<String, String> imageEnv;
  private final LinkedHashMap<String, Optional<String>> declaredArgs;

  /**
   * A scope for a stage whose base image has environment {@code baseImageEnv}.
   *
   * @param globalArgs values of the global scope (automatic platform ARGs and ARGs before FROM)
   * @param buildArgs the user's {@code --build-arg} values
   */
  public VariableScope(String fileName, char escapeToken, Map<String, String> globalArgs,
      Map<String, String> buildArgs, Map<String, String> baseImageEnv) {
    this.fileName = fileName;
    this.lexer = new ShellLexer(escapeToken);
    this.globalArgs = Map.copyOf(globalArgs);
    this.buildArgs = Map.copyOf(buildArgs);
    this.env = new LinkedHashMap<>(baseImageEnv);
    this.imageEnv = new LinkedHashMap<>(baseImageEnv);
    this.declaredArgs = new LinkedHashMap<>();
    if (!imageEnv.containsKey("PATH")) {
      env.put("PATH", DEFAULT_PATH);
      imageEnv.put("PATH", DEFAULT_PATH);
    }
  }

  private VariableScope(VariableScope parent) {
    this.fileName = parent.fileName;
    this.lexer = parent.lexer;
    this.globalArgs = parent.globalArgs;
    this.buildArgs = parent.buildArgs;
    this.env = new LinkedHashMap<>(parent.env);
    this.imageEnv = new LinkedHashMap<>(parent.imageEnv);
    this.declaredArgs = new LinkedHashMap<>(parent.declaredArgs);
  }

  /** The scope a stage built {@code FROM} this stage starts with (variables and ARGs carry over). */
  public VariableScope inherit() {
    return new VariableScope(this);
  }

  /** What word expansion and RUN see now: base image env, ENV and ARG values, in order. */
  public Map<String, String> environment() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }

  /** The environment for a RUN: {@link #environment()} plus proxy build args not otherwise set. */
  public Map<String, String> runEnvironment() {
    LinkedHashMap<String, String> run = new LinkedHashMap<>(env);
    buildArgs.forEach((k, v) -> {
      if (PROXY_ARGS.contains(k.toUpperCase(Locale.ROOT))) {
        run.putIfAbsent(k, v);
      }
    });
    return Collections.unmodifiableMap(run);
  }

  /** The environment recorded in the image config: the base image's plus every ENV. */
  public Map<String, String> imageEnvironment() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(imageEnv));
  }

  /** ARGs declared so far in this stage with their values (empty when it has none). */
  public Map<String, Optional<String>> declaredArgs() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(declaredArgs));
  }

  /** Expands one word with the current variables. */
  public String expand(String word, int line) throws DockerfileException {
    try {
      return lexer.processWord(word, env);
    } catch (ShellExpansionException e) {
      throw new DockerfileException(fileName, line, e.getMessage());
    }
  }

  /** Expands one word and splits the result into words. */
  public List<String> expandWords(String word, int line) throws DockerfileException {
    try {
      return lexer.processWords(word, env);
    } catch (ShellExpansionException e) {
      throw new DockerfileException(fileName, line, e.getMessage());
    }
  }

  /**
   * Returns {@code instruction} with its words expanded as this scope sees them, and applies its
   * effect on the variables (ENV, ARG). Instructions that expand nothing come back unchanged.
   */
  public Instruction apply(Instruction instruction) throws DockerfileException {
    int line = instruction.line();
    if (instruction instanceof EnvInstruction e) {
      return applyEnv(e);
    } else if (instruction instanceof ArgInstruction a) {
      return applyArg(a);
    } else if (instruction instanceof LabelInstruction l) {
      return new LabelInstruction(expandPairs(l.labels(), line), l.source());
    } else if (instruction instanceof WorkdirInstruction w) {
      return new WorkdirInstruction(expand(w.path(), line), w.source());
    } else if (instruction instanceof UserInstruction u) {
      return new UserInstruction(expand(u.user(), line), u.source());
    } else if (instruction instanceof StopSignalInstruction s) {
      return new StopSignalInstruction(expand(s.signal(), line), s.source());
    } else if (instruction instanceof VolumeInstruction v) {
      return new VolumeInstruction(expandAll(v.volumes(), line), v.source());
    } else if (instruction instanceof ExposeInstruction x) {
      List<String> ports = new ArrayList<>();
      for (String p : x.ports()) {
        ports.addAll(expandWords(p, line));
      }
      return new ExposeInstruction(ports, x.source());
    } else if (instruction instanceof CopyInstruction c) {
      return expandCopy(c);
    } else if (instruction instanceof AddInstruction a) {
      return expandAdd(a);
    } else if (instruction instanceof RunInstruction r) {
      return new RunInstruction(r.command(), r.shellForm(), r.heredocs(),
          expandAll(r.mounts(), line), r.network(), r.security(), r.source());
    }
    return instruction;
  }

  private EnvInstruction applyEnv(EnvInstruction e) throws DockerfileException {
    List<KeyValue> expanded = expandPairs(e.variables(), e.line());
    for (KeyValue kv : expanded) {
      env.put(kv.key(), kv.value());
      imageEnv.put(kv.key(), kv.value());
    }
    return new EnvInstruction(expanded, e.source());
  }

  private ArgInstruction applyArg(ArgInstruction a) throws DockerfileException {
    List<ArgDefinition> resolved = new ArrayList<>();
    for (ArgDefinition def : a.args()) {
      Optional<String> value = resolveArg(def, a.line());
      value.ifPresent(v -> env.put(def.name(), v));
      declaredArgs.put(def.name(), value);
      resolved.add(new ArgDefinition(def.name(), value));
    }
    return new ArgInstruction(resolved, a.source());
  }

  private Optional<String> resolveArg(ArgDefinition def, int line) throws DockerfileException {
    if (buildArgs.containsKey(def.name())) {
      return Optional.of(buildArgs.get(def.name()));
    }
    if (def.defaultValue().isPresent()) {
      return Optional.of(expand(def.defaultValue().get(), line));
    }
    return Optional.ofNullable(globalArgs.get(def.name()));
  }

  private List<KeyValue> expandPairs(List<KeyValue> pairs, int line) throws DockerfileException {
    List<KeyValue> out = new ArrayList<>();
    for (KeyValue kv : pairs) {
      out.add(new KeyValue(expand(kv.key(), line), expand(kv.value(), line), kv.legacyForm()));
    }
    return out;
  }

  private List<String> expandAll(List<String> words, int line) throws DockerfileException {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      out.add(expand(w, line));
    }
    return out;
  }

  private Optional<String> expandOptional(Optional<String> word, int line)
      throws DockerfileException {
    return word.isPresent() ? Optional.of(expand(word.get(), line)) : Optional.empty();
  }

  private List<InlineSource> expandInline(List<InlineSource> sources, int line)
      throws DockerfileException {
    ShellLexer raw = new ShellLexer('\\').withSkipProcessQuotes(true);
    List<InlineSource> out = new ArrayList<>();
    for (InlineSource s : sources) {
      if (!s.expand()) {
        out.add(s);
        continue;
      }
      try {
        out.add(new InlineSource(s.name(), raw.processWord(s.content(), env), true));
      } catch (ShellExpansionException e) {
        throw new DockerfileException(fileName, line, e.getMessage());
      }
    }
    return out;
  }

  private CopyInstruction expandCopy(CopyInstruction c) throws DockerfileException {
    int line = c.line();
    return new CopyInstruction(expandAll(c.sources(), line), expandInline(c.inlineSources(), line),
        expand(c.destination(), line), c.from(), expandOptional(c.chown(), line),
        expandOptional(c.chmod(), line), c.link(), c.parents(), c.excludes(), c.source());
  }

  private AddInstruction expandAdd(AddInstruction a) throws DockerfileException {
    int line = a.line();
    return new AddInstruction(expandAll(a.sources(), line), expandInline(a.inlineSources(), line),
        expand(a.destination(), line), expandOptional(a.chown(), line),
        expandOptional(a.chmod(), line), a.link(), a.keepGitDir(),
        expandOptional(a.checksum(), line), a.excludes(), a.unpack(), a.source());
  }

  @Override
  public String toString() {
    return "VariableScope" + env.keySet();
  }
}
