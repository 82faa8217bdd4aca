package io.compose4j.validate;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.RawValue;
import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import io.compose4j.model.StackCheck;
import io.compose4j.model.SwarmFormat;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Validates stacks against what Docker and a Swarm manager accept, and what they silently ignore.
 * Immutable and thread-safe: configure with the fluent methods, then call {@link #validate}.
 *
 * <pre>{@code
 * ValidationReport report = StackValidator.forTarget(Target.SWARM).validate(stack);
 * report.throwIfErrors();
 * }</pre>
 *
 * <p>Two layers run: the Jakarta Bean Validation constraints on the model (through Hibernate
 * Validator, configured once) and the semantic rules ({@link #rules()}, documented in {@code
 * docs/RULES.md}). Rules are suppressed per validator ({@link #suppress}) or per stack with a
 * top-level {@code x-compose4j: {ignore: [RULE-ID, ...]}}.
 */
public final class StackValidator implements StackCheck {
  private static final List<Rule> RULES = buildRules();

  private final Target target;
  private final Set<String> suppressed;
  private final String stackName;
  private final Path baseDir;
  private final ClusterState cluster;

  private StackValidator(
      Target target, Set<String> suppressed, String stackName, Path baseDir, ClusterState cluster) {
    this.target = target;
    this.suppressed = suppressed;
    this.stackName = stackName;
    this.baseDir = baseDir;
    this.cluster = cluster;
  }

  /**
   * Starts Hibernate Validator and builds its metadata for the model on a background (daemon)
   * thread: a long-running application (a server that validates stacks on request) can call it at
   * start-up so that the first {@link #validate} does not pay for it (about 0.25 s). Calling it
   * again does nothing. (A short command-line run gains nothing from it on two cores.)
   */
  public static void prepare() {
    if (PREPARED.compareAndSet(false, true)) {
      Thread t =
          new Thread(
              () -> FieldConstraints.validateWithHibernate(FieldConstraints.warmUpStack()),
              "compose4j-prepare");
      t.setDaemon(true);
      t.start();
    }
  }

  private static final AtomicBoolean PREPARED = new AtomicBoolean();

  /**
   * Returns a validator for a target, with no rule suppressed, no stack name, base folder or
   * cluster facts.
   */
  public static StackValidator forTarget(Target target) {
    return new StackValidator(Objects.requireNonNull(target, "target"), Set.of(), null, null, null);
  }

  /** Returns a validator that does not report these rules. */
  public StackValidator suppress(String... ruleIds) {
    Set<String> s = new HashSet<>(suppressed);
    s.addAll(List.of(ruleIds));
    return new StackValidator(target, Set.copyOf(s), stackName, baseDir, cluster);
  }

  /**
   * Returns a validator that knows the stack name {@code docker stack deploy} will use (for the
   * name rules).
   */
  public StackValidator stackName(String name) {
    return new StackValidator(target, suppressed, name, baseDir, cluster);
  }

  /** Returns a validator that checks the files the stack refers to, relative to this folder. */
  public StackValidator baseDir(Path dir) {
    return new StackValidator(target, suppressed, stackName, dir, cluster);
  }

  /** Returns a validator that knows which external objects exist on the cluster. */
  public StackValidator cluster(ClusterState state) {
    return new StackValidator(target, suppressed, stackName, baseDir, state);
  }

  /** Returns every rule, in catalog order. */
  public static List<Rule> rules() {
    return RULES;
  }

  /** Returns the rule with this id, if there is one. */
  public static Optional<Rule> rule(String id) {
    return RULES.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Validates a stack built in code (no syntax facts). */
  public ValidationReport validate(Stack stack) {
    return run(stack, null, List.of());
  }

  /**
   * Returns the findings of {@link #validate(Stack)}: a validator is a {@link StackCheck}, so that
   * {@code ComposeWriter.forTarget(SWARM).validating(StackValidator.forTarget(SWARM))} refuses to
   * write a stack with errors.
   */
  @Override
  public List<Diagnostic> check(Stack stack) {
    return validate(stack).diagnostics();
  }

  /** Validates a stack read from a file, with the syntax facts the reader recorded. */
  public ValidationReport validate(Stack stack, List<SyntaxFact> facts) {
    return run(stack, List.copyOf(facts), List.of());
  }

  /**
   * Validates a stack read from a file and reports the reader's findings ({@code variable-unset},
   * ...) with the validator's: the same suppression, order and de-duplication apply to both.
   */
  ValidationReport validate(Stack stack, List<SyntaxFact> facts, List<Diagnostic> readerFindings) {
    return run(stack, List.copyOf(facts), readerFindings);
  }

  /**
   * Runs one rule alone on a stack, without the field constraints, the other rules or any
   * suppression: for a tool that needs one of Docker's load-time checks (as {@code compose4j fmt}
   * refuses a missing {@code env_file} with SWARM-MISC-006). A rule not for this validator's target
   * reports nothing.
   *
   * @throws IllegalArgumentException when there is no rule with this id
   */
  public List<Diagnostic> runRule(String ruleId, Stack stack) {
    Rule rule =
        rule(ruleId)
            .orElseThrow(
                () -> new IllegalArgumentException("no rule " + ruleId + "; see docs/RULES.md"));
    List<Diagnostic> out = new ArrayList<>();
    runRules(List.of(rule), context(stack, List.of(), out), out);
    return List.copyOf(out);
  }

  private ValidationReport run(
      Stack stack, List<SyntaxFact> facts, List<Diagnostic> readerFindings) {
    return run(
        stack, facts, readerFindings, stack.services().size() >= PARALLEL_FROM && PROCESSORS > 1);
  }

  /** Validates on one thread whatever the stack's size (for the test that compares the two). */
  ValidationReport validateOnOneThread(Stack stack, List<SyntaxFact> facts) {
    return run(stack, List.copyOf(facts), List.of(), false);
  }

  private ValidationReport run(
      Stack stack, List<SyntaxFact> facts, List<Diagnostic> readerFindings, boolean inTwo) {
    List<Diagnostic> out = new ArrayList<>();
    if (inTwo) {
      runInTwo(stack, facts, out);
    } else {
      out.addAll(FieldConstraints.validate(stack));
      RuleContext ctx = context(stack, facts, out);
      runRules(RULES, ctx, out);
    }
    out.addAll(readerFindings);
    Set<String> off = new HashSet<>(suppressed);
    off.addAll(ignoredByStack(stack));
    Set<String> applicable = new HashSet<>();
    RULES.stream().filter(r -> r.targets().contains(target)).forEach(r -> applicable.add(r.id()));
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : out) {
      boolean known =
          applicable.contains(d.ruleId())
              || d.ruleId().startsWith("COMPOSE-")
              || !d.ruleId().startsWith("SWARM-");
      if (!off.contains(d.ruleId()) && known) {
        kept.add(d);
      }
    }
    // by path, rule and message (written out: see FileCheck's IN_FILE_ORDER)
    kept.sort(
        (a, b) -> {
          int c = a.path().compareTo(b.path());
          if (c == 0) {
            c = a.ruleId().compareTo(b.ruleId());
          }
          return c != 0 ? c : a.message().compareTo(b.message());
        });
    return new ValidationReport(dedupe(kept), stack);
  }

  /** A context for this validator's rules on a stack, reporting into {@code out}. */
  private RuleContext context(Stack stack, List<SyntaxFact> facts, List<Diagnostic> out) {
    return new RuleContext(stack, target, facts, stackName, baseDir, cluster, out);
  }

  /** Stacks with at least this many services are checked on two threads. */
  static final int PARALLEL_FROM = 200;

  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  /**
   * Checks a large stack on two threads: the second half of the rules on a helper thread while this
   * one checks the field constraints and the first half. The findings are put together in the order
   * one thread gives them, so the report is the same.
   */
  private void runInTwo(Stack stack, List<SyntaxFact> facts, List<Diagnostic> out) {
    int half = RULES.size() / 2;
    List<Diagnostic> second = new ArrayList<>();
    Throwable[] failure = new Throwable[1];
    Thread helper =
        new Thread(
            () -> {
              try {
                runRules(RULES.subList(half, RULES.size()), context(stack, facts, second), second);
              } catch (RuntimeException | Error e) {
                failure[0] = e;
              }
            },
            "compose4j-validate");
    helper.setDaemon(true);
    helper.start();
    out.addAll(FieldConstraints.validate(stack));
    runRules(RULES.subList(0, half), context(stack, facts, out), out);
    boolean interrupted = false;
    while (true) {
      try {
        helper.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] instanceof Error e) {
      throw e;
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    }
    out.addAll(second);
  }

  /**
   * Runs the rules for the context's target. A rule whose check throws loses the findings it made
   * so far and is reported instead as an error finding that names it; the other rules still run.
   */
  static void runRules(List<Rule> rules, RuleContext ctx, List<Diagnostic> out) {
    for (Rule rule : rules) {
      if (!rule.targets().contains(ctx.target())) {
        continue;
      }
      ctx.use(rule);
      int before = out.size();
      try {
        rule.check().run(ctx);
      } catch (RuntimeException | StackOverflowError e) {
        out.subList(before, out.size()).clear();
        out.add(
            new Diagnostic(
                Severity.ERROR,
                rule.id(),
                "",
                "the rule "
                    + rule.id()
                    + " failed on this stack ("
                    + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage()))
                    + "); its findings are missing",
                "report this as a Compose4J bug with the stack file; suppress "
                    + rule.id()
                    + " to go on"));
      }
    }
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  private static List<Diagnostic> dedupe(List<Diagnostic> sorted) {
    Map<String, Diagnostic> unique = new LinkedHashMap<>();
    for (Diagnostic d : sorted) {
      unique.putIfAbsent(d.ruleId() + "\u0000" + d.path() + "\u0000" + d.message(), d);
    }
    return new ArrayList<>(unique.values());
  }

  /** Returns the rule ids a stack suppresses with {@code x-compose4j: {ignore: [...]}}. */
  static Set<String> ignoredByStack(Stack stack) {
    Set<String> ids = new HashSet<>();
    RawValue meta = stack.extensions().get("x-compose4j");
    if (meta instanceof RawValue.Mapping m
        && m.entries().get("ignore") instanceof RawValue.Seq seq) {
      for (RawValue item : seq.items()) {
        if (item instanceof RawValue.Str s) {
          ids.add(s.value());
        }
      }
    }
    return ids;
  }

  /**
   * Returns the SWARM-VER-005 findings for the files of one {@code docker stack deploy -c a -c b}:
   * every file must declare the same version.
   *
   * @param versions the declared version of each file in order ({@code null} when a file has none)
   * @param files the file names, for the messages
   */
  public static List<Diagnostic> versionMismatch(List<String> versions, List<String> files) {
    List<Diagnostic> out = new ArrayList<>();
    String first = normalized(versions.get(0));
    for (int i = 1; i < versions.size(); i++) {
      String v = normalized(versions.get(i));
      if (!v.equals(first)) {
        out.add(
            new Diagnostic(
                Severity.ERROR,
                "SWARM-VER-005",
                "version",
                "version mismatched between two composefiles : "
                    + first
                    + " and "
                    + v
                    + " ("
                    + files.get(0)
                    + ", "
                    + files.get(i)
                    + ")",
                "declare the same version in every file"));
      }
    }
    return out;
  }

  private static String normalized(String version) {
    return version == null ? "3." + SwarmFormat.NEWEST_MINOR : version;
  }

  private static List<Rule> buildRules() {
    List<Rule> all = new ArrayList<>();
    all.addAll(VersionRules.rules());
    all.addAll(KeyRules.rules());
    all.addAll(ReferenceRules.rules());
    all.addAll(ModeRules.rules());
    all.addAll(EndpointRules.rules());
    all.addAll(ResourceRules.rules());
    all.addAll(DurationRules.rules());
    all.addAll(UpdateRules.rules());
    all.addAll(PlacementRules.rules());
    all.addAll(NetworkRules.rules());
    all.addAll(VolumeRules.rules());
    all.addAll(SecretRules.rules());
    all.addAll(HealthcheckRules.rules());
    all.addAll(TemplateRules.rules());
    all.addAll(NameRules.rules());
    all.addAll(MiscRules.rules());
    all.addAll(LoggingRules.rules());
    all.addAll(ExecRules.rules());
    all.addAll(LintRules.rules());
    Set<String> ids = new HashSet<>();
    for (Rule r : all) {
      if (!ids.add(r.id())) {
        throw new IllegalStateException("duplicate rule id " + r.id());
      }
    }
    return List.copyOf(all);
  }
}
