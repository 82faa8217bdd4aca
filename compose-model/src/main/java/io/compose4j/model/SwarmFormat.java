package io.compose4j.model;

import io.compose4j.model.internal.Rx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  private static final Rx TWO_DIGITS = Rx.compile("\\d{1,2}");

  /** One variable and nothing else: {@code ${WEB_PORT:-8080}} or {@code $WEB_PORT}. */
  private static final Rx ONE_VARIABLE =
      Rx.compile("\\$(\\{([^{}]|\\$\\{[^{}]*})*}|[A-Za-z_][A-Za-z0-9_]*)");

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
      if (TWO_DIGITS.matches(minor)) {
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
    stack.extensions().keySet().forEach(k -> out.add(new Requirement(k, 4)));
    walk(
        stack,
        new Visitor() {
          @Override
          <O> void keys(ComposeKeys.Table<O, ?> table, O object, String path) {
            for (ComposeKeys.Key<O, ?, ?> key : table.keys()) {
              // the path is built only for a key that is set (this runs for every key of every
              // service)
              if (key.swarm().minor() > 0 && key.present(object)) {
                out.add(new Requirement(child(path, key.name()), key.swarm().minor()));
              }
            }
          }
        });
    // x-* keys: in services, networks, volumes, secrets and configs from 3.7; build takes any key
    // from 3.11
    stack.services().forEach((k, s) -> extensions(s.extensions(), "services." + k, 7, out));
    stack
        .services()
        .forEach(
            (k, s) ->
                s.build()
                    .ifPresent(
                        b -> extensions(b.extensions(), "services." + k + ".build", 11, out)));
    stack.networks().forEach((k, n) -> extensions(n.extensions(), "networks." + k, 7, out));
    stack.volumes().forEach((k, v) -> extensions(v.extensions(), "volumes." + k, 7, out));
    stack.secrets().forEach((k, v) -> extensions(v.extensions(), "secrets." + k, 7, out));
    stack.configs().forEach((k, v) -> extensions(v.extensions(), "configs." + k, 7, out));
    return out;
  }

  private static void extensions(
      Map<String, RawValue> ext, String path, int minor, List<Requirement> out) {
    ext.keySet().forEach(k -> out.add(new Requirement(path + "." + k, minor)));
  }

  /** Returns every key of the stack that no 3.x format has, with what to do instead. */
  public static List<Unsupported> unsupported(Stack stack) {
    List<Unsupported> out = new ArrayList<>();
    walk(
        stack,
        new Visitor() {
          @Override
          <O> void keys(ComposeKeys.Table<O, ?> table, O object, String path) {
            for (ComposeKeys.Key<O, ?, ?> key : table.keys()) {
              if (!key.swarm().supported() && key.present(object)) {
                out.add(new Unsupported(child(path, key.name()), key.swarm().hint()));
              }
            }
          }
        });
    stack
        .services()
        .forEach((name, s) -> byValue(s, "services." + name, stack.variablesKept(), out));
    return out;
  }

  /** What to do with the keys of an object: its table, the object and its YAML path. */
  private abstract static class Visitor {
    abstract <O> void keys(ComposeKeys.Table<O, ?> table, O object, String path);

    <O> void keys(ComposeKeys.Table<O, ?> table, Optional<O> object, String path) {
      object.ifPresent(o -> keys(table, o, path));
    }

    <O> void each(ComposeKeys.Table<O, ?> table, List<O> objects, String path) {
      for (int i = 0; i < objects.size(); i++) {
        keys(table, objects.get(i), path + "[" + i + "]");
      }
    }
  }

  /** Returns the path of a key of the object at {@code path} ({@code ""} is the top level). */
  private static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * Visits every object of the stack that has a table, with its path. The long forms of {@code
   * depends_on} and {@code env_file} are left to {@link #byValue}: whether Swarm lacks them depends
   * on their values.
   */
  private static void walk(Stack stack, Visitor v) {
    v.keys(NestedKeys.STACK, stack, "");
    stack.services().forEach((name, s) -> service(s, "services." + name, v));
    stack
        .networks()
        .forEach(
            (k, n) -> {
              String p = "networks." + k;
              v.keys(ComposeKeys.NETWORK, n, p);
              n.ipam()
                  .ifPresent(
                      ipam -> {
                        v.each(NestedKeys.IPAM_CONFIG, ipam.config(), p + ".ipam.config");
                        v.keys(NestedKeys.IPAM, ipam, p + ".ipam");
                      });
            });
    stack.volumes().forEach((k, o) -> v.keys(ComposeKeys.VOLUME, o, "volumes." + k));
    stack.secrets().forEach((k, o) -> v.keys(ComposeKeys.SECRET, o, "secrets." + k));
    stack.configs().forEach((k, o) -> v.keys(ComposeKeys.CONFIG, o, "configs." + k));
  }

  private static void service(Service s, String p, Visitor v) {
    v.keys(ComposeKeys.SERVICE, s, p);
    v.keys(NestedKeys.CREDENTIAL_SPEC, s.credentialSpec(), p + ".credential_spec");
    v.keys(NestedKeys.HEALTHCHECK, s.healthcheck(), p + ".healthcheck");
    v.keys(NestedKeys.LOGGING, s.logging(), p + ".logging");
    v.keys(NestedKeys.EXTENDS, s.extendsService(), p + ".extends");
    s.networks().forEach((k, n) -> v.keys(NestedKeys.SERVICE_NETWORK, n, p + ".networks." + k));
    v.each(NestedKeys.PORT, s.ports(), p + ".ports");
    for (int i = 0; i < s.volumes().size(); i++) {
      Mount m = s.volumes().get(i);
      String mp = p + ".volumes[" + i + "]";
      v.keys(NestedKeys.MOUNT_BIND, m.bind(), mp + ".bind");
      v.keys(NestedKeys.MOUNT_VOLUME, m.volume(), mp + ".volume");
      v.keys(NestedKeys.MOUNT_TMPFS, m.tmpfs(), mp + ".tmpfs");
      v.keys(NestedKeys.MOUNT_IMAGE, m.image(), mp + ".image");
      v.keys(NestedKeys.MOUNT, m, mp);
    }
    v.each(NestedKeys.SERVICE_SECRET, s.secrets(), p + ".secrets");
    v.each(NestedKeys.SERVICE_CONFIG, s.configs(), p + ".configs");
    v.keys(NestedKeys.BUILD, s.build(), p + ".build");
    s.deploy()
        .ifPresent(
            d -> {
              String dp = p + ".deploy";
              v.keys(ComposeKeys.DEPLOY, d, dp);
              v.keys(NestedKeys.UPDATE_CONFIG, d.updateConfig(), dp + ".update_config");
              v.keys(NestedKeys.ROLLBACK_CONFIG, d.rollbackConfig(), dp + ".rollback_config");
              v.keys(NestedKeys.RESTART_POLICY, d.restartPolicy(), dp + ".restart_policy");
              v.keys(NestedKeys.PLACEMENT, d.placement(), dp + ".placement");
              d.resources()
                  .ifPresent(
                      r -> {
                        String rp = dp + ".resources";
                        v.keys(NestedKeys.RESOURCES, r, rp);
                        v.keys(NestedKeys.LIMITS, r.limits(), rp + ".limits");
                        v.keys(NestedKeys.RESERVATIONS, r.reservations(), rp + ".reservations");
                      });
            });
  }

  /** Whether every dependency is in its short form (a loop, not a stream: see Rx). */
  private static boolean allDefault(List<DependsOn> dependencies) {
    for (DependsOn d : dependencies) {
      if (!d.isDefault()) {
        return false;
      }
    }
    return true;
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

  /** The hint for an x-* key where the 3.x format allows none. */
  public static final String NO_EXTENSIONS =
      "the 3.x format allows x-* keys only at the top level and in services, networks, volumes, secrets and configs";

  private static void flag(List<Unsupported> out, boolean present, String path, String hint) {
    if (present) {
      out.add(new Unsupported(path, hint));
    }
  }

  private static void noExtensions(Map<String, RawValue> ext, String path, List<Unsupported> out) {
    ext.keySet().forEach(k -> out.add(new Unsupported(path + "." + k, NO_EXTENSIONS)));
  }

  /**
   * Adds what Swarm lacks by value rather than by key: long-form dependencies, env files that are
   * not required or have a format, published port ranges, and x-* keys where 3.x allows none.
   */
  private static void byValue(Service s, String p, boolean variablesKept, List<Unsupported> out) {
    // the 3.x format lists dependencies by name only: any long-form setting is one finding
    flag(out, !allDefault(s.dependsOn()), p + ".depends_on.condition", CONDITION);
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
          variablesKept && port.published().filter(v -> ONE_VARIABLE.matches(v)).isPresent();
      flag(
          out,
          port.published().isPresent() && port.publishedPort().isEmpty() && !keptVariable,
          pp + ".published",
          PUBLISHED_RANGE);
      noExtensions(port.extensions(), pp, out);
    }
    for (int i = 0; i < s.volumes().size(); i++) {
      noExtensions(s.volumes().get(i).extensions(), p + ".volumes[" + i + "]", out);
    }
    for (int i = 0; i < s.secrets().size(); i++) {
      noExtensions(s.secrets().get(i).extensions(), p + ".secrets[" + i + "]", out);
    }
    for (int i = 0; i < s.configs().size(); i++) {
      noExtensions(s.configs().get(i).extensions(), p + ".configs[" + i + "]", out);
    }
    s.deploy().ifPresent(d -> noExtensions(d.extensions(), p + ".deploy", out));
  }
}
