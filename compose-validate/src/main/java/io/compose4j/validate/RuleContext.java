package io.compose4j.validate;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a rule sees while it runs, and where it reports its findings. */
public final class RuleContext {
  private final Stack stack;
  private final Target target;
  private final List<SyntaxFact> facts;
  private final boolean fromFile;
  private final String stackName;
  private final Path baseDir;
  private final ClusterState cluster;
  private final List<Diagnostic> out;
  private Rule rule;

  RuleContext(
      Stack stack,
      Target target,
      List<SyntaxFact> facts,
      String stackName,
      Path baseDir,
      ClusterState cluster,
      List<Diagnostic> out) {
    this.stack = stack;
    this.target = target;
    this.facts = facts == null ? List.of() : facts;
    this.fromFile = facts != null;
    this.stackName = stackName;
    this.baseDir = baseDir;
    this.cluster = cluster;
    this.out = out;
  }

  void use(Rule r) {
    this.rule = r;
  }

  /** Returns the stack being validated. */
  public Stack stack() {
    return stack;
  }

  /** Returns the target it is validated for. */
  public Target target() {
    return target;
  }

  /**
   * Returns the syntax facts of the file the stack was read from (empty for stacks built in code).
   */
  public List<SyntaxFact> facts(SyntaxFact.Kind kind) {
    List<SyntaxFact> out = new ArrayList<>(); // a loop, not a stream: see Rx on short runs
    for (SyntaxFact f : facts) {
      if (f.kind() == kind) {
        out.add(f);
      }
    }
    return List.copyOf(out);
  }

  /** Returns whether the file has a syntax fact of this kind at this path. */
  boolean hasFact(SyntaxFact.Kind kind, String path) {
    for (SyntaxFact f : facts) {
      if (f.kind() == kind && f.path().equals(path)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the stack was read from a file (syntax facts are known). */
  public boolean fromFile() {
    return fromFile;
  }

  /**
   * Returns the stack name Docker will use, if known: the validator's, else the stack's {@code
   * name}.
   */
  public Optional<String> stackName() {
    return Optional.ofNullable(stackName).or(stack::name);
  }

  /** Returns the folder relative files are resolved against, when file checks are enabled. */
  public Optional<Path> baseDir() {
    return Optional.ofNullable(baseDir);
  }

  /** Returns what exists on the cluster, when known. */
  public Optional<ClusterState> cluster() {
    return Optional.ofNullable(cluster);
  }

  /** Reports a finding of the running rule with its severity. */
  public void report(String path, String message, String hint) {
    report(rule.severity(), path, message, hint);
  }

  /**
   * Reports a finding of the running rule with another severity (for rules with graded findings).
   */
  public void report(Severity severity, String path, String message, String hint) {
    out.add(new Diagnostic(severity, rule.id(), path, message, hint));
  }
}
