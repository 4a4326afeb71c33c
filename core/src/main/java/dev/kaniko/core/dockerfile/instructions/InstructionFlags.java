package dev.kaniko.core.dockerfile.instructions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code --flags} of one instruction, checked against the flags it accepts (BuildKit's BFlags). */
final class InstructionFlags {
  private enum Type { BOOL, STRING, STRINGS }

  private final List<String> args;
  private final Map<String, Type> declared = new LinkedHashMap<>();
  private final Map<String, List<String>> values = new HashMap<>();

  InstructionFlags(List<String> args) {
    this.args = List.copyOf(args);
  }

  InstructionFlags bool(String name) {
    declared.put(name, Type.BOOL);
    return this;
  }

  InstructionFlags string(String name) {
    declared.put(name, Type.STRING);
    return this;
  }

  InstructionFlags strings(String name) {
    declared.put(name, Type.STRINGS);
    return this;
  }

  /** Checks every given flag; the message names the offending flag. */
  InstructionFlags parse() throws InstructionException {
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (!arg.startsWith("--")) {
        throw new InstructionException("arg should start with -- : " + arg);
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      String value = eq < 0 ? null : arg.substring(eq + 1);
      accept(name, value);
    }
    return this;
  }

  private void accept(String name, String value) throws InstructionException {
    Type type = declared.get(name);
    if (type == null) {
      String known = declared.isEmpty() ? "this instruction takes no flags"
          : "expected one of --" + String.join(", --", declared.keySet());
      throw new InstructionException("unknown flag: " + name + " (" + known + ")");
    }
    if (values.containsKey(name) && type != Type.STRINGS) {
      throw new InstructionException("duplicate flag specified: " + name);
    }
    List<String> list = values.computeIfAbsent(name, k -> new ArrayList<>());
    if (type == Type.BOOL) {
      list.add(boolValue(name, value));
    } else if (value == null) {
      throw new InstructionException("missing a value on flag: " + name);
    } else {
      list.add(value);
    }
  }

  private static String boolValue(String name, String value) throws InstructionException {
    if (value != null && value.isEmpty()) {
      throw new InstructionException("missing a value on flag: " + name);
    }
    String v = value == null ? "true" : value.toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new InstructionException(
          "expecting boolean value for flag " + name + ", not: " + value);
    }
    return v;
  }

  Optional<String> value(String name) {
    List<String> v = values.get(name);
    return v == null ? Optional.empty() : Optional.of(v.get(0));
  }

  boolean isTrue(String name) {
    return value(name).map("true"::equals).orElse(false);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }
}
