package io.compose4j.cli;

import io.compose4j.model.Stack;
import io.compose4j.plan.Cluster;
import io.compose4j.plan.Cost;
import io.compose4j.plan.Plan;
import io.compose4j.plan.PlanReport;
import io.compose4j.plan.Planner;
import io.compose4j.plan.PriceTable;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.EnvFiles;
import io.compose4j.yaml.ReadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compose4j plan --cluster FILE|docker STACK...}: where the tasks go, what is left, what a
 * lost node does, what it costs.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = {
      "Place the stacks' tasks on a cluster the way Swarm's scheduler does, before docker stack deploy.",
      "",
      "Shows the tasks per node and the headroom, each task that cannot be placed with Swarm's reason, "
          + "whether each start-first rolling update has room, what losing any one node or zone does, and the "
          + "cost per node and per service beside a managed container service. "
          + "Exit 0 when every task is placed and every update has room, 1 when not, 2 if a file cannot be read."
    })
final class PlanCommand implements Callable<Integer> {
  @Option(
      names = "--cluster",
      required = true,
      paramLabel = "FILE|docker",
      description =
          "The cluster description (YAML: nodes with role, availability, labels, cpus, memory, price), "
              + "or docker: the nodes of the swarm manager DOCKER_HOST names (else the local engine).")
  String cluster;

  @Option(
      names = "--zone-label",
      paramLabel = "LABEL",
      description =
          "The node label that names the zone (default: the cluster file's zone_label, else zone).")
  String zoneLabel;

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description = "A price table (YAML) instead of the bundled one (EC2 and Fargate, us-east-1).")
  Path prices;

  @Option(
      names = "--format",
      paramLabel = "text|json|svg",
      defaultValue = "text",
      description =
          "text (a table, the default), json, or svg (a picture: nodes as columns, tasks as blocks sized by "
              + "their CPU reservation, unplaced tasks and losses marked; redirect it to a .svg file).")
  String format = "text";

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      description =
          "Read variables for interpolation from FILE (the process environment wins over it). Repeatable.")
  List<Path> envFiles = List.of();

  @Parameters(
      arity = "1..*",
      paramLabel = "STACK",
      description =
          "Stack files deployed together; a stack is named by its name: key, else by its file name.")
  List<Path> files;

  @picocli.CommandLine.ParentCommand Main main;

  @Override
  public Integer call() {
    PrintWriter out = main.out;
    PrintWriter err = main.err;
    if (!format.equals("text") && !format.equals("json") && !format.equals("svg")) {
      err.println("compose4j plan: --format " + format + " is not a format; use text, json or svg");
      return Main.EXIT_UNREADABLE;
    }
    try {
      Cluster c = ClusterOption.cluster("plan", cluster, main.environment);
      if (zoneLabel != null) {
        c = c.withZoneLabel(zoneLabel);
      }
      PriceTable table = prices == null ? PriceTable.bundled() : PriceTable.read(prices);
      Map<String, String> env = new LinkedHashMap<>();
      for (Path f : envFiles) {
        env.putAll(EnvFiles.read(f));
      }
      env.putAll(main.environment);
      Map<String, Stack> stacks = new LinkedHashMap<>();
      for (Path f : files) {
        ReadResult read =
            ComposeReader.create()
                .withEnvironment(env)
                .withBaseDir(f.toAbsolutePath().getParent())
                .read(f);
        String name =
            read.stack()
                .name()
                .orElseGet(
                    () -> {
                      String file = f.getFileName().toString();
                      int dot = file.lastIndexOf('.');
                      return dot > 0 ? file.substring(0, dot) : file;
                    });
        if (stacks.putIfAbsent(name, read.stack()) != null) {
          err.println("compose4j plan: two stacks are named " + name + "; give one a name: key");
          return Main.EXIT_UNREADABLE;
        }
      }
      Plan plan = Planner.on(c).plan(stacks);
      Optional<Cost> cost = Optional.of(Cost.of(plan, table));
      out.print(
          switch (format) {
            case "json" -> PlanReport.json(plan, cost);
            case "svg" -> PlanReport.svg(plan, cost);
            default -> PlanReport.text(plan, cost);
          });
      out.flush();
      boolean updatesFit = plan.updates().stream().allMatch(Plan.UpdateRoom::room);
      return plan.fits() && updatesFit ? 0 : 1;
    } catch (ComposeReadException e) {
      err.println(e.getMessage());
      return Main.EXIT_UNREADABLE;
    } catch (CliException e) {
      err.println(e.getMessage());
      return Main.EXIT_UNREADABLE;
    }
  }
}
