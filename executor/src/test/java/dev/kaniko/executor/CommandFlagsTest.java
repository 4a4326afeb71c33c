package dev.kaniko.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every kaniko flag (and ours) is declared as the tables say, and nothing else is. */
class CommandFlagsTest {
  private static final CommandSpec EXECUTOR = new CommandLine(new ExecutorCommand()).getCommandSpec();
  private static final CommandSpec WARMER = new CommandLine(new WarmerCommand()).getCommandSpec();

  static Stream<FlagTable.Row> executorRows() {
    return FlagTable.executor().stream();
  }

  static Stream<FlagTable.Row> warmerRows() {
    return FlagTable.warmer().stream();
  }

  @ParameterizedTest(name = "executor {0}")
  @MethodSource("executorRows")
  void executorFlag_matchesTable(FlagTable.Row row) {
    assertMatches(EXECUTOR, row);
    assertThat(DeprecatedAliases.executor().get(row.flag())).isEqualTo(row.aliasOf().orElse(null));
  }

  @ParameterizedTest(name = "warmer {0}")
  @MethodSource("warmerRows")
  void warmerFlag_matchesTable(FlagTable.Row row) {
    assertMatches(WARMER, row);
  }

  @Test
  void executor_declaresExactlyTheFlagsOfTheTable() {
    assertThat(longNames(EXECUTOR)).isEqualTo(tableNames(FlagTable.executor()));
  }

  @Test
  void warmer_declaresExactlyTheFlagsOfTheTable() {
    assertThat(longNames(WARMER)).isEqualTo(tableNames(FlagTable.warmer()));
  }

  @Test
  void deprecatedAliases_areAllInTheTable() {
    Set<String> tableAliases = FlagTable.executor().stream()
        .filter(row -> row.aliasOf().isPresent())
        .map(FlagTable.Row::flag)
        .collect(Collectors.toSet());
    assertThat(DeprecatedAliases.executor().keySet()).isEqualTo(tableAliases);
  }

  @Test
  void featureGates_nameOnlyRealFlags() {
    assertThat(longNames(EXECUTOR)).containsAll(FeatureGates.executor().supportedFlags());
    assertThat(longNames(WARMER)).containsAll(FeatureGates.warmer().supportedFlags());
    assertThat(FeatureGates.executor().supportedFlags())
        .doesNotContainAnyElementsOf(DeprecatedAliases.executor().keySet());
  }

  private static void assertMatches(CommandSpec spec, FlagTable.Row row) {
    OptionSpec option = spec.findOption(row.flag());
    assertThat(option).as("option %s", row.flag()).isNotNull();
    Set<String> expectedNames = new HashSet<>();
    expectedNames.add(row.flag());
    row.shortName().ifPresent(expectedNames::add);
    assertThat(Set.of(option.names())).as("names of %s", row.flag()).isEqualTo(expectedNames);
    assertThat(option.defaultValue()).as("default of %s", row.flag())
        .isEqualTo(row.defaultValue().orElse(null));
    assertThat(option.isMultiValue()).as("repeatable %s", row.flag()).isEqualTo(row.repeatable());
    assertThat(option.hidden()).as("hidden %s", row.flag()).isEqualTo(row.hidden());
    if (option.usageHelp() || option.versionHelp()) {
      assertThat(row.sample()).isEmpty();
    } else if (row.sample().isEmpty()) {
      assertThat(option.type()).as("type of %s", row.flag()).isIn(boolean.class, Boolean.class);
      assertThat(option.arity().min()).isZero();
      assertThat(option.arity().max()).isEqualTo(1);
      assertThat(option.fallbackValue()).isEqualTo("true");
    } else {
      assertThat(option.arity().min()).as("arity of %s", row.flag()).isEqualTo(1);
    }
  }

  private static Set<String> longNames(CommandSpec spec) {
    return spec.options().stream().map(OptionSpec::longestName).collect(Collectors.toSet());
  }

  private static Set<String> tableNames(List<FlagTable.Row> rows) {
    return rows.stream().map(FlagTable.Row::flag).collect(Collectors.toSet());
  }
}
