package io.compose4j.validate;

import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One validation rule and its documentation: a stable id, a one-line summary (no trailing period),
 * a severity, the stage where Docker enforces it, an explanation in Markdown, and a failing and a
 * passing example. {@code docs/RULES.md} is generated from these, and every example is a test
 * fixture.
 */
public final class Rule {
  /** Where a rule is checked. */
  public enum Enforcement {
    /** On the model (and the syntax facts of a parsed file). */
    MODEL,
    /**
     * While reading a file: a violation makes the file unreadable (diagnostic rule {@code parse}).
     */
    READER,
    /** On the model plus the files it refers to; needs a base directory. */
    FILES,
    /**
     * Needs to know what exists on the cluster; checked only when a {@link ClusterState} is given.
     */
    CLUSTER,
    /** Documentation only: the behaviour cannot be checked before deployment. */
    DOCUMENTATION
  }

  /** The check of rules whose findings come from the Bean Validation constraints on the model. */
  static final Check BY_FIELD_CONSTRAINTS = ctx -> {};

  /** The check of a rule: reports findings through the context. */
  @FunctionalInterface
  public interface Check {
    /** Inspects the stack in the context and reports findings. */
    void run(RuleContext context);
  }

  private final String id;
  private final Severity severity;
  private final String summary;
  private final String stage;
  private final Set<Target> targets;
  private final Enforcement enforcement;
  private final String explanation;
  private final String failing;
  private final String passing;
  private final String source;
  private final String why;
  private final Check check;

  private Rule(Builder b) {
    this.id = Objects.requireNonNull(b.id);
    this.severity = Objects.requireNonNull(b.severity);
    this.summary = Objects.requireNonNull(b.summary);
    this.stage = b.stage;
    this.targets = Set.copyOf(b.targets);
    this.enforcement = b.enforcement;
    this.explanation = b.explanation;
    this.failing = b.failing;
    this.passing = b.passing;
    this.source = b.source;
    this.why = b.why;
    this.check = b.check;
    if (summary.endsWith(".")) {
      throw new IllegalArgumentException(id + ": a summary has no trailing period");
    }
  }

  /** Returns the stable id ({@code SWARM-REF-001}, {@code LINT-IMAGE-LATEST}). */
  public String id() {
    return id;
  }

  /** Returns the severity of the rule's findings. */
  public Severity severity() {
    return severity;
  }

  /** Returns the one-line summary, without trailing period. */
  public String summary() {
    return summary;
  }

  /** Returns the stage where Docker enforces it (S, L, D, C, E, M, A, N, or {@code lint}). */
  public String stage() {
    return stage;
  }

  /** Returns the targets the rule applies to. */
  public Set<Target> targets() {
    return targets;
  }

  /** Returns where the rule is checked. */
  public Enforcement enforcement() {
    return enforcement;
  }

  /** Returns the explanation, in Markdown. */
  public String explanation() {
    return explanation;
  }

  /** Returns a stack file that violates the rule. */
  public String failingExample() {
    return failing.stripIndent();
  }

  /** Returns a stack file that satisfies the rule. */
  public String passingExample() {
    return passing.stripIndent();
  }

  /** Returns where the behaviour comes from (repository, file, function). */
  public String source() {
    return source;
  }

  /**
   * Returns why the rule has its severity under the severity policy of {@code docs/RULES.md}: the
   * reason given with the rule, else the one its severity and stage imply.
   */
  public String severityReason() {
    if (!why.isEmpty()) {
      return why;
    }
    return switch (severity) {
      case ERROR ->
          stage.equals("A")
              ? "the deploy succeeds, but on every cluster a task of the file can never run"
              : "`docker stack deploy` refuses the file";
      case WARNING ->
          stage.equals("A")
              ? "whether the tasks run depends on the cluster"
              : "Swarm silently drops or alters what the file says";
      case INFO -> "style and practice";
    };
  }

  Check check() {
    return check;
  }

  @Override
  public String toString() {
    return id + " (" + severity.label() + "): " + summary;
  }

  static Builder rule(String id, Severity severity, String summary) {
    return new Builder(id, severity, summary);
  }

  /** Builds rules; package-private, rules are declared by the rule sets. */
  static final class Builder {
    private final String id;
    private final Severity severity;
    private final String summary;
    private String stage = "N";
    private Set<Target> targets = EnumSet.of(Target.SWARM);
    private Enforcement enforcement = Enforcement.MODEL;
    private String explanation = "";
    private String failing = "";
    private String passing = "";
    private String source = "";
    private String why = "";
    private Check check = ctx -> {};

    private Builder(String id, Severity severity, String summary) {
      this.id = id;
      this.severity = severity;
      this.summary = summary;
    }

    Builder stage(String stage) {
      this.stage = stage;
      return this;
    }

    Builder targets(Target... targets) {
      this.targets = EnumSet.copyOf(Set.of(targets));
      return this;
    }

    Builder enforcedBy(Enforcement enforcement) {
      this.enforcement = enforcement;
      return this;
    }

    Builder explain(String markdown) {
      this.explanation = markdown.strip();
      return this;
    }

    Builder failing(String yaml) {
      this.failing = yaml; // indentation stripped when asked for: a validation run never asks
      return this;
    }

    Builder passing(String yaml) {
      this.passing = yaml;
      return this;
    }

    Builder source(String source) {
      this.source = source;
      return this;
    }

    /**
     * Says why the rule has its severity, where the stage does not (see {@link
     * Rule#severityReason()}).
     */
    Builder why(String reason) {
      this.why = reason;
      return this;
    }

    Rule check(Check check) {
      this.check = check;
      return new Rule(this);
    }

    Rule documentationOnly() {
      this.enforcement = enforcement == Enforcement.MODEL ? Enforcement.DOCUMENTATION : enforcement;
      return new Rule(this);
    }
  }
}
