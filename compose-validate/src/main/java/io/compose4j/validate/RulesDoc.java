package io.compose4j.validate;

import io.compose4j.model.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Generates {@code docs/RULES.md} from the rules' metadata: {@code java -cp ...
 * io.compose4j.validate.RulesDoc docs/RULES.md}. A test fails when the file is out of date.
 */
public final class RulesDoc {
  private RulesDoc() {}

  /** Writes the document to the path given as first argument (default {@code docs/RULES.md}). */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/RULES.md");
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, render(), StandardCharsets.UTF_8);
  }

  /** The severity policy every rule follows (issue 9), as it stands at the top of the document. */
  static final String SEVERITY_POLICY =
      """
      ## Severity policy

      Every rule's severity follows one policy; where the Swarm rule catalog
      (`../shared/swarm-rules`) rates a behaviour otherwise, the policy wins and the rule's section
      says so, with the real Swarm's evidence.

      - **error**: `docker stack deploy` refuses the file, or some task of it can never run on any
        cluster because of the file itself: it stays Pending or New forever, is Rejected, or fails at
        start (a placement nothing can satisfy, an option the engine rejects, a command that cannot
        exec). Stage A (task time) errors are errors although `docker stack deploy` reports success.
      - **warning**: it fails or misbehaves only on some clusters (node labels, node count, existing
        objects, engine version, node sizes), or Swarm silently drops or alters something the user
        wrote.
      - **info**: style and practice.

      Given cluster facts (`StackValidator.cluster(ClusterState)`), a cluster-dependent finding
      becomes certain and is an error: a constraint on a node label no node has, an external secret
      that does not exist, more tasks per node than the known nodes can take, a CPU limit or a
      reservation no node can hold, a logging driver no node has, a Windows-only setting on Linux
      nodes, a subnet overlapping the ingress network's, a bind source no node has; where a node can
      take the task, nothing is reported. A fact that is not known is never held against a node.
      Advice about what Docker applies as written (nothing dropped) is stage `lint`. A rule whose check
      throws on a stack it did not expect is reported as an error finding of that rule (the other
      rules still run).

      """;

  /** Returns the Markdown document. */
  public static String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Validation rules\n\n");
    sb.append(
        "Generated from the rules' metadata by `io.compose4j.validate.RulesDoc` (do not edit by hand;\n");
    sb.append("`RulesDocTest` fails when this file is out of date). ")
        .append(StackValidator.rules().size())
        .append(" rules: the Swarm catalog (`SWARM-*`) and lint rules (`LINT-*`).\n\n");
    sb.append(SEVERITY_POLICY);
    sb.append(
        "Stage (where Docker enforces it): S schema, L loader, D deploy-load, C CLI conversion, E engine,\n");
    sb.append("M swarm manager, A asynchronous (task time), N nowhere (silently ignored), lint.\n");
    sb.append(
        "Checked: `model` on the stack; `reader` while reading (the file is reported with rule `parse`);\n");
    sb.append(
        "`files` needs the stack's folder; `cluster` needs a `ClusterState`; `documentation` cannot be checked\n");
    sb.append("before deploying.\n\n");
    sb.append(
        "Suppress a rule for one stack with `x-compose4j: {ignore: [RULE-ID]}`, or for a validator with\n");
    sb.append("`StackValidator.suppress(\"RULE-ID\")`.\n\n");
    sb.append(
        "| id | severity | stage | checked | targets | summary |\n|---|---|---|---|---|---|\n");
    for (Rule r : StackValidator.rules()) {
      sb.append("| [")
          .append(r.id())
          .append("](#")
          .append(r.id().toLowerCase(Locale.ROOT))
          .append(") | ")
          .append(r.severity().label())
          .append(" | ")
          .append(r.stage())
          .append(" | ")
          .append(r.enforcement().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(
              r.targets().stream()
                  .map(t -> t.name().toLowerCase(Locale.ROOT))
                  .sorted()
                  .collect(Collectors.joining(", ")))
          .append(" | ")
          .append(r.summary())
          .append(" |\n");
    }
    for (Rule r : StackValidator.rules()) {
      sb.append("\n## ").append(r.id()).append("\n\n");
      sb.append("**")
          .append(r.summary())
          .append("** — ")
          .append(r.severity().label())
          .append(", stage ")
          .append(r.stage())
          .append(", checked: ")
          .append(r.enforcement().name().toLowerCase(Locale.ROOT))
          .append(r.targets().contains(Target.COMPOSE) ? ", also for the Compose target" : "")
          .append(".\n\n");
      if (!r.explanation().isEmpty()) {
        sb.append(r.explanation()).append("\n\n");
      }
      sb.append("Why ")
          .append(r.severity().label())
          .append(": ")
          .append(r.severityReason())
          .append(".\n\n");
      if (!r.source().isEmpty()) {
        sb.append("Source: ").append(r.source()).append(".\n\n");
      }
      if (!r.failingExample().isEmpty()) {
        sb.append("Fails:\n\n```yaml\n").append(r.failingExample()).append("```\n\n");
      }
      if (!r.passingExample().isEmpty()) {
        sb.append("Passes:\n\n```yaml\n").append(r.passingExample()).append("```\n");
      }
    }
    return sb.toString();
  }
}
