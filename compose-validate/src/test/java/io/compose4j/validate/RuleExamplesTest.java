package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One failing and one passing fixture per rule: each rule's documented failing example must produce
 * that rule (or, for rules the reader enforces, be unreadable), and its passing example must not.
 */
class RuleExamplesTest {
  /** Each example gets its own folder under this one, which JUnit deletes afterwards. */
  @TempDir static Path root;

  @TestFactory
  Stream<DynamicTest> everyRuleFailsItsFailingExampleAndPassesItsPassingOne() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : StackValidator.rules()) {
      Target target = rule.targets().contains(Target.SWARM) ? Target.SWARM : Target.COMPOSE;
      if (!rule.failingExample().isEmpty()) {
        tests.add(
            DynamicTest.dynamicTest(
                rule.id() + " fails its failing example",
                () -> {
                  Path dir = Files.createTempDirectory(root, "rule");
                  Fixtures.Outcome o = Fixtures.run(rule.failingExample(), target, dir);
                  if (rule.enforcement() == Rule.Enforcement.READER) {
                    assertThat(o.parseError())
                        .as("%s: the reader refuses the failing example", rule.id())
                        .isNotNull();
                  } else {
                    assertThat(o.parseError())
                        .as("%s: the failing example reads", rule.id())
                        .isNull();
                    assertThat(o.has(rule.id()))
                        .as("%s is reported for its failing example:%n%s", rule.id(), o.report())
                        .isTrue();
                    assertThat(o.report().forRule(rule.id()))
                        .allMatch(
                            d ->
                                d.severity() == rule.severity()
                                    || rule.id().equals("SWARM-NAME-004"));
                  }
                }));
      }
      if (!rule.passingExample().isEmpty()) {
        tests.add(
            DynamicTest.dynamicTest(
                rule.id() + " passes its passing example",
                () -> {
                  Path dir = Files.createTempDirectory(root, "rule");
                  Fixtures.Outcome o = Fixtures.run(rule.passingExample(), target, dir);
                  assertThat(o.parseError())
                      .as("%s: the passing example reads", rule.id())
                      .isNull();
                  assertThat(o.has(rule.id()))
                      .as("%s is not reported for its passing example:%n%s", rule.id(), o.report())
                      .isFalse();
                }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyCheckedRuleHasBothExamplesAndEveryRuleIsDocumented() {
    for (Rule r : StackValidator.rules()) {
      assertThat(r.summary()).as(r.id()).isNotBlank().doesNotEndWith(".");
      assertThat(r.explanation()).as(r.id()).isNotBlank();
      if (r.enforcement() != Rule.Enforcement.DOCUMENTATION
          && !(r.enforcement() == Rule.Enforcement.READER && r.failingExample().isEmpty())) {
        assertThat(r.failingExample()).as("%s has a failing example", r.id()).isNotBlank();
        assertThat(r.passingExample()).as("%s has a passing example", r.id()).isNotBlank();
      }
    }
  }

  /** Rules beyond the catalog of {@code ../shared/swarm-rules} (issue 9); their ids are stable. */
  static final List<String> ADDED =
      List.of(
          "SWARM-PLC-010",
          "SWARM-MISC-008",
          "SWARM-LOG-001",
          "SWARM-LOG-002",
          "SWARM-EXEC-001",
          "SWARM-EXEC-002",
          "SWARM-EXEC-003",
          "SWARM-NET-011",
          "SWARM-TPL-005",
          "SWARM-VOL-013",
          "SWARM-VER-011",
          "SWARM-KEY-006",
          "SWARM-MISC-010",
          "SWARM-MISC-011",
          "SWARM-EP-012",
          "SWARM-EXEC-004",
          "SWARM-LOG-003",
          "SWARM-RES-009",
          "SWARM-MISC-012",
          "SWARM-MISC-013",
          "SWARM-TPL-006",
          "SWARM-NET-012",
          "SWARM-RES-010",
          "SWARM-RES-011",
          "SWARM-SEC-011",
          "SWARM-VOL-014");

  /**
   * The severity policy of docs/RULES.md holds for every rule: nothing Docker silently accepts
   * (stage N) or a lint is an error; a warning or info at a stage where Docker refuses the file
   * must say why; every rule gives a reason.
   */
  @Test
  void everyRuleFollowsTheSeverityPolicy() {
    for (Rule r : StackValidator.rules()) {
      assertThat(r.severityReason()).as(r.id()).isNotBlank();
      if (r.stage().equals("N") || r.stage().equals("lint")) {
        assertThat(r.severity())
            .as("%s: stage %s is never an error", r.id(), r.stage())
            .isNotEqualTo(Severity.ERROR);
      }
      if (r.severity() != Severity.ERROR && List.of("S", "C", "E", "M").contains(r.stage())) {
        assertThat(r.severityReason())
            .as("%s: a %s at stage %s says why", r.id(), r.severity().label(), r.stage())
            .isNotEqualTo(
                Rule.rule("X", r.severity(), "x")
                    .stage(r.stage())
                    .documentationOnly()
                    .severityReason());
      }
      if ((r.id().startsWith("LINT-") && r.severity() == Severity.WARNING)
          || r.enforcement() == Rule.Enforcement.CLUSTER) {
        assertThat(r.severityReason())
            .as("%s says why it is not info, or what the cluster facts make certain", r.id())
            .isNotEqualTo(
                Rule.rule("X", r.severity(), "x")
                    .stage(r.stage())
                    .documentationOnly()
                    .severityReason());
      }
    }
  }

  @Test
  void theCatalogIsComplete() {
    long swarm = StackValidator.rules().stream().filter(r -> r.id().startsWith("SWARM-")).count();
    assertThat(swarm)
        .as("the 124 catalog rules and those added since")
        .isEqualTo(124 + ADDED.size());
    assertThat(StackValidator.rules()).extracting(Rule::id).containsAll(ADDED);
    assertThat(StackValidator.rules())
        .extracting(Rule::id)
        .contains(
            "LINT-IMAGE-LATEST",
            "LINT-PLAINTEXT-SECRET",
            "LINT-STATEFUL-SPREAD",
            "LINT-NO-HEALTHCHECK",
            "LINT-NO-MEMORY-LIMIT",
            "SWARM-EP-007")
        .doesNotHaveDuplicates();
  }
}
