package dev.kaniko.core.dockerfile.instructions;

import dev.kaniko.core.dockerfile.DockerfileException;
import dev.kaniko.core.dockerfile.parser.Heredoc;
import dev.kaniko.core.dockerfile.parser.Node;
import dev.kaniko.core.options.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Turns parse-tree nodes into typed, validated {@link Instruction}s (BuildKit's rules). */
public final class InstructionParser {
  private static final Pattern ONBUILD_PREFIX = Pattern.compile("(?i)^\\s*ONBUILD\\s*");
  private static final Duration MINIMUM_INTERVAL = Duration.ofMillis(1);

  private final String fileName;

  /** A parser whose errors name the file {@code fileName}. */
  public InstructionParser(String fileName) {
    this.fileName = fileName;
  }

  /** Parses one instruction node; errors are {@code FILE:LINE: problem}. */
  public Instruction parse(Node node) throws DockerfileException {
    try {
      return new Request(node).parse();
    } catch (InstructionException e) {
      throw new DockerfileException(fileName, node.startLine(), e.getMessage());
    }
  }

  /** One node being parsed. */
  private static final class Request {
    private final Node node;
    private final List<String> args;
    private final Source source;
    private final String keyword;

    Request(Node node) {
      this.node = node;
      this.args = node.args();
      this.source = new Source(node.startLine(), node.endLine(), node.original());
      this.keyword = node.value().toUpperCase(Locale.ROOT);
    }

    InstructionFlags flags() {
      return new InstructionFlags(node.flags());
    }

    Instruction parse() throws InstructionException {
      return switch (keyword) {
        case "FROM" -> from();
        case "RUN" -> run();
        case "CMD" -> new CmdInstruction(command(), !node.isJson(), noFlags(source));
        case "ENTRYPOINT" -> new EntrypointInstruction(command(), !node.isJson(), noFlags(source));
        case "SHELL" -> shell();
        case "LABEL" -> new LabelInstruction(keyValues(), noFlags(source));
        case "MAINTAINER" -> new MaintainerInstruction(exactlyOne(), noFlags(source));
        case "EXPOSE" -> new ExposeInstruction(atLeastOne(), noFlags(source));
        case "ENV" -> new EnvInstruction(keyValues(), noFlags(source));
        case "ADD" -> add();
        case "COPY" -> copy();
        case "VOLUME" -> volume();
        case "USER" -> new UserInstruction(exactlyOne(), noFlags(source));
        case "WORKDIR" -> new WorkdirInstruction(exactlyOne(), noFlags(source));
        case "ARG" -> arg();
        case "ONBUILD" -> onbuild();
        case "STOPSIGNAL" -> new StopSignalInstruction(exactlyOne(), noFlags(source));
        case "HEALTHCHECK" -> healthcheck();
        default -> throw new InstructionException("unknown instruction: " + node.value()
            + Suggestions.didYouMean(keyword));
      };
    }

    private <T> T noFlags(T value) throws InstructionException {
      flags().parse();
      return value;
    }

    private List<String> command() {
      if (args.isEmpty()) {
        return List.of();
      }
      return node.isJson() ? args : List.of(String.join(" ", args));
    }

    private String exactlyOne() throws InstructionException {
      if (args.size() != 1) {
        throw new InstructionException(keyword + " requires exactly one argument");
      }
      return args.get(0);
    }

    private List<String> atLeastOne() throws InstructionException {
      if (args.isEmpty()) {
        throw new InstructionException(keyword + " requires at least one argument");
      }
      return args;
    }

    private FromInstruction from() throws InstructionException {
      InstructionFlags flags = flags().string("platform").parse();
      if (args.size() != 1 && !(args.size() == 3 && args.get(1).equalsIgnoreCase("as"))) {
        throw new InstructionException(
            "FROM requires either one or three arguments (FROM image [AS name])");
      }
      Optional<String> name = Optional.empty();
      if (args.size() == 3) {
        String stage = args.get(2).toLowerCase(Locale.ROOT);
        if (!stage.matches("[a-z][a-z0-9-_.]*")) {
          throw new InstructionException("invalid name for build stage: \"" + args.get(2)
              + "\", name can't start with a number or contain symbols");
        }
        name = Optional.of(stage);
      }
      return new FromInstruction(args.get(0), name, flags.value("platform"), source);
    }

    private RunInstruction run() throws InstructionException {
      InstructionFlags flags = flags().strings("mount").string("network").string("security")
          .parse();
      List<String> command = command();
      if (command.isEmpty() || (command.size() == 1 && command.get(0).isBlank()
          && node.heredocs().isEmpty())) {
        throw new InstructionException("RUN requires at least one argument");
      }
      return new RunInstruction(command, !node.isJson(), node.heredocs(), flags.all("mount"),
          flags.value("network"), flags.value("security"), source);
    }

    private ShellInstruction shell() throws InstructionException {
      flags().parse();
      if (args.isEmpty()) {
        throw new InstructionException("SHELL requires at least one argument");
      }
      if (!node.isJson()) {
        throw new InstructionException("SHELL requires the arguments to be in JSON form");
      }
      return new ShellInstruction(args, source);
    }

    private List<KeyValue> keyValues() throws InstructionException {
      if (args.isEmpty()) {
        throw new InstructionException(keyword + " requires at least one argument");
      }
      if (args.size() % 3 != 0) {
        throw new InstructionException("Bad input to " + keyword + ", too many arguments");
      }
      List<KeyValue> result = new ArrayList<>();
      for (int i = 0; i < args.size(); i += 3) {
        if (args.get(i).isEmpty()) {
          throw new InstructionException(keyword + " names can not be blank");
        }
        result.add(new KeyValue(args.get(i), args.get(i + 1), args.get(i + 2).isEmpty()));
      }
      return result;
    }

    private VolumeInstruction volume() throws InstructionException {
      flags().parse();
      for (String v : atLeastOne()) {
        if (v.isEmpty()) {
          throw new InstructionException("VOLUME specified can not be an empty string");
        }
      }
      return new VolumeInstruction(args, source);
    }

    private CopyInstruction copy() throws InstructionException {
      InstructionFlags flags = flags().string("chown").string("from").string("chmod")
          .bool("link").bool("parents").strings("exclude").parse();
      SourcesAndDest sd = sourcesAndDest();
      return new CopyInstruction(sd.paths, sd.inline, sd.dest, flags.value("from"),
          flags.value("chown"), flags.value("chmod"), flags.isTrue("link"),
          flags.isTrue("parents"), flags.all("exclude"), source);
    }

    private AddInstruction add() throws InstructionException {
      InstructionFlags flags = flags().string("chown").string("chmod").bool("link")
          .bool("keep-git-dir").string("checksum").strings("exclude").bool("unpack").parse();
      SourcesAndDest sd = sourcesAndDest();
      return new AddInstruction(sd.paths, sd.inline, sd.dest, flags.value("chown"),
          flags.value("chmod"), flags.isTrue("link"), flags.isTrue("keep-git-dir"),
          flags.value("checksum"), flags.all("exclude"),
          flags.value("unpack").map(Boolean::parseBoolean), source);
    }

    private record SourcesAndDest(List<String> paths, List<InlineSource> inline, String dest) {}

    private SourcesAndDest sourcesAndDest() throws InstructionException {
      if (args.size() < 2) {
        throw new InstructionException(keyword + " requires at least two arguments, but "
            + (args.isEmpty() ? "none were" : "only one was") + " provided. Destination could not"
            + " be determined");
      }
      String dest = args.get(args.size() - 1);
      if (!node.isJson() && Heredoc.parseOpener(dest).isPresent()) {
        throw new InstructionException(keyword + " cannot accept a heredoc as a destination");
      }
      Map<String, Heredoc> byName = new HashMap<>();
      node.heredocs().forEach(h -> byName.put(h.name(), h));
      List<String> paths = new ArrayList<>();
      List<InlineSource> inline = new ArrayList<>();
      for (String src : args.subList(0, args.size() - 1)) {
        Optional<Heredoc> opener = node.isJson() ? Optional.empty() : Heredoc.parseOpener(src);
        if (opener.isPresent() && byName.containsKey(opener.get().name())) {
          Heredoc doc = byName.get(opener.get().name());
          inline.add(new InlineSource(doc.name(), doc.effectiveContent(), doc.expand()));
        } else {
          paths.add(src);
        }
      }
      return new SourcesAndDest(paths, inline, dest);
    }

    private ArgInstruction arg() throws InstructionException {
      flags().parse();
      List<ArgDefinition> defs = new ArrayList<>();
      for (String a : atLeastOne()) {
        int eq = a.indexOf('=');
        defs.add(eq < 0 ? new ArgDefinition(a, Optional.empty())
            : new ArgDefinition(a.substring(0, eq), Optional.of(a.substring(eq + 1))));
      }
      return new ArgInstruction(defs, source);
    }

    private OnbuildInstruction onbuild() throws InstructionException {
      flags().parse();
      String trigger = atLeastOne().get(0).strip().toUpperCase(Locale.ROOT);
      switch (trigger) {
        case "ONBUILD" -> throw new InstructionException(
            "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        case "MAINTAINER", "FROM" -> throw new InstructionException(
            trigger + " isn't allowed as an ONBUILD trigger");
        default -> { }
      }
      String expression = ONBUILD_PREFIX.matcher(node.original()).replaceFirst("");
      return new OnbuildInstruction(expression, source);
    }

    private HealthcheckInstruction healthcheck() throws InstructionException {
      String type = atLeastOne().get(0).toUpperCase(Locale.ROOT);
      List<String> rest = args.subList(1, args.size());
      if (type.equals("NONE")) {
        flags().parse();
        if (!rest.isEmpty()) {
          throw new InstructionException("HEALTHCHECK NONE takes no arguments");
        }
        return new HealthcheckInstruction(List.of("NONE"), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), OptionalInt.empty(), source);
      }
      InstructionFlags flags = flags().string("interval").string("timeout")
          .string("start-period").string("start-interval").string("retries").parse();
      if (!type.equals("CMD")) {
        throw new InstructionException("Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
      }
      List<String> cmd = rest.isEmpty() ? List.of()
          : node.isJson() ? rest : List.of(String.join(" ", rest));
      if (cmd.isEmpty()) {
        throw new InstructionException("missing command after HEALTHCHECK CMD");
      }
      List<String> test = new ArrayList<>();
      test.add(node.isJson() ? "CMD" : "CMD-SHELL");
      test.addAll(cmd);
      return new HealthcheckInstruction(test, interval(flags, "interval"),
          interval(flags, "timeout"), interval(flags, "start-period"),
          interval(flags, "start-interval"), retries(flags), source);
    }

    private static Optional<Duration> interval(InstructionFlags flags, String name)
        throws InstructionException {
      Optional<String> text = flags.value(name).filter(s -> !s.isEmpty());
      if (text.isEmpty()) {
        return Optional.empty();
      }
      Duration d = goDuration(text.get());
      if (!d.isZero() && d.compareTo(MINIMUM_INTERVAL) < 0) {
        throw new InstructionException("Interval \"" + name + "\" cannot be less than 1ms");
      }
      return Optional.of(d);
    }

    private static Duration goDuration(String text) throws InstructionException {
      try {
        return GoDuration.parse(text);
      } catch (IllegalArgumentException e) {
        throw new InstructionException("time: invalid duration \"" + text + "\"");
      }
    }

    private static OptionalInt retries(InstructionFlags flags) throws InstructionException {
      Optional<String> text = flags.value("retries").filter(s -> !s.isEmpty());
      if (text.isEmpty()) {
        return OptionalInt.empty();
      }
      int retries;
      try {
        retries = Integer.parseInt(text.get());
      } catch (NumberFormatException e) {
        throw new InstructionException("invalid --retries value \"" + text.get()
            + "\": not an integer");
      }
      if (retries < 0) {
        throw new InstructionException("--retries cannot be negative (" + retries + ")");
      }
      return OptionalInt.of(retries);
    }
  }
}
