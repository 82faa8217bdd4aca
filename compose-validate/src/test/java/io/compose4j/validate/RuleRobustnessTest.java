package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Constraint;
import io.compose4j.model.Deploy;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Healthcheck;
import io.compose4j.model.Logging;
import io.compose4j.model.Placement;
import io.compose4j.model.Service;
import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No rule throws on odd input: every rule runs, on its own (so that nothing catches for it), over
 * mutants of the rules' own examples whose scalar values are replaced by odd ones (empty, null,
 * huge and negative numbers, template and shell syntax, very long and non-ASCII text, empty
 * collections) and over odd stacks built in code. And a rule that does throw is reported as a
 * finding naming it while the others still run.
 */
class RuleRobustnessTest {
  @TempDir Path dir;

  /** Odd values put in place of a scalar (YAML source text). */
  static final List<String> ODD =
      List.of(
          "\"\"",
          "null",
          "~",
          "[]",
          "{}",
          "0",
          "-1",
          "99999999999999999999",
          "-9223372036854775808",
          "1e400",
          "\"{{\"",
          "\"{{ secret \\\"\\\" }}\"",
          "\"}}{{.Node.Hostname\"",
          "\"$$\"",
          "\" \"",
          "\"==\"",
          "\"!=\"",
          "\"a == b == c\"",
          "\"node.labels. == \"",
          "\"/\"",
          "\"../../..\"",
          "\"é漢字\"",
          "\"\\t\\n\"",
          "\"x\"",
          "\"-\"",
          "\":\"",
          "\"=\"",
          "\"&&\"",
          "\"0/0\"",
          "\"999.999.999.999/99\"",
          "\"" + "a".repeat(5000) + "\"",
          "true",
          "[\"\", \"\"]",
          "[[]]",
          "{a: {}}");

  private static final Pattern SCALAR =
      Pattern.compile("^(\\s*(?:- )?[A-Za-z0-9_.\\-]+: |\\s*- )(\\S.*)$");

  /** Runs every rule alone on a stack and returns the first exception, or null. */
  static String throwing(Stack stack, List<SyntaxFact> facts, Path dir, ClusterState cluster) {
    for (Rule rule : StackValidator.rules()) {
      for (Target target : rule.targets()) {
        RuleContext ctx =
            new RuleContext(stack, target, facts, "st", dir, cluster, new ArrayList<>());
        ctx.use(rule);
        try {
          rule.check().run(ctx);
        } catch (RuntimeException | StackOverflowError e) {
          return rule.id() + " threw " + e;
        }
      }
    }
    return null;
  }

  static List<String> mutants(String yaml, Random random, int count) {
    List<String> lines = yaml.lines().toList();
    List<Integer> scalars = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("#") && SCALAR.matcher(lines.get(i)).matches()) {
        scalars.add(i);
      }
    }
    List<String> out = new ArrayList<>();
    for (int n = 0; n < count && !scalars.isEmpty(); n++) {
      List<String> copy = new ArrayList<>(lines);
      int changes = 1 + random.nextInt(2);
      for (int c = 0; c < changes; c++) {
        int at = scalars.get(random.nextInt(scalars.size()));
        Matcher m = SCALAR.matcher(copy.get(at));
        if (m.matches()) {
          copy.set(at, m.group(1) + ODD.get(random.nextInt(ODD.size())));
        }
      }
      out.add(String.join("\n", copy) + "\n");
    }
    return out;
  }

  @Test
  void noRuleThrowsOnMutantsOfTheExamples() throws Exception {
    Random random = new Random(9);
    ClusterState cluster =
        new ClusterState(
            java.util.Set.of("s"),
            java.util.Set.of(),
            Map.of("host", "local"),
            List.of(
                ClusterState.Node.of("n1", "manager", Map.of("zone", "a")),
                ClusterState.Node.of("", "", Map.of())));
    Files.writeString(dir.resolve("app.conf"), "{{ secret \"\" }}{{ config \"x\" }}{{ secret ");
    int read = 0;
    List<String> failures = new ArrayList<>();
    for (Rule rule : StackValidator.rules()) {
      for (String example : List.of(rule.failingExample(), rule.passingExample())) {
        if (example.isEmpty()) {
          continue;
        }
        for (String mutant : mutants(example, random, 8)) {
          ReadResult r;
          try {
            r = ComposeReader.create().withBaseDir(dir).read(mutant, "mutant.yml");
          } catch (ComposeReadException e) {
            continue;
          }
          read++;
          for (ClusterState c : new ClusterState[] {null, ClusterState.empty(), cluster}) {
            String problem = throwing(r.stack(), r.facts(), dir, c);
            if (problem != null
                && failures.stream()
                    .noneMatch(f -> f.startsWith(problem.substring(0, problem.indexOf(' '))))) {
              failures.add(problem + " on:\n" + mutant);
            }
          }
        }
      }
    }
    assertThat(read).as("mutants the reader accepts").isGreaterThan(500);
    assertThat(failures).as("rules that threw").isEmpty();
  }

  @Test
  void noRuleThrowsOnOddStacksBuiltInCode() {
    Service odd =
        Service.builder()
            .image("")
            .command(List.of(""))
            .entrypoint(List.of())
            .healthcheck(Healthcheck.builder().addTest("CMD").build())
            .logging(
                Logging.builder()
                    .putOption("", Optional.<String>empty())
                    .putOption("mode", Optional.<String>empty())
                    .build())
            .putSysctl("", "")
            .addCapAdd("")
            .deploy(
                Deploy.builder()
                    .replicas(Integer.MAX_VALUE)
                    .placement(
                        Placement.builder()
                            .addConstraint(Constraint.raw(""))
                            .addConstraint(Constraint.raw("=="))
                            .maxReplicasPerNode(Long.MAX_VALUE)
                            .build())
                    .build())
            .build();
    Stack stack =
        Stack.builder().putService("", odd).putService("x", Service.builder().build()).build();
    ClusterState cluster =
        ClusterState.empty().withNodes(List.of(ClusterState.Node.of("", "", Map.of())));
    assertThat(throwing(stack, null, null, null)).isNull();
    assertThat(
            throwing(
                stack,
                List.of(
                    new SyntaxFact(SyntaxFact.Kind.NUMBER_FOR_STRING, "version", ""),
                    new SyntaxFact(SyntaxFact.Kind.RELATIVE_BIND_SOURCE, "", "\u0000")),
                dir,
                cluster))
        .isNull();
  }

  @Test
  void aThrowingRuleIsReportedByIdAndTheOthersStillRun() {
    Rule broken =
        Rule.rule("TEST-BROKEN", Severity.WARNING, "a rule that throws")
            .explain("x")
            .check(
                ctx -> {
                  ctx.report("services.web", "reported before the failure", "");
                  throw new IllegalStateException("unexpected\nshape");
                });
    Rule working =
        Rule.rule("TEST-WORKING", Severity.WARNING, "a rule that works")
            .explain("x")
            .check(ctx -> ctx.report("services.web", "found", ""));
    List<Diagnostic> out = new ArrayList<>();
    Stack stack =
        Stack.builder().putService("web", Service.builder().image("nginx:1.25").build()).build();
    RuleContext ctx = new RuleContext(stack, Target.SWARM, null, null, null, null, out);
    StackValidator.runRules(List.of(broken, working), ctx, out);
    assertThat(out).extracting(Diagnostic::ruleId).containsExactly("TEST-BROKEN", "TEST-WORKING");
    assertThat(out.get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(out.get(0).message())
        .contains("TEST-BROKEN")
        .contains("IllegalStateException: unexpected shape")
        .doesNotContain("\n")
        .doesNotContain("reported before the failure");
  }
}
