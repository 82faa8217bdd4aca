package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.IpamConfig;
import io.compose4j.model.Network;
import io.compose4j.model.PortMapping;
import io.compose4j.model.Stack;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.internal.Rx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** SWARM-NET: networks. */
final class NetworkRules {
  private static final Rx IPV4_CIDR =
      Rx.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private static final Rx UP_TO_THREE_DIGITS = Rx.compile("\\d{1,3}");
  private static final Rx IPV6_CHARS = Rx.compile("[0-9a-fA-F:]+");
  private static final Rx IPV4 = Rx.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private NetworkRules() {}

  private static final Set<String> LOCAL_DRIVERS = Set.of("bridge", "host", "none", "nat");

  private static Set<String> used(Stack stack) {
    Set<String> used = new HashSet<>();
    stack.services().values().forEach(s -> used.addAll(s.networks().keySet()));
    return used;
  }

  static boolean validCidr(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String ip = cidr.substring(0, slash);
    String bits = cidr.substring(slash + 1);
    if (!UP_TO_THREE_DIGITS.matches(bits)) {
      return false;
    }
    int b = Integer.parseInt(bits);
    if (ip.contains(":")) {
      return b <= 128 && IPV6_CHARS.matches(ip);
    }
    if (b > 32 || !IPV4.matches(ip)) {
      return false;
    }
    for (String part : ip.split("\\.", -1)) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-NET-001", ERROR, "a stack network uses a driver that is not swarm-scoped")
            .stage("E")
            .source("moby/moby daemon/cluster/networks.go populateNetworkID")
            .explain(
                """
                Stack networks default to `overlay`. A `bridge` (or `host`, `none`) network is created
                locally and then cannot be used by services: `The network ... cannot be used with
                services. Only networks scoped to the swarm can be used`.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [app]
                networks:
                  app:
                    driver: bridge
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [app]
                networks:
                  app:
                    driver: overlay
                """)
            .check(
                ctx -> {
                  Set<String> used = used(ctx.stack());
                  ctx.stack()
                      .networks()
                      .forEach(
                          (key, n) -> {
                            if (!n.external().orElse(false)
                                && used.contains(key)
                                && n.driver().map(LOCAL_DRIVERS::contains).orElse(false)) {
                              ctx.report(
                                  "networks." + key + ".driver",
                                  "the network "
                                      + key
                                      + " cannot be used with services: only networks scoped to the swarm can be used",
                                  "use driver: overlay (or leave the driver out)");
                            }
                          });
                }),
        rule("SWARM-NET-002", ERROR, "external.name together with name")
            .stage("L")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli loader.go LoadNetworks")
            .explain(
                "`network.external.name and network.name conflict; only use network.name` (also for volumes, secrets, configs). The reader refuses the file (`parse`).")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [proxy]
                networks:
                  proxy:
                    name: traefik_public
                    external:
                      name: traefik-public
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [proxy]
                networks:
                  proxy:
                    name: traefik_public
                    external: true
                """)
            .documentationOnly(),
        rule("SWARM-NET-003", WARNING, "external.name is deprecated")
            .why(
                "Docker accepts it with a deprecation warning; whether later clients still accept it depends on the client")
            .stage("L")
            .source("docker/cli loader.go LoadNetworks/LoadVolumes/loadFileObjectConfig")
            .explain(
                "`external: {name: x}` is deprecated in favor of `name: x` with `external: true` (networks, secrets and configs from 3.5, volumes from 3.4).")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [proxy]
                networks:
                  proxy:
                    external:
                      name: traefik-public
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [proxy]
                networks:
                  proxy:
                    name: traefik-public
                    external: true
                """)
            .check(
                ctx -> {
                  for (SyntaxFact f : ctx.facts(SyntaxFact.Kind.EXTERNAL_NAME)) {
                    ctx.report(
                        f.path(),
                        "external.name is deprecated",
                        "write 'name: " + f.detail() + "' and 'external: true'");
                  }
                }),
        rule("SWARM-NET-004", WARNING, "an external network has settings that are ignored")
            .stage("N")
            .source("docker/cli loader.go LoadNetworks; convert/compose.go Networks")
            .explain(
                "An external network is only looked up: `driver`, `driver_opts`, `ipam`, `internal`, `attachable` and `labels` are silently ignored.")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [proxy]
                networks:
                  proxy:
                    external: true
                    driver: overlay
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [proxy]
                networks:
                  proxy:
                    external: true
                """)
            .check(
                ctx ->
                    ctx.stack()
                        .networks()
                        .forEach(
                            (key, n) -> {
                              if (n.external().orElse(false)
                                  && (n.driver().isPresent()
                                      || !n.driverOpts().isEmpty()
                                      || n.ipam().isPresent()
                                      || n.internal().isPresent()
                                      || n.attachable().isPresent()
                                      || !n.labels().isEmpty())) {
                                ctx.report(
                                    "networks." + key,
                                    "settings of the external network " + key + " are ignored",
                                    "remove them; configure the network where it is created");
                              }
                            })),
        rule("SWARM-NET-005", ERROR, "a network name is not a valid DNS name component")
            .stage("M")
            .source("moby/swarmkit manager/controlapi/common.go validateAnnotations")
            .explain(
                """
                Created networks are named `<stack>_<key>` (or `name:`): the name must match
                `^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$` and be at most 63 characters. Networks are created
                first, so a bad stack name fails here.""")
            .failing(
                """
                # stack: my.app
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [front]
                networks:
                  front:
                """)
            .passing(
                """
                # stack: my-app
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [front]
                networks:
                  front:
                """)
            .check(
                ctx -> {
                  Set<String> used = used(ctx.stack());
                  ctx.stack()
                      .networks()
                      .forEach(
                          (key, n) -> {
                            if (n.external().orElse(false) || !used.contains(key)) {
                              return;
                            }
                            String name = Checks.scopedName(ctx, key, n.name(), false);
                            if (!Checks.DNS_COMPONENT.matches(name)) {
                              ctx.report(
                                  "networks." + key,
                                  "the network name "
                                      + name
                                      + " must be valid as a DNS name component",
                                  "use letters, digits, '-' and '_' (no dots) in the stack name and the key");
                            } else if (name.length() > 63) {
                              ctx.report(
                                  "networks." + key,
                                  "the network name " + name + " must be 63 characters or fewer",
                                  "shorten it");
                            }
                          });
                }),
        rule("SWARM-NET-006", ERROR, "ipam configuration the 3.x format or Swarm refuses")
            .stage("S")
            .source(
                "docker/cli config_schema_v3.X.json; moby/swarmkit network.go validateIPAMConfiguration")
            .explain(
                """
                In the 3.x schemas `ipam.config` entries accept only `subnet` (`Additional property
                gateway is not allowed`), and an unparseable subnet is refused when the network is
                created (`invalid subnet`).""")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    networks: [app]
                networks:
                  app:
                    ipam:
                      config:
                        - subnet: 10.10.0.0/24
                          gateway: 10.10.0.1
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    networks: [app]
                networks:
                  app:
                    ipam:
                      config:
                        - subnet: 10.10.0.0/24
                """)
            .check(
                ctx ->
                    ctx.stack()
                        .networks()
                        .forEach(
                            (key, n) ->
                                n.ipam()
                                    .ifPresent(
                                        ipam -> {
                                          for (int i = 0; i < ipam.config().size(); i++) {
                                            IpamConfig c = ipam.config().get(i);
                                            String p =
                                                "networks." + key + ".ipam.config[" + i + "]";
                                            if (c.gateway().isPresent()
                                                || c.ipRange().isPresent()
                                                || !c.auxAddresses().isEmpty()) {
                                              String k =
                                                  c.gateway().isPresent()
                                                      ? "gateway"
                                                      : c.ipRange().isPresent()
                                                          ? "ip_range"
                                                          : "aux_addresses";
                                              ctx.report(
                                                  p + "." + k,
                                                  "Additional property "
                                                      + k
                                                      + " is not allowed in the 3.x format",
                                                  "keep only 'subnet' for a Swarm stack");
                                            }
                                            c.subnet()
                                                .filter(sub -> !validCidr(sub))
                                                .ifPresent(
                                                    sub ->
                                                        ctx.report(
                                                            p + ".subnet",
                                                            "ipam configuration: invalid subnet "
                                                                + sub,
                                                            "use CIDR notation such as 10.10.0.0/24"));
                                          }
                                        }))),
        rule("SWARM-NET-007", WARNING, "attachable or internal on a network that is not overlay")
            .stage("N")
            .source("moby/swarmkit network.go validateNetworkSpec")
            .explain(
                "`attachable` and `internal` only make sense for overlay networks; on other drivers they are ignored or refused.")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    networks: [app]
                networks:
                  app:
                    driver: macvlan
                    attachable: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    networks: [app]
                networks:
                  app:
                    driver: overlay
                    attachable: true
                """)
            .check(
                ctx ->
                    ctx.stack()
                        .networks()
                        .forEach(
                            (key, n) -> {
                              boolean overlay = n.driver().map("overlay"::equals).orElse(true);
                              if (!overlay
                                  && !n.external().orElse(false)
                                  && (n.attachable().orElse(false) || n.internal().orElse(false))) {
                                ctx.report(
                                    "networks." + key,
                                    "attachable/internal on the "
                                        + n.driver().get()
                                        + " driver has no effect",
                                    "use driver: overlay");
                              }
                            })),
        rule("SWARM-NET-008", WARNING, "aliases on a network that has no service discovery")
            .stage("N")
            .source("docker/cli cli/compose/convert/service.go convertServiceNetworks")
            .explain(
                "Aliases are added only on user-defined networks; on `host`, `bridge` or `none` they are meaningless.")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    networks:
                      hostnet:
                        aliases: [app.local]
                networks:
                  hostnet:
                    name: host
                    external: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    networks: [hostnet]
                networks:
                  hostnet:
                    name: host
                    external: true
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.networks()
                                .forEach(
                                    (net, sn) -> {
                                      Network n = ctx.stack().networks().get(net);
                                      if (n == null || sn.aliases().isEmpty()) {
                                        return;
                                      }
                                      String real =
                                          Checks.scopedName(
                                              ctx, net, n.name(), n.external().orElse(false));
                                      if (Set.of("host", "bridge", "none").contains(real)) {
                                        ctx.report(
                                            path(name) + ".networks." + net + ".aliases",
                                            "aliases on the " + real + " network are ignored",
                                            "remove them");
                                      }
                                    }))),
        rule("SWARM-NET-009", WARNING, "network_mode is ignored")
            .stage("D")
            .source("docker/cli cli/compose/types/types.go UnsupportedProperties")
            .explain(
                """
                `docker stack deploy` ignores `network_mode` (`Ignoring unsupported options:
                network_mode`). Host networking in a stack is an external network with `name: host`.""")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    network_mode: host
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: nginx:1.25
                    networks: [hostnet]
                networks:
                  hostnet:
                    name: host
                    external: true
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.networkMode()
                                .ifPresent(
                                    m ->
                                        ctx.report(
                                            path(name) + ".network_mode",
                                            "network_mode is ignored by docker stack deploy",
                                            "use an external network named "
                                                + (m.equals("host") || m.equals("none")
                                                    ? m
                                                    : "host")
                                                + " instead")))),
        rule("SWARM-NET-010", WARNING, "unknown keys under a top-level network")
            .stage("N")
            .enforcedBy(Rule.Enforcement.READER)
            .source("docker/cli config_schema_v3.X.json properties.networks")
            .explain(
                """
                The 3.x schemas do not close the top-level `networks` map: a network whose key has
                characters outside `[a-zA-Z0-9._-]` is not validated at all, and Docker drops its unknown
                keys silently (catalog case 118, deployed by the real Swarm). Compose4J reads such a
                network and reports each unknown key as SWARM-KEY-006 (a warning: ignored). Under a
                network with a valid key the schema applies, and an unknown key makes the file
                unreadable (`parse`), as it does for Docker.""")
            .documentationOnly(),
        rule("SWARM-NET-011", ERROR, "overlay subnets that overlap")
            .stage("M")
            .source(
                "moby/libnetwork ipam RequestPool (Pool overlaps with other one on this address space); moby/swarmkit#2398")
            .explain(
                """
                Swarm networks share one address space: a network whose `ipam.config[].subnet` overlaps
                another network's of the same stack is refused (`invalid pool request: Pool overlaps
                with other one on this address space`) or, on older managers, created unallocated, and
                the services attached to it never get a task running (moby/swarmkit#2398,
                moby/libnetwork#2246). An overlap with `10.0.0.0/24`, the default subnet of the
                `ingress` network, is a warning: it fails only where the ingress network kept its default
                (moby/moby#33626 shows the fix, recreating ingress elsewhere). Given the cluster's ingress
                subnets (`ClusterState.ingressSubnets`), an overlap with them is an error (the real Swarm
                leaves the tasks `New`) and the default is not assumed.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [front, back]
                networks:
                  front:
                    driver: overlay
                    ipam:
                      config:
                        - subnet: 10.20.0.0/16
                  back:
                    driver: overlay
                    ipam:
                      config:
                        - subnet: 10.20.5.0/24
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [front, back]
                networks:
                  front:
                    driver: overlay
                    ipam:
                      config:
                        - subnet: 10.20.0.0/24
                  back:
                    driver: overlay
                    ipam:
                      config:
                        - subnet: 10.20.5.0/24
                """)
            .check(
                ctx -> {
                  List<String> keys = new ArrayList<>();
                  List<long[]> ranges = new ArrayList<>();
                  List<String> texts = new ArrayList<>();
                  ctx.stack()
                      .networks()
                      .forEach(
                          (key, n) -> {
                            if (n.external().orElse(false)
                                || LOCAL_DRIVERS.contains(n.driver().orElse("overlay"))) {
                              return;
                            }
                            List<IpamConfig> cfg = n.ipam().map(i -> i.config()).orElse(List.of());
                            for (int i = 0; i < cfg.size(); i++) {
                              String subnet = cfg.get(i).subnet().orElse("");
                              long[] r = ipv4Range(subnet);
                              if (r == null) {
                                continue;
                              }
                              String here = "networks." + key + ".ipam.config[" + i + "].subnet";
                              for (int j = 0; j < ranges.size(); j++) {
                                if (r[0] <= ranges.get(j)[1] && ranges.get(j)[0] <= r[1]) {
                                  ctx.report(
                                      here,
                                      "invalid pool request: Pool overlaps with other one on this address space ("
                                          + subnet
                                          + " and "
                                          + texts.get(j)
                                          + " of "
                                          + keys.get(j)
                                          + ")",
                                      "give each network its own subnet");
                                }
                              }
                              List<String> ingress =
                                  ctx.cluster().map(c -> c.ingressSubnets()).orElse(List.of());
                              if (ingress.isEmpty()) {
                                if (r[0] <= INGRESS[1] && INGRESS[0] <= r[1]) {
                                  ctx.report(
                                      WARNING,
                                      here,
                                      subnet
                                          + " overlaps 10.0.0.0/24, the default subnet of the ingress network",
                                      "choose another subnet, unless the swarm's ingress network was recreated elsewhere");
                                }
                              } else {
                                for (String in : ingress) {
                                  long[] ir = ipv4Range(in);
                                  if (ir != null && r[0] <= ir[1] && ir[0] <= r[1]) {
                                    ctx.report(
                                        here,
                                        subnet
                                            + " overlaps "
                                            + in
                                            + ", the subnet of the swarm's ingress network: the network"
                                            + " is never allocated and its services' tasks stay New",
                                        "choose another subnet");
                                  }
                                }
                              }
                              keys.add(key);
                              ranges.add(r);
                              texts.add(subnet);
                            }
                          });
                }),
        rule("SWARM-NET-012", ERROR, "a service on the host network publishes ingress ports")
            .stage("A")
            .source("moby/moby daemon/container_operations.go (host network cannot be combined)")
            .explain(
                """
                A service attached to the `host` network (an external network named `host`) cannot also
                join the `ingress` network that ingress-published ports need: the real Swarm rejects
                every task with `container cannot be disconnected from host network or connected to host
                network`. On the host network the container's ports are the node's own; publish them in
                `mode: host`, or leave them out.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [hostnet]
                    ports: ["8000:80"]
                networks:
                  hostnet:
                    name: host
                    external: true
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    networks: [hostnet]
                networks:
                  hostnet:
                    name: host
                    external: true
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          boolean host = Checks.onHostNetwork(ctx.stack(), s);
                          if (!host) {
                            return;
                          }
                          for (int i = 0; i < s.ports().size(); i++) {
                            PortMapping p = s.ports().get(i);
                            if (p.publishedPort().isPresent()
                                && !p.mode().map(m -> m.equals("host")).orElse(false)) {
                              ctx.report(
                                  path(name) + ".ports[" + i + "]",
                                  "container cannot be disconnected from host network or "
                                      + "connected to host network: an ingress-published port needs the ingress network",
                                  "remove the port, " + "or publish it with mode: host");
                            }
                          }
                        })));
  }

  private static final long[] INGRESS = ipv4Range("10.0.0.0/24");

  /** Returns the first and last address of an IPv4 CIDR range, or null when it is not one. */
  static long[] ipv4Range(String cidr) {
    String c = cidr.strip();
    if (!IPV4_CIDR.matches(c)) {
      return null;
    }
    // four octets and the bits, separated by '.' and '/' (the pattern matched)
    long address = 0;
    int from = 0;
    for (int i = 0; i < 4; i++) {
      int end = c.indexOf(i < 3 ? '.' : '/', from);
      int octet = Integer.parseInt(c.substring(from, end));
      if (octet > 255) {
        return null;
      }
      address = address << 8 | octet;
      from = end + 1;
    }
    int bits = Integer.parseInt(c.substring(from));
    if (bits > 32) {
      return null;
    }
    long size = 1L << (32 - bits);
    long first = address & ~(size - 1) & 0xFFFFFFFFL;
    return new long[] {first, first + size - 1};
  }
}
