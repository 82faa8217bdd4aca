package io.compose4j.plan;

import io.compose4j.model.Constraint;
import io.compose4j.model.Deploy;
import io.compose4j.model.GenericResource;
import io.compose4j.model.Placement;
import io.compose4j.model.PlacementPreference;
import io.compose4j.model.PortMapping;
import io.compose4j.model.Resource;
import io.compose4j.model.Service;
import io.compose4j.model.UpdateConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the scheduler sees of one service (swarmkit's task spec): reservations, constraints, spread
 * preferences, max replicas per node, platforms, host-mode ports; plus mode, replicas and update
 * order for the planner around it.
 */
record TaskSpec(
    String name,
    boolean global,
    boolean job,
    int replicas,
    long nanoCpus,
    long memoryBytes,
    Map<String, Long> generic,
    long costNanoCpus,
    long costMemoryBytes,
    boolean costFromLimits,
    List<Constraint> constraints,
    List<String> spreads,
    long maxReplicas,
    List<String[]> platforms,
    List<String> hostPorts,
    String updateOrder,
    long parallelism) {

  static TaskSpec of(String name, Service service) {
    Deploy deploy = service.deploy().orElse(Deploy.builder().build());
    String mode = deploy.mode().orElse(Deploy.REPLICATED);
    boolean global = mode.equals(Deploy.GLOBAL) || mode.equals(Deploy.GLOBAL_JOB);
    boolean job = mode.endsWith("-job");
    int replicas = (int) Math.min(Integer.MAX_VALUE, deploy.replicas().orElse(1));
    Optional<Resource> reserved = deploy.resources().flatMap(r -> r.reservations());
    Optional<Resource> limits = deploy.resources().flatMap(r -> r.limits());
    long cpu = reserved.flatMap(Resource::cpus).map(c -> c.nanoCpus()).orElse(0L);
    long mem = reserved.flatMap(Resource::memory).map(m -> Math.max(0, m.bytes())).orElse(0L);
    Map<String, Long> generic = new LinkedHashMap<>();
    for (GenericResource g : reserved.map(Resource::genericResources).orElse(List.of())) {
      generic.merge(g.kind(), g.value(), Long::sum);
    }
    Placement placement = deploy.placement().orElse(Placement.builder().build());
    List<String> spreads = new ArrayList<>();
    for (PlacementPreference p : placement.preferences()) {
      spreads.add(p.spread());
    }
    List<String[]> platforms = new ArrayList<>();
    service
        .platform()
        .ifPresent(
            p -> {
              String[] parts = p.split("/", -1);
              platforms.add(new String[] {parts[0], parts.length > 1 ? parts[1] : ""});
            });
    List<String> hostPorts = new ArrayList<>();
    for (PortMapping port : service.ports()) {
      if ("host".equals(port.mode().orElse("ingress")) && port.publishedPort().orElse(0) != 0) {
        hostPorts.add(
            port.protocol().orElse("tcp").toLowerCase(Locale.ROOT)
                + "/"
                + port.publishedPort().getAsInt());
      }
    }
    Optional<UpdateConfig> update = deploy.updateConfig();
    String order = update.flatMap(UpdateConfig::order).orElse("stop-first");
    long parallelism =
        update
            .flatMap(
                u ->
                    u.parallelism().isPresent()
                        ? Optional.of(u.parallelism().getAsLong())
                        : Optional.empty())
            .orElse(1L);
    // costs are shared by reservations; where nothing is reserved, by the limits (said so)
    boolean fromLimits = cpu == 0 && mem == 0;
    long costCpu =
        fromLimits ? limits.flatMap(Resource::cpus).map(c -> c.nanoCpus()).orElse(0L) : cpu;
    long costMem =
        fromLimits
            ? limits.flatMap(Resource::memory).map(m -> Math.max(0, m.bytes())).orElse(0L)
            : mem;
    return new TaskSpec(
        name,
        global,
        job,
        replicas,
        cpu,
        mem,
        Map.copyOf(generic),
        costCpu,
        costMem,
        fromLimits && (costCpu != 0 || costMem != 0),
        List.copyOf(placement.constraints()),
        List.copyOf(spreads),
        placement.maxReplicasPerNode().orElse(0),
        platforms,
        List.copyOf(hostPorts),
        order,
        parallelism);
  }

  /** Whether the resource filter is enabled (swarmkit: some CPU, memory or generic reservation). */
  boolean reserves() {
    return nanoCpus != 0 || memoryBytes != 0 || !generic.isEmpty();
  }
}
