package io.compose4j.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.plan.Cluster;
import io.compose4j.plan.Node;
import io.compose4j.validate.ClusterState;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a live Swarm manager reports, read through docker-java's zero-dependency transport: the
 * nodes ({@code GET /nodes}), the ingress network's subnets, and the existing secrets, configs and
 * networks. {@link #cluster()} gives the nodes to the planner, {@link #state()} gives everything to
 * the validator.
 *
 * <pre>{@code
 * DockerCluster live = DockerCluster.read();          // DOCKER_HOST, else the local socket
 * Plan plan = Planner.on(live.cluster()).plan(stacks);
 * ValidationReport r = StackValidator.create().cluster(live.state()).validate(stack);
 * }</pre>
 *
 * @param nodes the nodes, in the order the engine lists them (sorted by hostname)
 * @param ingressSubnets the subnets of the ingress network (empty when there is none)
 * @param secrets the names of the existing secrets
 * @param configs the names of the existing configs
 * @param networks the existing networks by name, with their scope ({@code swarm}, {@code local})
 * @param engineHost the engine read ({@code unix:///var/run/docker.sock})
 */
public record DockerCluster(
    List<ClusterState.Node> nodes,
    List<String> ingressSubnets,
    Set<String> secrets,
    Set<String> configs,
    Map<String, String> networks,
    String engineHost) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the collections. */
  public DockerCluster {
    nodes = List.copyOf(nodes);
    ingressSubnets = List.copyOf(ingressSubnets);
    secrets = Set.copyOf(new TreeSet<>(secrets));
    configs = Set.copyOf(new TreeSet<>(configs));
    networks = Map.copyOf(networks);
  }

  /**
   * Reads the engine {@code DOCKER_HOST} names (a {@code unix://}, {@code tcp://} or {@code
   * npipe://} address; with {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} for TLS), else
   * the local socket.
   *
   * @throws DockerEngineException when no engine answers, it is not a swarm manager, or it answers
   *     an error
   */
  public static DockerCluster read() {
    return read(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
  }

  /**
   * Reads the engine at this address ({@code unix:///var/run/docker.sock}, {@code
   * tcp://host:2375}).
   *
   * @throws DockerEngineException when no engine answers, it is not a swarm manager, or it answers
   *     an error
   */
  public static DockerCluster read(String dockerHost) {
    return read(
        DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(dockerHost).build());
  }

  private static DockerCluster read(DockerClientConfig config) {
    URI host = config.getDockerHost();
    try (DockerHttpClient http =
        new ZerodepDockerHttpClient.Builder()
            .dockerHost(host)
            .sslConfig(config.getSSLConfig())
            .connectionTimeout(Duration.ofSeconds(5))
            .responseTimeout(Duration.ofSeconds(30))
            .build()) {
      Engine engine = new Engine(http, host.toString());
      JsonNode info = engine.get("/info");
      JsonNode swarm = info.path("Swarm");
      String state = swarm.path("LocalNodeState").asText("");
      if (!state.equals("active")) {
        throw new DockerEngineException(
            "the Docker engine at "
                + host
                + " is not part of a swarm (its swarm state is '"
                + (state.isEmpty() ? "unknown" : state)
                + "'); run docker swarm init, or set DOCKER_HOST to a swarm manager");
      }
      if (!swarm.path("ControlAvailable").asBoolean(false)) {
        throw new DockerEngineException(
            "the Docker engine at "
                + host
                + " is a swarm worker, not a manager; set DOCKER_HOST to a manager node");
      }
      return of(
          engine.get("/nodes"),
          engine.get("/networks"),
          engine.get("/secrets"),
          engine.get("/configs"),
          host.toString());
    } catch (IOException e) {
      throw new DockerEngineException(
          "could not close the connection to the Docker engine at " + host + ": " + e.getMessage());
    }
  }

  /**
   * Builds the facts from the engine's JSON answers to {@code GET /nodes}, {@code /networks},
   * {@code /secrets} and {@code /configs} (each an array, as the Engine API returns them).
   */
  public static DockerCluster of(
      JsonNode nodes, JsonNode networks, JsonNode secrets, JsonNode configs, String engineHost) {
    List<ClusterState.Node> ns = new ArrayList<>();
    for (JsonNode n : nodes) {
      ns.add(node(n));
    }
    ns.sort((a, b) -> a.hostname().compareTo(b.hostname()));
    Map<String, String> nets = new LinkedHashMap<>();
    List<String> ingress = new ArrayList<>();
    for (JsonNode net : networks) {
      nets.put(net.path("Name").asText(), net.path("Scope").asText(""));
      if (net.path("Ingress").asBoolean(false)
          || (net.path("Name").asText().equals("ingress")
              && net.path("Scope").asText("").equals("swarm"))) {
        for (JsonNode c : net.path("IPAM").path("Config")) {
          if (c.hasNonNull("Subnet")) {
            ingress.add(c.path("Subnet").asText());
          }
        }
      }
    }
    return new DockerCluster(ns, ingress, names(secrets), names(configs), nets, engineHost);
  }

  private static Set<String> names(JsonNode list) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode o : list) {
      names.add(o.path("Spec").path("Name").asText());
    }
    return names;
  }

  private static ClusterState.Node node(JsonNode n) {
    JsonNode spec = n.path("Spec");
    JsonNode desc = n.path("Description");
    JsonNode engine = desc.path("Engine");
    JsonNode res = desc.path("Resources");
    Map<String, Long> generic = new LinkedHashMap<>();
    for (JsonNode g : res.path("GenericResources")) {
      if (g.has("DiscreteResourceSpec")) {
        JsonNode d = g.path("DiscreteResourceSpec");
        generic.merge(d.path("Kind").asText(), d.path("Value").asLong(), Long::sum);
      } else if (g.has("NamedResourceSpec")) {
        generic.merge(g.path("NamedResourceSpec").path("Kind").asText(), 1L, Long::sum);
      }
    }
    Set<String> logDrivers = new TreeSet<>();
    for (JsonNode p : engine.path("Plugins")) {
      if (p.path("Type").asText().equals("Log")) {
        logDrivers.add(p.path("Name").asText());
      }
    }
    return new ClusterState.Node(
        n.path("ID").asText(""),
        desc.path("Hostname").asText(""),
        spec.path("Role").asText("").toLowerCase(Locale.ROOT),
        spec.path("Availability").asText("").toLowerCase(Locale.ROOT),
        strings(spec.path("Labels")),
        strings(engine.path("Labels")),
        desc.path("Platform").path("OS").asText(""),
        desc.path("Platform").path("Architecture").asText(""),
        res.path("NanoCPUs").asLong(0),
        res.path("MemoryBytes").asLong(0),
        generic,
        logDrivers,
        engine.path("EngineVersion").asText(""));
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }

  /** Returns the nodes as the planner's cluster, with zones in {@code node.labels.zone}. */
  public Cluster cluster() {
    List<Node> out = new ArrayList<>();
    for (ClusterState.Node n : nodes) {
      Node.Builder b =
          Node.builder(n.hostname())
              .id(n.id().isEmpty() ? n.hostname() : n.id())
              .role(n.role().equals("manager") ? Node.Role.MANAGER : Node.Role.WORKER)
              .availability(
                  switch (n.availability()) {
                    case "pause" -> Node.Availability.PAUSE;
                    case "drain" -> Node.Availability.DRAIN;
                    default -> Node.Availability.ACTIVE;
                  })
              .platform(
                  n.os().isEmpty() ? "linux" : n.os(), n.arch().isEmpty() ? "x86_64" : n.arch())
              .cpus(Cpus.of(BigDecimal.valueOf(n.nanoCpus(), 9).stripTrailingZeros()))
              .memory(ByteSize.of(n.memoryBytes()));
      n.labels().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> b.label(e.getKey(), e.getValue()));
      n.engineLabels().forEach(b::engineLabel);
      n.genericResources().forEach(b::genericResource);
      out.add(b.build());
    }
    return Cluster.of(out);
  }

  /**
   * Returns everything read as the validator's cluster state (nodes known, no host path known to be
   * absent).
   */
  public ClusterState state() {
    return new ClusterState(secrets, configs, networks, nodes, ingressSubnets);
  }

  /** GETs of the Engine API with one-line errors. */
  private record Engine(DockerHttpClient http, String host) {
    JsonNode get(String path) {
      DockerHttpClient.Request req =
          DockerHttpClient.Request.builder()
              .method(DockerHttpClient.Request.Method.GET)
              .path(path)
              .build();
      try (DockerHttpClient.Response r = http.execute(req);
          InputStream body = r.getBody()) {
        byte[] bytes = body.readAllBytes();
        if (r.getStatusCode() != 200) {
          String message = new String(bytes, StandardCharsets.UTF_8).trim();
          try {
            message = JSON.readTree(bytes).path("message").asText(message);
          } catch (IOException notJson) {
            // keep the text as it came
          }
          if (r.getStatusCode() == 503 && path.equals("/nodes")) {
            throw new DockerEngineException(
                "the Docker engine at "
                    + host
                    + " is not a swarm manager: "
                    + message
                    + "; set DOCKER_HOST to a manager node");
          }
          throw new DockerEngineException(
              "the Docker engine at "
                  + host
                  + " answered GET "
                  + path
                  + " with "
                  + r.getStatusCode()
                  + ": "
                  + message.replace('\n', ' '));
        }
        return JSON.readTree(bytes);
      } catch (DockerEngineException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
          cause = cause.getCause();
        }
        String why =
            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        throw new DockerEngineException(
            "no Docker engine answers at "
                + host
                + " ("
                + why.replace('\n', ' ')
                + "); start Docker, or set DOCKER_HOST to a swarm manager");
      }
    }
  }
}
