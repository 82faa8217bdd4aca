package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.compose4j.validate.DockerCli.Result;
import io.compose4j.validate.UserCases.Label;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Labels the user-case corpus with a real Swarm ({@code -Pswarm}, {@code DOCKER_HOST} of {@code
 * scripts/swarm-up.sh}): deploys every case with {@code docker stack deploy --resolve-image never},
 * several stacks at once, waits until its tasks settle, records the outcome class with the Swarm's
 * message, removes the stack, and compares with {@code user-cases/labels.tsv}: a stale or missing
 * label fails. {@code -Dcompose4j.labels.update=true} rewrites the label file instead.
 *
 * <p>Settled means: every service has all its tasks running (or completed, for jobs) and no task
 * has failed, for {@value #STABLE_POLLS} polls in a row ({@code runs}, or {@code dropped} when a
 * key is lost); or some task is Rejected, Failed, or Pending with an error ({@code task-time}); or
 * no task runs after {@value #SETTLE_SECONDS} seconds ({@code task-time}, with the last state
 * seen). External secrets, configs and networks are created first, as for the catalog's cases (a
 * secret or config whose name contains {@code missing} is left out).
 */
@Tag("swarm")
class UserCasesSwarmTest {
  static final int SETTLE_SECONDS = 60;
  static final int STABLE_POLLS = 4;
  private static final String RUN = Long.toString(System.currentTimeMillis() / 1000 % 46656, 36);

  @Test
  void theLabelsAreWhatTheRealSwarmDoes() throws Exception {
    DockerCli.requireSwarm();
    List<String> cases = UserCases.cases();
    int parallel = Integer.getInteger("compose4j.swarm.parallel", 8);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    Map<String, Future<Label>> running = new LinkedHashMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < cases.size(); i++) {
      String c = cases.get(i);
      String stack = "uc" + RUN + Integer.toString(i, 36);
      running.put(c, pool.submit(() -> label(c, stack)));
    }
    Map<String, Label> seen = new TreeMap<>();
    for (var e : running.entrySet()) {
      seen.put(e.getKey(), e.getValue().get());
    }
    pool.shutdown();
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    Map<String, Label> labels = UserCases.labels();
    List<String> stale = new ArrayList<>();
    seen.forEach(
        (c, now) -> {
          Label was = labels.get(c);
          if (was == null
              || !was.outcome().equals(now.outcome())
              || !UserCases.sameMessage(was.message(), now.message())) {
            stale.add(
                c
                    + ": label "
                    + (was == null ? "missing" : was.outcome() + " «" + was.message() + "»")
                    + ", Swarm now "
                    + now.outcome()
                    + " «"
                    + now.message()
                    + "»");
          }
        });
    labels.keySet().stream()
        .filter(c -> !seen.containsKey(c))
        .forEach(c -> stale.add(c + ": labelled but no such case"));

    Map<String, Long> counts = new TreeMap<>();
    seen.values().forEach(l -> counts.merge(l.outcome(), 1L, Long::sum));
    StringBuilder report =
        new StringBuilder(
            String.format(
                "user cases on a real swarm: %d cases in %d s (%d at a time): %s%n",
                seen.size(), seconds, parallel, counts));
    seen.forEach(
        (c, l) -> report.append(String.format("%-50s %-9s %s%n", c, l.outcome(), l.message())));
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target", "user-cases-swarm.txt"), report.toString(), StandardCharsets.UTF_8);
    System.out.print(report.toString().lines().findFirst().orElse("") + "\n");

    if (Boolean.getBoolean("compose4j.labels.update")) {
      UserCases.writeLabels(seen);
      System.out.println("labels.tsv rewritten (" + stale.size() + " changed)");
      return;
    }
    assertThat(stale)
        .as("labels.tsv is stale (rerun with -Dcompose4j.labels.update=true and review the diff)")
        .isEmpty();
  }

  /**
   * The labelling cluster's facts in {@code cluster.json} are this swarm's: its nodes (id,
   * hostname, role, availability, labels, engine labels, platform, CPUs, memory, generic resources,
   * logging drivers, engine version), the ingress network's subnets, the engine version, and the
   * absolute bind sources and volume devices of the corpus that the node does not have (the swarm
   * of {@code scripts/swarm-up.sh} runs on this machine, so its node sees this file system). {@link
   * UserCasesTest} validates the cases against them. A node's id changes when the swarm is
   * recreated and is not compared; the other facts are. {@code -Dcompose4j.labels.update=true}
   * rewrites the file.
   */
  @Test
  void theClusterFactsAreTheLabellingCluster() throws Exception {
    DockerCli.requireSwarm();
    ObjectMapper json = new ObjectMapper();
    ObjectNode facts = json.createObjectNode();
    facts.put(
        "engineVersion",
        DockerCli.lines("docker", "version", "--format", "{{.Server.Version}}").get(0).strip());
    ArrayNode subnets = facts.putArray("ingressSubnets");
    for (JsonNode c :
        json.readTree(
            String.join(
                "\n",
                DockerCli.lines(
                    "docker",
                    "network",
                    "inspect",
                    "ingress",
                    "--format",
                    "{{json .IPAM.Config}}")))) {
      subnets.add(c.path("Subnet").asText());
    }
    ArrayNode nodes = facts.putArray("nodes");
    List<String> ids = DockerCli.lines("docker", "node", "ls", "-q");
    List<String> command = new ArrayList<>(List.of("docker", "node", "inspect"));
    command.addAll(ids);
    for (JsonNode n :
        json.readTree(String.join("\n", DockerCli.lines(command.toArray(String[]::new))))) {
      ObjectNode node = nodes.addObject();
      JsonNode d = n.path("Description");
      node.put("id", n.path("ID").asText());
      node.put("hostname", d.path("Hostname").asText());
      node.put("role", n.path("Spec").path("Role").asText());
      node.put("availability", n.path("Spec").path("Availability").asText());
      node.set(
          "labels",
          n.path("Spec").path("Labels").isObject()
              ? n.path("Spec").path("Labels")
              : json.createObjectNode());
      JsonNode engineLabels = d.path("Engine").path("Labels");
      node.set("engineLabels", engineLabels.isObject() ? engineLabels : json.createObjectNode());
      node.put("os", d.path("Platform").path("OS").asText());
      node.put("arch", d.path("Platform").path("Architecture").asText());
      node.put("nanoCpus", d.path("Resources").path("NanoCPUs").asLong());
      node.put("memoryBytes", d.path("Resources").path("MemoryBytes").asLong());
      node.put("engineVersion", d.path("Engine").path("EngineVersion").asText());
      Map<String, Long> generic = new TreeMap<>();
      for (JsonNode g : d.path("Resources").path("GenericResources")) {
        if (g.has("DiscreteResourceSpec")) {
          generic.merge(
              g.path("DiscreteResourceSpec").path("Kind").asText(),
              g.path("DiscreteResourceSpec").path("Value").asLong(),
              Long::sum);
        } else if (g.has("NamedResourceSpec")) {
          generic.merge(g.path("NamedResourceSpec").path("Kind").asText(), 1L, Long::sum);
        }
      }
      ObjectNode g = node.putObject("genericResources");
      generic.forEach(g::put);
      ArrayNode logDrivers = node.putArray("logDrivers");
      for (JsonNode p : d.path("Engine").path("Plugins")) {
        if (p.path("Type").asText().equals("Log")) {
          logDrivers.add(p.path("Name").asText());
        }
      }
    }
    // the swarm of scripts/swarm-up.sh runs on this machine: its node sees this file system
    java.util.TreeSet<String> absent = new java.util.TreeSet<>();
    Path dir = UserCases.dir();
    for (String c : UserCases.cases()) {
      io.compose4j.model.Stack stack;
      try {
        stack =
            io.compose4j.yaml.ComposeReader.create().withBaseDir(dir).read(dir.resolve(c)).stack();
      } catch (io.compose4j.yaml.ComposeReadException e) {
        continue;
      }
      List<String> paths = new ArrayList<>();
      stack
          .services()
          .values()
          .forEach(
              s ->
                  s.volumes().stream()
                      .filter(m -> m.type().equals("bind"))
                      .forEach(m -> m.source().ifPresent(paths::add)));
      stack
          .volumes()
          .values()
          .forEach(
              v -> {
                if (v.driverOpts().containsKey("device")) {
                  paths.add(v.driverOpts().get("device"));
                }
              });
      for (String p : paths) {
        if (p.startsWith("/") && !Files.exists(Path.of(p))) {
          absent.add(p.startsWith(dir + "/") ? "./" + dir.relativize(Path.of(p)) : p);
        }
      }
    }
    ArrayNode absentNode = facts.putArray("absentHostPaths");
    absent.forEach(absentNode::add);
    if (Boolean.getBoolean("compose4j.labels.update")) {
      UserCases.writeClusterFacts(facts);
      System.out.println("cluster.json rewritten");
      return;
    }
    assertThat(withoutIds(json.readTree(json.writeValueAsString(facts))))
        .as("cluster.json is stale (rerun with -Dcompose4j.labels.update=true and review the diff)")
        .isEqualTo(withoutIds(UserCases.clusterFacts()));
  }

  private static JsonNode withoutIds(JsonNode facts) {
    JsonNode copy = facts.deepCopy();
    copy.path("nodes").forEach(n -> ((ObjectNode) n).remove("id"));
    return copy;
  }

  /** Deploys one case and returns what the Swarm did with it. */
  static Label label(String file, String stack) throws Exception {
    Path dir = UserCases.dir();
    Result config = DockerCli.run(dir, null, "docker", "stack", "config", "-c", file);
    if (!config.ok()) {
      return new Label(
          "refused",
          "docker stack config: " + UserCases.normalize(lastLine(config.output()), stack));
    }
    UserCases.createExternals(dir.resolve(file));
    Result deploy =
        DockerCli.run(
            dir, null, "docker", "stack", "deploy", "--resolve-image", "never", "-c", file, stack);
    try {
      if (!deploy.ok()) {
        return new Label(
            "refused",
            "docker stack deploy: " + UserCases.normalize(lastLine(deploy.output()), stack));
      }
      String failure = watch(stack);
      if (failure != null) {
        return new Label("task-time", UserCases.normalize(failure, stack));
      }
      List<String> dropped = new ArrayList<>(ignoredOptions(config.output()));
      ignoredOptions(deploy.output()).stream()
          .filter(l -> !dropped.contains(l))
          .forEach(dropped::add);
      dropped.addAll(droppedKeys(dir.resolve(file), config.output()));
      if (!dropped.isEmpty()) {
        return new Label("dropped", UserCases.normalize(String.join("; ", dropped), stack));
      }
      return new Label("runs", "");
    } finally {
      DockerCli.run(dir, null, "docker", "stack", "rm", stack);
    }
  }

  /**
   * Returns null once every task runs steadily, or the first task error (or last state) otherwise.
   */
  private static String watch(String stack) throws InterruptedException {
    int stable = 0;
    String last = "no task";
    for (int second = 0; second < SETTLE_SECONDS; second++) {
      Thread.sleep(1000);
      Result ps =
          DockerCli.run(
              null,
              null,
              "docker",
              "stack",
              "ps",
              stack,
              "--no-trunc",
              "--format",
              "{{.Name}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}");
      Result services =
          DockerCli.run(
              null,
              null,
              "docker",
              "stack",
              "services",
              stack,
              "--format",
              "{{.Name}}\t{{.Replicas}}\t{{.Mode}}");
      if (!services.ok()) {
        stable = 0;
        continue;
      }
      Set<String> jobs = new HashSet<>();
      services
          .output()
          .lines()
          .filter(l -> l.endsWith("job"))
          .forEach(l -> jobs.add(l.split("\t", -1)[0]));
      // no task at all (replicas: 0) makes docker stack ps fail with "nothing found in stack"
      List<String> tasks =
          ps.ok() ? ps.output().lines().filter(l -> !l.isBlank()).toList() : List.of();
      for (String line : tasks) {
        String[] f = line.split("\t", -1);
        String state = f.length > 2 ? f[2].split(" ", -1)[0] : "";
        String error = f.length > 3 ? f[3].replaceAll("^\"|\"$", "") : "";
        if (state.equals("Rejected")
            || state.equals("Failed")
            || (state.equals("Pending") && !error.isEmpty())) {
          return state + ": " + error;
        }
        String task = f[0].replace("\\_", "").strip();
        String service = task.contains(".") ? task.substring(0, task.lastIndexOf('.')) : task;
        if (state.equals("Complete") && !jobs.contains(service)) {
          return "Complete: the task's command exited (the service is not a job, so its tasks never stay running)";
        }
        last = state + (error.isEmpty() ? "" : ": " + error);
      }
      boolean allUp =
          services
              .output()
              .lines()
              .filter(l -> !l.isBlank())
              .allMatch(UserCasesSwarmTest::serviceIsUp);
      stable = allUp ? stable + 1 : 0;
      if (stable >= STABLE_POLLS) {
        return null;
      }
    }
    return "no task running after " + SETTLE_SECONDS + " s, last state " + last;
  }

  /** {@code name<TAB>2/2<TAB>mode} or, for jobs, {@code name<TAB>0/1 (1/1 completed)<TAB>mode}. */
  static boolean serviceIsUp(String line) {
    String[] f = line.split("\t", -1);
    String replicas = f.length > 1 ? f[1].strip() : "";
    java.util.regex.Matcher job =
        java.util.regex.Pattern.compile("\\((\\d+)/(\\d+) completed\\)").matcher(replicas);
    if (job.find()) {
      return job.group(1).equals(job.group(2));
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)/(\\d+)").matcher(replicas);
    return m.find() && m.group(1).equals(m.group(2));
  }

  /** The options {@code docker stack deploy} says it ignores. */
  static List<String> ignoredOptions(String output) {
    List<String> out = new ArrayList<>();
    List<String> lines = output.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.startsWith("Ignoring unsupported options:") || l.startsWith("ignoring IP-address")) {
        out.add(l);
      } else if (l.startsWith("Ignoring deprecated options:")) {
        StringBuilder b = new StringBuilder("Ignoring deprecated options:");
        for (int j = i + 1;
            j < lines.size()
                && !lines.get(j).startsWith("Creating")
                && !lines.get(j).startsWith("Updating")
                && !lines.get(j).startsWith("Since")
                && !lines.get(j).startsWith("In a future");
            j++) {
          if (!lines.get(j).isBlank()) {
            b.append(' ').append(lines.get(j).strip());
          }
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  /** The keys of the file that {@code docker stack config} no longer has. */
  static List<String> droppedKeys(Path file, String configOutput) throws Exception {
    YAMLMapper yaml = new YAMLMapper();
    JsonNode in = yaml.readTree(file.toFile());
    // the CLI prints warnings (such as "ignoring IP-address ...") before the YAML
    List<String> lines = configOutput.lines().toList();
    int first = 0;
    while (first < lines.size() && !lines.get(first).matches("[A-Za-z0-9_.-]+:( .*)?")) {
      first++;
    }
    JsonNode out = yaml.readTree(String.join("\n", lines.subList(first, lines.size())));
    Set<String> have = new HashSet<>(UserCases.keyPaths(out));
    List<String> lost = new ArrayList<>();
    for (String path : UserCases.keyPaths(in)) {
      if (!path.contains("<<")
          && !have.contains(path)
          && lost.stream().noneMatch(p -> path.startsWith(p + "."))) {
        lost.add(path);
      }
    }
    return lost.isEmpty()
        ? List.of()
        : List.of("docker stack config drops " + String.join(", ", lost));
  }

  private static String lastLine(String output) {
    List<String> lines =
        output
            .lines()
            .filter(
                l ->
                    !l.isBlank()
                        && !l.startsWith("Since --detach")
                        && !l.startsWith("In a future release")
                        && !l.startsWith("Creating ")
                        && !l.startsWith("Ignoring"))
            .toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
