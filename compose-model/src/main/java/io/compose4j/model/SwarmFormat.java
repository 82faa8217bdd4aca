package io.compose4j.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
  public static int minorOf(String version) {
    if (version.equals("3")) {
      return 0;
    }
    if (version.startsWith("3.")) {
      String minor = version.substring(2);
      if (minor.matches("\\d{1,2}")) {
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
    requirements(NestedKeys.STACK, stack, "", out);
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

  /** Returns the path of a key of the object at {@code path} ({@code ""} is the top level). */
  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Adds the keys of an object that its table says need a version newer than 3.0. */
  private static <O> void requirements(
      ComposeKeys.Table<O, ?> table, O object, String path, List<Requirement> out) {
    for (ComposeKeys.Key<O, ?, ?> key : table.keys()) {
      // the path is built only for a key that is set (this runs for every key of every service)
      if (key.swarm().minor() > 0 && key.present(object)) {
        out.add(new Requirement(child(path, key.name()), key.swarm().minor()));
      }
    }
  }

  /** Adds the keys of an optional object that its table says need a version newer than 3.0. */
  private static <O> void requirements(
      ComposeKeys.Table<O, ?> table, Optional<O> object, String path, List<Requirement> out) {
    object.ifPresent(o -> requirements(table, o, path, out));
  }

  /** Adds the keys of an object that its table says no 3.x format has. */
  private static <O> void unsupported(
      ComposeKeys.Table<O, ?> table, O object, String path, List<Unsupported> out) {
    for (ComposeKeys.Key<O, ?, ?> key : table.keys()) {
      if (!key.swarm().supported() && key.present(object)) {
        out.add(new Unsupported(child(path, key.name()), key.swarm().hint()));
      }
    }
  }

  /** Adds the keys of an optional object that its table says no 3.x format has. */
  private static <O> void unsupported(
      ComposeKeys.Table<O, ?> table, Optional<O> object, String path, List<Unsupported> out) {
    object.ifPresent(o -> unsupported(table, o, path, out));
  }

  private static void extensions(Map<String, RawValue> ext, String path, List<Requirement> out) {
    ext.keySet().forEach(k -> out.add(new Requirement(path + "." + k, 7)));
  }

  private static void service(Service s, String p, List<Requirement> out) {
    requirements(ComposeKeys.SERVICE, s, p, out);
    requirements(NestedKeys.CREDENTIAL_SPEC, s.credentialSpec(), p + ".credential_spec", out);
    extensions(s.extensions(), p, out);
    requirements(NestedKeys.HEALTHCHECK, s.healthcheck(), p + ".healthcheck", out);
    s.networks()
        .forEach((k, n) -> requirements(NestedKeys.SERVICE_NETWORK, n, p + ".networks." + k, out));
    for (int i = 0; i < s.volumes().size(); i++) {
      requirements(
          NestedKeys.MOUNT_TMPFS, s.volumes().get(i).tmpfs(), p + ".volumes[" + i + "].tmpfs", out);
    }
    s.build()
        .ifPresent(
            b -> {
              String bp = p + ".build";
              requirements(NestedKeys.BUILD, b, bp, out);
              // build accepts any additional property from 3.11
              b.extensions().keySet().forEach(k -> out.add(new Requirement(bp + "." + k, 11)));
            });
    s.deploy()
        .ifPresent(
            d -> {
              String dp = p + ".deploy";
              requirements(ComposeKeys.DEPLOY, d, dp, out);
              requirements(NestedKeys.UPDATE_CONFIG, d.updateConfig(), dp + ".update_config", out);
              requirements(
                  NestedKeys.ROLLBACK_CONFIG, d.rollbackConfig(), dp + ".rollback_config", out);
              requirements(NestedKeys.PLACEMENT, d.placement(), dp + ".placement", out);
              d.resources()
                  .ifPresent(
                      r -> {
                        String rp = dp + ".resources";
                        requirements(NestedKeys.LIMITS, r.limits(), rp + ".limits", out);
                        requirements(
                            NestedKeys.RESERVATIONS, r.reservations(), rp + ".reservations", out);
                      });
            });
  }

  /** Returns every key of the stack that no 3.x format has, with what to do instead. */
  public static List<Unsupported> unsupported(Stack stack) {
    List<Unsupported> out = new ArrayList<>();
    unsupported(NestedKeys.STACK, stack, "", out);
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
                          unsupported(
                              NestedKeys.IPAM_CONFIG,
                              ipam.config().get(i),
                              p + ".ipam.config[" + i + "]",
                              out);
                        }
                        unsupported(NestedKeys.IPAM, ipam, p + ".ipam", out);
                      });
            });
    stack.volumes().forEach((k, v) -> unsupported(ComposeKeys.VOLUME, v, "volumes." + k, out));
    stack.secrets().forEach((k, s) -> unsupported(ComposeKeys.SECRET, s, "secrets." + k, out));
    stack.configs().forEach((k, c) -> unsupported(ComposeKeys.CONFIG, c, "configs." + k, out));
    return out;
  }

  /** The hint of a row that no 3.x format has. */
  private static String hint(ComposeKeys.Table<?, ?> table, String key) {
    return table.named(key).orElseThrow().swarm().hint();
  }

  private static final String CONDITION = hint(NestedKeys.DEPENDS_ON, "condition");

  private static final String REQUIRED = hint(NestedKeys.ENV_FILE, "required");

  private static final String FORMAT = hint(NestedKeys.ENV_FILE, "format");

  private static final String PUBLISHED_RANGE =
      "the 3.x format publishes single ports; list one entry per port";

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
    // the 3.x format lists dependencies by name only: any long-form setting is one finding
    boolean dependsDefaults = s.dependsOn().stream().allMatch(DependsOn::isDefault);
    flag(out, !dependsDefaults, p, ".depends_on.condition", CONDITION);
    for (int i = 0; i < s.envFile().size(); i++) {
      EnvFile f = s.envFile().get(i);
      // 'required: true' is what the 3.x format does anyway
      flag(out, !f.required().orElse(true), p + ".env_file[" + i + "].required", REQUIRED);
      flag(out, f.format().isPresent(), p + ".env_file[" + i + "].format", FORMAT);
    }
    for (int i = 0; i < s.ports().size(); i++) {
      PortMapping port = s.ports().get(i);
      String pp = p + ".ports[" + i + "]";
      // a published port kept as one variable ("${WEB_PORT:-8080}") is a single port once Docker
      // substitutes it
      boolean keptVariable =
          variablesKept
              && port.published()
                  .filter(v -> v.matches("\\$(\\{([^{}]|\\$\\{[^{}]*})*}|[A-Za-z_][A-Za-z0-9_]*)"))
                  .isPresent();
      flag(
          out,
          port.published().isPresent() && port.publishedPort().isEmpty() && !keptVariable,
          pp,
          ".published",
          PUBLISHED_RANGE);
      unsupported(NestedKeys.PORT, port, pp, out);
      port.extensions()
          .keySet()
          .forEach(k -> out.add(new Unsupported(pp + "." + k, NO_EXTENSIONS)));
    }
    s.networks()
        .forEach((k, n) -> unsupported(NestedKeys.SERVICE_NETWORK, n, p + ".networks." + k, out));
    for (int i = 0; i < s.volumes().size(); i++) {
      Mount m = s.volumes().get(i);
      String mp = p + ".volumes[" + i + "]";
      unsupported(NestedKeys.MOUNT_BIND, m.bind(), mp + ".bind", out);
      unsupported(NestedKeys.MOUNT_VOLUME, m.volume(), mp + ".volume", out);
      unsupported(NestedKeys.MOUNT_TMPFS, m.tmpfs(), mp + ".tmpfs", out);
      unsupported(NestedKeys.MOUNT, m, mp, out);
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
                        String rp = p + ".deploy.resources";
                        unsupported(NestedKeys.LIMITS, r.limits(), rp + ".limits", out);
                        unsupported(
                            NestedKeys.RESERVATIONS, r.reservations(), rp + ".reservations", out);
                      });
            });
  }

  private static final String NO_EXTENSIONS =
      "the 3.x format allows x-* keys only at the top level and in services, networks, volumes, secrets and configs";
}
