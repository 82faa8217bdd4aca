package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.deploy;
import static io.compose4j.validate.Checks.mode;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.Deploy;
import io.compose4j.model.PortMapping;
import io.compose4j.model.Service;
import io.compose4j.model.internal.Rx;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/** SWARM-EP: endpoint mode and ports. */
final class EndpointRules {
  private static final Rx DIGITS = Rx.compile("\\d+");

  private EndpointRules() {}

  private static String protocol(PortMapping p) {
    return p.protocol().orElse("tcp").toLowerCase(Locale.ROOT);
  }

  /** Whether a service runs a task on every node: global, without placement constraints. */
  private static boolean everyNode(Service s) {
    return Checks.isGlobal(mode(s))
        && s.deploy().flatMap(d -> d.placement()).map(p -> p.constraints().isEmpty()).orElse(true);
  }

  private static boolean ingress(PortMapping p) {
    return !p.mode().map(m -> m.equals("host")).orElse(false);
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-EP-001", ERROR, "endpoint_mode dnsrr with an ingress-published port")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go validateEndpointSpec")
            .explain(
                """
                DNS round robin has no virtual IP for the routing mesh: `EndpointSpec: port published with
                ingress mode can't be used with dnsrr mode`. Publish with `mode: host` (short-syntax ports
                are always ingress) or use `endpoint_mode: vip`.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports: ["80:80"]
                    deploy:
                      endpoint_mode: dnsrr
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports:
                      - target: 80
                        published: 80
                        mode: host
                    deploy:
                      endpoint_mode: dnsrr
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          boolean dnsrr =
                              s.deploy()
                                  .flatMap(Deploy::endpointMode)
                                  .map(m -> m.equalsIgnoreCase("dnsrr"))
                                  .orElse(false);
                          for (int i = 0; dnsrr && i < s.ports().size(); i++) {
                            if (ingress(s.ports().get(i))) {
                              ctx.report(
                                  path(name) + ".ports[" + i + "]",
                                  "EndpointSpec: port published with ingress mode can't be used with dnsrr mode",
                                  "publish it with mode: host, or use endpoint_mode: vip");
                            }
                          }
                        })),
        rule("SWARM-EP-002", ERROR, "endpoint_mode is not vip or dnsrr")
            .stage("E")
            .source("moby/moby daemon/cluster/convert/service.go ServiceSpecToGRPC")
            .explain(
                "The CLI lower-cases `endpoint_mode`; anything but `vip` or `dnsrr` is refused: `invalid resolution mode`.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      endpoint_mode: roundrobin
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    deploy:
                      endpoint_mode: dnsrr
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.deploy()
                                .flatMap(Deploy::endpointMode)
                                .ifPresent(
                                    m -> {
                                      String lower = m.toLowerCase(Locale.ROOT);
                                      if (!lower.isEmpty()
                                          && !lower.equals("vip")
                                          && !lower.equals("dnsrr")) {
                                        ctx.report(
                                            path(name) + ".deploy.endpoint_mode",
                                            "invalid resolution mode: \"" + lower + "\"",
                                            "use vip or dnsrr");
                                      }
                                    }))),
        rule("SWARM-EP-003", ERROR, "the same published port and protocol twice in one service")
            .stage("M")
            .source("moby/swarmkit service.go validateEndpointSpec")
            .explain(
                "`EndpointSpec: duplicate published ports provided`: each published port/protocol pair may appear once per service.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports: ["80:80", "80:8080"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports: ["80:80", "8080:8080"]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          Set<String> seen = new HashSet<>();
                          for (int i = 0; i < s.ports().size(); i++) {
                            PortMapping p = s.ports().get(i);
                            if (p.publishedPort().isPresent()
                                && !seen.add(p.publishedPort().getAsInt() + "/" + protocol(p))) {
                              ctx.report(
                                  path(name) + ".ports[" + i + "]",
                                  "EndpointSpec: duplicate published ports provided ("
                                      + p.publishedPort().getAsInt()
                                      + "/"
                                      + protocol(p)
                                      + ")",
                                  "publish each port once");
                            }
                          }
                        })),
        rule("SWARM-EP-004", ERROR, "a short-syntax port does not parse")
            .stage("S")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli schema.go portsFormatChecker (go-connections nat)")
            .explain(
                """
                `[ip:][host[-range]:]container[-range][/protocol]` with protocol tcp, udp or sctp; range
                lengths must match unless the container side is one port; numbers 0-65535. The reader
                refuses the file (`parse`).""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports: ["8080:80/http"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports: ["8080:80/tcp"]
                """)
            .documentationOnly(),
        rule("SWARM-EP-005", WARNING, "a long-syntax protocol Swarm does not know")
            .stage("N")
            .source("moby/moby daemon/cluster/convert/service.go (PortConfig_Protocol_value)")
            .explain(
                "Only `tcp`, `udp` and `sctp` exist; other values are sent as-is and the engine silently uses TCP.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports:
                      - target: 80
                        published: 80
                        protocol: http
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports:
                      - target: 80
                        published: 80
                        protocol: tcp
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (int i = 0; i < s.ports().size(); i++) {
                            String proto = protocol(s.ports().get(i));
                            if (!Set.of("tcp", "udp", "sctp").contains(proto)) {
                              ctx.report(
                                  path(name) + ".ports[" + i + "].protocol",
                                  "unknown protocol '" + proto + "' is published as tcp",
                                  "use tcp, udp or sctp");
                            }
                          }
                        })),
        rule("SWARM-EP-006", WARNING, "a long-syntax publish mode Swarm does not know")
            .stage("N")
            .source("moby/moby daemon/cluster/convert/service.go (PortConfig_PublishMode_value)")
            .explain(
                "Only `ingress` and `host` exist; other values are sent as-is and the engine silently uses ingress.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports:
                      - target: 80
                        published: 80
                        mode: hostport
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports:
                      - target: 80
                        published: 80
                        mode: host
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (int i = 0; i < s.ports().size(); i++) {
                            String m = s.ports().get(i).mode().orElse("ingress");
                            if (!m.equals("ingress") && !m.equals("host")) {
                              ctx.report(
                                  path(name) + ".ports[" + i + "].mode",
                                  "unknown publish mode '" + m + "' is treated as ingress",
                                  "use ingress or host");
                            }
                          }
                        })),
        rule("SWARM-EP-007", WARNING, "a host IP in a port is ignored")
            .stage("L")
            .source("docker/cli opts/swarmopts/port.go ConvertPortToPortConfig")
            .explain(
                """
                Swarm publishes on every address: `127.0.0.1:8080:80` listens on 0.0.0.0 (`ignoring
                IP-address ... service will listen on '0.0.0.0'`), so a port meant to be local-only
                becomes public. Keep such services unpublished behind a proxy, or publish with `mode:
                host` and a firewall.""")
            .failing(
                """
                version: "3.9"
                services:
                  admin:
                    image: nginx:1.25
                    ports: ["127.0.0.1:8080:80"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  admin:
                    image: nginx:1.25
                    ports: ["8080:80"]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          Set<String> reported = new HashSet<>();
                          for (int i = 0; i < s.ports().size(); i++) {
                            PortMapping p = s.ports().get(i);
                            String ip = p.hostIp().orElse("");
                            if (!ip.isEmpty()
                                && !ip.equals("0.0.0.0")
                                && !ip.equals("::")
                                && reported.add(ip)) {
                              ctx.report(
                                  path(name) + ".ports[" + i + "]",
                                  "ignoring IP-address "
                                      + ip
                                      + ": the service will listen on '0.0.0.0'",
                                  "remove the IP; keep local-only services unpublished behind a proxy");
                            }
                          }
                        })),
        rule("SWARM-EP-008", ERROR, "a published port is used by two services")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go checkPortConflicts")
            .explain(
                """
                An ingress-published port belongs to one service in the whole swarm (`port '80' is
                already in use by service ...`); host-mode ports may be shared between services. Checked
                within the stack.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports: ["80:80"]
                  api:
                    image: nginx:1.25
                    ports: ["80:8080"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports: ["80:80"]
                  api:
                    image: nginx:1.25
                    ports: ["8080:8080"]
                """)
            .check(
                ctx -> {
                  Map<String, String> ingressOwner = new HashMap<>();
                  Map<String, String> anyOwner = new HashMap<>();
                  for (Map.Entry<String, Service> e :
                      new TreeMap<>(ctx.stack().services()).entrySet()) {
                    List<PortMapping> ports = e.getValue().ports();
                    for (int i = 0; i < ports.size(); i++) {
                      PortMapping p = ports.get(i);
                      if (p.publishedPort().isEmpty()) {
                        continue;
                      }
                      String key = p.publishedPort().getAsInt() + "/" + protocol(p);
                      String other = ingress(p) ? anyOwner.get(key) : ingressOwner.get(key);
                      if (other != null && !other.equals(e.getKey())) {
                        ctx.report(
                            path(e.getKey()) + ".ports[" + i + "]",
                            "port '"
                                + p.publishedPort().getAsInt()
                                + "' is already in use by service '"
                                + other
                                + "'",
                            "publish another port");
                      }
                      anyOwner.putIfAbsent(key, e.getKey());
                      if (ingress(p)) {
                        ingressOwner.putIfAbsent(key, e.getKey());
                      }
                    }
                  }
                }),
        rule("SWARM-EP-009", ERROR, "a port number is out of range")
            .stage("A")
            .source("moby/swarmkit manager/allocator/portallocator.go")
            .explain(
                """
                The long syntax only checks that ports are integers: `published: 70000` is sent and the
                allocator cannot publish it (ports are 1-65535; without `published` Swarm picks one in
                30000-32767). The catalog lists this rule as a warning; on a real Swarm (Debian's
                docker.io 20.10.24) the deploy succeeds but the task is never scheduled (it stays `New`
                and no port is allocated) while the same service with a valid port runs, so compose4j
                reports an error (`SwarmTaskTimeTest`).""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports:
                      - target: 80
                        published: 70000
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports:
                      - target: 80
                        published: 8080
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (int i = 0; i < s.ports().size(); i++) {
                            PortMapping p = s.ports().get(i);
                            if (p.published().isPresent()
                                && DIGITS.matches(p.published().get())
                                && (p.published().get().length() > 9
                                    || Long.parseLong(p.published().get()) > 65535)) {
                              ctx.report(
                                  path(name) + ".ports[" + i + "].published",
                                  "published port " + p.published().get() + " is out of range",
                                  "use a port between 1 and 65535");
                            }
                          }
                        })),
        rule("SWARM-EP-010", WARNING, "host-mode ports with more than one task per node")
            .stage("A")
            .source("moby/swarmkit manager/scheduler/filter.go HostPortFilter")
            .explain(
                """
                A host-mode published port can be bound by one task per node; with more replicas than
                eligible nodes the rest stay pending (`host-mode port already in use`). Add
                `max_replicas_per_node: 1`, or use `mode: global`. A warning: only certain on a cluster
                with fewer eligible nodes than replicas (a single node, for instance); given the cluster's
                nodes (`ClusterState`), too few eligible nodes is an error.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports:
                      - target: 80
                        published: 80
                        mode: host
                    deploy:
                      replicas: 3
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    ports:
                      - target: 80
                        published: 80
                        mode: host
                    deploy:
                      mode: global
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          boolean host = false; // a loop, not a stream: see Rx
                          for (PortMapping p : s.ports()) {
                            host |= !ingress(p) && p.publishedPort().isPresent();
                          }
                          long replicas = deploy(s).replicas().orElse(1);
                          boolean onePerNode =
                              deploy(s)
                                  .placement()
                                  .map(p -> p.maxReplicasPerNode().orElse(0) == 1)
                                  .orElse(false);
                          if (host && mode(s).equals("replicated") && replicas > 1 && !onePerNode) {
                            OptionalInt eligible = PlacementRules.eligibleNodes(ctx, s);
                            if (eligible.isEmpty()) {
                              ctx.report(
                                  path(name) + ".deploy.replicas",
                                  replicas
                                      + " replicas share host-mode published ports; "
                                      + "each node can run only one of them",
                                  "add placement.max_replicas_per_node: 1, or use mode: global");
                            } else if (eligible.getAsInt() < replicas) {
                              ctx.report(
                                  ERROR,
                                  path(name) + ".deploy.replicas",
                                  replicas
                                      + " replicas share host-mode published ports; "
                                      + "each node can run only one of them, and "
                                      + eligible.getAsInt()
                                      + " eligible nodes are known",
                                  "lower replicas to "
                                      + eligible.getAsInt()
                                      + ", or use mode: global");
                            }
                          }
                        })),
        rule("SWARM-EP-012", WARNING, "two services publish the same host-mode port")
            .stage("A")
            .source("moby/swarmkit manager/scheduler/filter.go HostPortFilter")
            .explain(
                """
                Host-mode ports are not checked between services at deploy time: the scheduler only
                places a task on a node where its host port is free. Two services publishing the same
                host-mode port need different nodes; on a single node (or where too few nodes match) one
                of them stays pending (`host-mode port already in use on 1 node`). An error when one of
                them is a global service without placement constraints: it holds the port on every node,
                so the other's tasks can never be placed. Given the cluster's nodes (`ClusterState`), an
                error when the two replicated services have more tasks than there are nodes eligible for
                either.""")
            .failing(
                """
                version: "3.9"
                services:
                  edge:
                    image: traefik:v3.1
                    ports:
                      - {target: 80, published: 80, mode: host}
                  web:
                    image: nginx:1.25
                    ports:
                      - {target: 80, published: 80, mode: host}
                """)
            .passing(
                """
                version: "3.9"
                services:
                  edge:
                    image: traefik:v3.1
                    ports:
                      - {target: 80, published: 80, mode: host}
                    deploy:
                      mode: global
                  web:
                    image: nginx:1.25
                    ports:
                      - {target: 80, published: 8080, mode: host}
                """)
            .check(
                ctx -> {
                  Map<String, String> owner = new HashMap<>();
                  for (Map.Entry<String, Service> e :
                      new TreeMap<>(ctx.stack().services()).entrySet()) {
                    List<PortMapping> ports = e.getValue().ports();
                    for (int i = 0; i < ports.size(); i++) {
                      PortMapping p = ports.get(i);
                      if (ingress(p) || p.publishedPort().isEmpty()) {
                        continue;
                      }
                      String key = p.publishedPort().getAsInt() + "/" + protocol(p);
                      String other = owner.putIfAbsent(key, e.getKey());
                      if (other == null || other.equals(e.getKey())) {
                        continue;
                      }
                      Service o = ctx.stack().services().get(other);
                      Optional<List<ClusterState.Node>> mine =
                          PlacementRules.eligible(ctx, e.getValue());
                      Optional<List<ClusterState.Node>> theirs = PlacementRules.eligible(ctx, o);
                      if (mine.isPresent()
                          && theirs.isPresent()
                          && !Checks.isGlobal(mode(o))
                          && !Checks.isGlobal(mode(e.getValue()))) {
                        Set<String> union = new HashSet<>();
                        mine.get().forEach(n -> union.add(n.id() + "/" + n.hostname()));
                        theirs.get().forEach(n -> union.add(n.id() + "/" + n.hostname()));
                        long tasks =
                            deploy(o).replicas().orElse(1)
                                + deploy(e.getValue()).replicas().orElse(1);
                        if (tasks > union.size()) {
                          ctx.report(
                              ERROR,
                              path(e.getKey()) + ".ports[" + i + "]",
                              "host-mode port "
                                  + p.publishedPort().getAsInt()
                                  + " is also published by service '"
                                  + other
                                  + "': their "
                                  + tasks
                                  + " tasks need as many nodes, and "
                                  + union.size()
                                  + " eligible nodes are known (host-mode port already in use)",
                              "publish another port, or use the ingress mode");
                          continue;
                        }
                      }
                      boolean everywhere = everyNode(o) || everyNode(e.getValue());
                      ctx.report(
                          everywhere ? ERROR : WARNING,
                          path(e.getKey()) + ".ports[" + i + "]",
                          "host-mode port "
                              + p.publishedPort().getAsInt()
                              + " is also published by service '"
                              + other
                              + "'"
                              + (everywhere
                                  ? ", a global service that holds it on every node: these tasks can never be placed"
                                  : "; the two services need different nodes"),
                          "publish another port, or use the ingress mode");
                    }
                  }
                }),
        rule("SWARM-EP-011", ERROR, "ingress-published ports need the ingress network")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/service.go CreateService")
            .explain(
                """
                Ingress ports need the swarm's `ingress` network (`service needs ingress network, but no
                ingress network is present`); it exists unless it was removed. Not checkable from the
                file.""")
            .documentationOnly());
  }
}
