package io.compose4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What the Compose file format 3.x ({@code docker stack deploy}) can express: the version each key
 * needs (from docker/cli's {@code config_schema_v3.0} to {@code v3.13}) and the keys of the model
 * that no 3.x version has. The {@code SWARM} writer picks its {@code version:} and what it leaves
 * out from here, and the validator reports the same things, so the two cannot disagree.
 */
public final class SwarmFormat {
  /** The newest 3.x minor version Docker knows. */
  public static final int NEWEST_MINOR = 13;

  private SwarmFormat() {}

  /**
   * A key that needs at least format {@code 3.<minor>}.
   *
   * @param path YAML path of the key
   * @param minor the lowest 3.x minor version that allows it
   */
  public record Requirement(String path, int minor) {}

  /**
   * A key no 3.x format has.
   *
   * @param path YAML path of the key
   * @param hint what to do instead
   */
  public record Unsupported(String path, String hint) {}

  /**
   * Returns the minor version of a 3.x version string ({@code "3"} is 0), or -1 if Docker does not
   * know it.
   */
  private static final Pattern TWO_DIGITS = Pattern.compile("\\d{1,2}");

  /** One variable and nothing else: {@code ${WEB_PORT:-8080}} or {@code $WEB_PORT}. */
  private static final Pattern ONE_VARIABLE =
      Pattern.compile("\\$(\\{([^{}]|\\$\\{[^{}]*})*}|[A-Za-z_][A-Za-z0-9_]*)");

  public static int minorOf(String version) {
    if (version.equals("3")) {
      return 0;
    }
    if (version.startsWith("3.")) {
      String minor = version.substring(2);
      if (TWO_DIGITS.matcher(minor).matches()) {
        int m = Integer.parseInt(minor);
        if (m <= NEWEST_MINOR && String.valueOf(m).equals(minor)) {
          return m;
        }
      }
    }
    return -1;
  }

  /** Returns the lowest 3.x minor version that allows every key of the stack (0 when 3.0 does). */
  public static int requiredMinor(Stack stack) {
    int minor = 0;
    for (Requirement r : requirements(stack)) {
      minor = Math.max(minor, r.minor());
    }
    return minor;
  }

  /**
   * Returns every key of the stack that needs a format newer than 3.0, with the version it needs.
   */
  public static List<Requirement> requirements(Stack stack) {
    List<Requirement> out = new ArrayList<>();
    if (!stack.extensions().isEmpty()) {
      stack.extensions().keySet().forEach(k -> out.add(new Requirement(k, 4)));
    }
    if (!stack.secrets().isEmpty()) {
      out.add(new Requirement("secrets", 1));
    }
    if (!stack.configs().isEmpty()) {
      out.add(new Requirement("configs", 3));
    }
    for (Map.Entry<String, Service> e : stack.services().entrySet()) {
      service(e.getValue(), "services." + e.getKey(), out);
    }
    topLevel("networks", stack.networks(), ComposeKeys.NETWORK, Network::extensions, out);
    topLevel("volumes", stack.volumes(), ComposeKeys.VOLUME, Volume::extensions, out);
    topLevel("secrets", stack.secrets(), ComposeKeys.SECRET, Secret::extensions, out);
    topLevel("configs", stack.configs(), ComposeKeys.CONFIG, Config::extensions, out);
    return out;
  }

  /**
   * Adds the requirements of the top-level objects of one kind: their table's keys and extensions.
   */
  private static <O> void topLevel(
      String kind,
      Map<String, O> objects,
      ComposeKeys.Table<O, ?> table,
      Function<O, Map<String, RawValue>> extensions,
      List<Requirement> out) {
    objects.forEach(
        (k, o) -> {
          String p = kind + "." + k;
          requirements(table, o, p, out);
          extensions(extensions.apply(o), p, out);
        });
  }

  /** Adds the keys of an object that its table says need a version newer than 3.0. */
  private static <O> void requirements(
      ComposeKeys.Table<O, ?> table, O object, String path, List<Requirement> out) {
    for (ComposeKeys.Key<O, ?, ?> key : table.keys()) {
      // the path is built only for a key that is set (this runs for every key of every service)
      if (key.swarm().minor() > 0 && key.present(object)) {
        out.add(new Requirement(path + "." + key.name(), key.swarm().minor()));
      }
    }
  }

  /** Adds the keys of an object that its table says no 3.x format has. */
  private static <O> void unsupported(
      ComposeKeys.Table<O, ?> table, O object, String path, List<Unsupported> out) {
    for (ComposeKeys.Key<O, ?, ?> key : table.keys()) {
      if (!key.swarm().supported() && key.present(object)) {
        out.add(new Unsupported(path + "." + key.name(), key.swarm().hint()));
      }
    }
  }

  /** Adds a requirement at {@code base + suffix}; the path is built only when the key is set. */
  private static void add(
      List<Requirement> out, boolean present, String base, String suffix, int minor) {
    if (present) {
      out.add(new Requirement(base + suffix, minor));
    }
  }

  private static void add(List<Requirement> out, boolean present, String path, int minor) {
    if (present) {
      out.add(new Requirement(path, minor));
    }
  }

  private static void extensions(Map<String, RawValue> ext, String path, List<Requirement> out) {
    ext.keySet().forEach(k -> out.add(new Requirement(path + "." + k, 7)));
  }

  private static void service(Service s, String p, List<Requirement> out) {
    requirements(ComposeKeys.SERVICE, s, p, out);
    add(
        out,
        s.credentialSpec().flatMap(CredentialSpec::config).isPresent(),
        p,
        ".credential_spec.config",
        8);
    extensions(s.extensions(), p, out);
    s.healthcheck()
        .ifPresent(
            h -> {
              add(out, h.startPeriod().isPresent(), p, ".healthcheck.start_period", 4);
              add(out, h.startInterval().isPresent(), p, ".healthcheck.start_interval", 12);
            });
    s.networks()
        .forEach(
            (k, n) ->
                add(out, !n.driverOpts().isEmpty(), p + ".networks." + k + ".driver_opts", 13));
    for (int i = 0; i < s.volumes().size(); i++) {
      Mount m = s.volumes().get(i);
      add(
          out,
          m.tmpfs().flatMap(MountTmpfs::size).isPresent(),
          p + ".volumes[" + i + "].tmpfs.size",
          6);
    }
    s.build()
        .ifPresent(
            b -> {
              String bp = p + ".build";
              add(out, !b.cacheFrom().isEmpty(), bp, ".cache_from", 2);
              add(out, !b.labels().isEmpty(), bp, ".labels", 3);
              add(out, b.network().isPresent(), bp, ".network", 4);
              add(out, b.target().isPresent(), bp, ".target", 4);
              add(out, b.shmSize().isPresent(), bp, ".shm_size", 5);
              add(out, b.isolation().isPresent(), bp, ".isolation", 5);
              add(out, !b.extraHosts().isEmpty(), bp, ".extra_hosts", 9);
              // build accepts any additional property from 3.11
              add(out, b.dockerfileInline().isPresent(), bp, ".dockerfile_inline", 11);
              add(out, !b.ssh().isEmpty(), bp, ".ssh", 11);
              add(out, !b.cacheTo().isEmpty(), bp, ".cache_to", 11);
              add(out, b.noCache().isPresent(), bp, ".no_cache", 11);
              add(out, !b.noCacheFilter().isEmpty(), bp, ".no_cache_filter", 11);
              add(out, !b.additionalContexts().isEmpty(), bp, ".additional_contexts", 11);
              add(out, b.pull().isPresent(), bp, ".pull", 11);
              add(out, b.privileged().isPresent(), bp, ".privileged", 11);
              add(out, !b.secrets().isEmpty(), bp, ".secrets", 11);
              add(out, !b.tags().isEmpty(), bp, ".tags", 11);
              add(out, !b.ulimits().isEmpty(), bp, ".ulimits", 11);
              add(out, !b.platforms().isEmpty(), bp, ".platforms", 11);
              add(out, !b.entitlements().isEmpty(), bp, ".entitlements", 11);
              add(out, b.provenance().isPresent(), bp, ".provenance", 11);
              add(out, b.sbom().isPresent(), bp, ".sbom", 11);
              b.extensions().keySet().forEach(k -> out.add(new Requirement(bp + "." + k, 11)));
            });
    s.deploy()
        .ifPresent(
            d -> {
              String dp = p + ".deploy";
              requirements(ComposeKeys.DEPLOY, d, dp, out);
              add(
                  out,
                  d.updateConfig().flatMap(UpdateConfig::order).isPresent(),
                  dp,
                  ".update_config.order",
                  4);
              d.placement()
                  .ifPresent(
                      pl -> {
                        add(out, !pl.preferences().isEmpty(), dp, ".placement.preferences", 3);
                        add(
                            out,
                            pl.maxReplicasPerNode().isPresent(),
                            dp,
                            ".placement.max_replicas_per_node",
                            8);
                      });
              d.resources()
                  .ifPresent(
                      r -> {
                        r.limits()
                            .ifPresent(
                                l ->
                                    add(
                                        out,
                                        l.pids().isPresent(),
                                        dp,
                                        ".resources.limits.pids",
                                        9));
                        r.reservations()
                            .ifPresent(
                                l ->
                                    add(
                                        out,
                                        !l.genericResources().isEmpty(),
                                        dp,
                                        ".resources.reservations.generic_resources",
                                        5));
                      });
            });
  }

  /** Returns every key of the stack that no 3.x format has, with what to do instead. */
  public static List<Unsupported> unsupported(Stack stack) {
    List<Unsupported> out = new ArrayList<>();
    if (!stack.include().isEmpty()) {
      out.add(new Unsupported("include", "merge the included files first (compose4j convert)"));
    }
    if (!stack.models().isEmpty()) {
      out.add(new Unsupported("models", "Swarm has no models"));
    }
    stack
        .services()
        .forEach((name, s) -> unsupported(s, "services." + name, stack.variablesKept(), out));
    stack
        .networks()
        .forEach(
            (k, n) -> {
              String p = "networks." + k;
              unsupported(ComposeKeys.NETWORK, n, p, out);
              n.ipam()
                  .ifPresent(
                      ipam -> {
                        for (int i = 0; i < ipam.config().size(); i++) {
                          IpamConfig c = ipam.config().get(i);
                          String cp = p + ".ipam.config[" + i + "]";
                          flag(
                              out,
                              c.gateway().isPresent(),
                              cp,
                              ".gateway",
                              "the 3.x format allows only 'subnet' in ipam.config");
                          flag(
                              out,
                              c.ipRange().isPresent(),
                              cp,
                              ".ip_range",
                              "the 3.x format allows only 'subnet' in ipam.config");
                          flag(
                              out,
                              !c.auxAddresses().isEmpty(),
                              cp,
                              ".aux_addresses",
                              "the 3.x format allows only 'subnet' in ipam.config");
                        }
                        flag(out, !ipam.options().isEmpty(), p, ".ipam.options", COMPOSE_KEY);
                      });
            });
    stack.volumes().forEach((k, v) -> unsupported(ComposeKeys.VOLUME, v, "volumes." + k, out));
    stack.secrets().forEach((k, s) -> unsupported(ComposeKeys.SECRET, s, "secrets." + k, out));
    stack.configs().forEach((k, c) -> unsupported(ComposeKeys.CONFIG, c, "configs." + k, out));
    return out;
  }

  private static final String COMPOSE_KEY = ComposeKeys.COMPOSE_ONLY.hint();

  /** Flags {@code base + suffix}; the path is built only when the key is set. */
  private static void flag(
      List<Unsupported> out, boolean present, String base, String suffix, String hint) {
    if (present) {
      out.add(new Unsupported(base + suffix, hint));
    }
  }

  private static void flag(List<Unsupported> out, boolean present, String path, String hint) {
    if (present) {
      out.add(new Unsupported(path, hint));
    }
  }

  private static void unsupported(
      Service s, String p, boolean variablesKept, List<Unsupported> out) {
    unsupported(ComposeKeys.SERVICE, s, p, out);
    boolean dependsDefaults = s.dependsOn().stream().allMatch(DependsOn::isDefault);
    flag(
        out,
        !dependsDefaults,
        p,
        ".depends_on.condition",
        "the 3.x format only lists dependencies (and docker stack deploy ignores them)");
    for (int i = 0; i < s.envFile().size(); i++) {
      EnvFile f = s.envFile().get(i);
      flag(
          out,
          !f.required().orElse(true),
          p + ".env_file[" + i + "].required",
          "the 3.x format requires every env_file to exist");
      flag(
          out,
          f.format().isPresent(),
          p + ".env_file[" + i + "].format",
          "the 3.x format reads env files in the default format");
    }
    for (int i = 0; i < s.ports().size(); i++) {
      PortMapping port = s.ports().get(i);
      String pp = p + ".ports[" + i + "]";
      // a published port kept as one variable ("${WEB_PORT:-8080}") is a single port once Docker
      // substitutes it
      boolean keptVariable =
          variablesKept
              && port.published().filter(v -> ONE_VARIABLE.matcher(v).matches()).isPresent();
      flag(
          out,
          port.published().isPresent() && port.publishedPort().isEmpty() && !keptVariable,
          pp,
          ".published",
          "the 3.x format publishes single ports; list one entry per port");
      flag(
          out,
          port.hostIp().isPresent(),
          pp,
          ".host_ip",
          "Swarm publishes on every address; use mode: host to bind on the node only");
      flag(out, port.name().isPresent(), pp, ".name", "port names are a Compose Specification key");
      flag(
          out,
          port.appProtocol().isPresent(),
          pp,
          ".app_protocol",
          "app_protocol is a Compose Specification key");
      port.extensions()
          .keySet()
          .forEach(k -> out.add(new Unsupported(pp + "." + k, NO_EXTENSIONS)));
    }
    s.networks()
        .forEach(
            (k, n) -> {
              String np = p + ".networks." + k;
              flag(out, !n.linkLocalIps().isEmpty(), np, ".link_local_ips", COMPOSE_KEY);
              flag(out, n.macAddress().isPresent(), np, ".mac_address", COMPOSE_KEY);
              flag(out, n.priority().isPresent(), np, ".priority", COMPOSE_KEY);
              flag(out, n.gwPriority().isPresent(), np, ".gw_priority", COMPOSE_KEY);
              flag(out, n.interfaceName().isPresent(), np, ".interface_name", COMPOSE_KEY);
            });
    for (int i = 0; i < s.volumes().size(); i++) {
      Mount m = s.volumes().get(i);
      String mp = p + ".volumes[" + i + "]";
      m.bind()
          .ifPresent(
              b -> {
                flag(
                    out, b.createHostPath().isPresent(), mp, ".bind.create_host_path", COMPOSE_KEY);
                flag(out, b.selinux().isPresent(), mp, ".bind.selinux", COMPOSE_KEY);
                flag(out, b.recursive().isPresent(), mp, ".bind.recursive", COMPOSE_KEY);
              });
      m.volume()
          .ifPresent(
              v -> {
                flag(out, v.subpath().isPresent(), mp, ".volume.subpath", COMPOSE_KEY);
                flag(out, !v.labels().isEmpty(), mp, ".volume.labels", COMPOSE_KEY);
              });
      m.tmpfs().ifPresent(t -> flag(out, t.mode().isPresent(), mp, ".tmpfs.mode", COMPOSE_KEY));
      flag(out, m.image().isPresent(), mp, ".image", COMPOSE_KEY);
      m.extensions().keySet().forEach(k -> out.add(new Unsupported(mp + "." + k, NO_EXTENSIONS)));
    }
    for (int i = 0; i < s.secrets().size(); i++) {
      int index = i;
      s.secrets()
          .get(i)
          .extensions()
          .keySet()
          .forEach(
              k -> out.add(new Unsupported(p + ".secrets[" + index + "]." + k, NO_EXTENSIONS)));
    }
    for (int i = 0; i < s.configs().size(); i++) {
      int index = i;
      s.configs()
          .get(i)
          .extensions()
          .keySet()
          .forEach(
              k -> out.add(new Unsupported(p + ".configs[" + index + "]." + k, NO_EXTENSIONS)));
    }
    s.deploy()
        .ifPresent(
            d -> {
              unsupported(ComposeKeys.DEPLOY, d, p + ".deploy", out);
              d.extensions()
                  .keySet()
                  .forEach(k -> out.add(new Unsupported(p + ".deploy." + k, NO_EXTENSIONS)));
              d.resources()
                  .ifPresent(
                      r -> {
                        r.limits()
                            .ifPresent(
                                l ->
                                    flag(
                                        out,
                                        !l.devices().isEmpty(),
                                        p,
                                        ".deploy.resources.limits.devices",
                                        COMPOSE_KEY));
                        r.reservations()
                            .ifPresent(
                                l ->
                                    flag(
                                        out,
                                        !l.devices().isEmpty(),
                                        p,
                                        ".deploy.resources.reservations.devices",
                                        "GPU device requests are a Compose Specification key; use generic_resources for Swarm"));
                      });
            });
  }

  private static final String NO_EXTENSIONS =
      "the 3.x format allows x-* keys only at the top level and in services, networks, volumes, secrets and configs";
}
