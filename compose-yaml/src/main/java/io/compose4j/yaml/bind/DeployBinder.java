package io.compose4j.yaml.bind;

import io.compose4j.model.ComposeKeys;
import io.compose4j.model.Constraint;
import io.compose4j.model.Deploy;
import io.compose4j.model.DeviceRequest;
import io.compose4j.model.GenericResource;
import io.compose4j.model.Placement;
import io.compose4j.model.PlacementPreference;
import io.compose4j.model.Resource;
import io.compose4j.model.Resources;
import io.compose4j.model.RestartPolicy;
import io.compose4j.model.RollbackConfig;
import io.compose4j.model.UpdateConfig;
import io.compose4j.yaml.bind.BindContext.Obj;
import io.compose4j.yaml.read.YNode;
import java.util.List;
import java.util.Optional;

/**
 * Binds the {@code deploy} section of a service: the rows of {@link ComposeKeys#DEPLOY} and its
 * objects.
 */
final class DeployBinder {
  private final ValueReader cx;

  DeployBinder(ValueReader cx) {
    this.cx = cx;
  }

  static final List<String> DEPLOY_KEYS = ComposeKeys.DEPLOY.names();

  static final List<String> UPDATE_KEYS =
      List.of("parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order");

  static final List<String> RESOURCE_KEYS =
      List.of("cpus", "memory", "pids", "generic_resources", "devices");

  Deploy deploy(YNode n, String path) {
    Obj o = cx.obj(n, path, DEPLOY_KEYS);
    Deploy.Builder b = Deploy.builder();
    cx.bindKeys(
        ComposeKeys.DEPLOY,
        o,
        b,
        (key, x, p) ->
            switch (key) {
              case "update_config" -> Optional.of(updateConfig(x, p));
              case "rollback_config" -> Optional.of(rollbackConfig(x, p));
              case "resources" -> Optional.of(resources(x, p));
              case "restart_policy" -> Optional.of(restartPolicy(x, p));
              case "placement" -> Optional.of(placement(x, p));
              default -> throw new IllegalStateException("no reader for the deploy key " + key);
            });
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  private UpdateConfig updateConfig(YNode x, String path) {
    Obj u = cx.obj(x, path, UPDATE_KEYS);
    UpdateConfig.Builder ub = UpdateConfig.builder();
    cx.lng(u, "parallelism", ub::parallelism);
    cx.dur(u, "delay", ub::delay);
    cx.str(u, "failure_action", ub::failureAction);
    cx.dur(u, "monitor", ub::monitor);
    YNode r = u.get("max_failure_ratio");
    if (r != null) {
      ub.maxFailureRatio(cx.number(r, u.child("max_failure_ratio")));
    }
    cx.str(u, "order", ub::order);
    u.finish(true);
    return ub.build();
  }

  private RollbackConfig rollbackConfig(YNode x, String path) {
    UpdateConfig u = updateConfig(x, path);
    return RollbackConfig.builder()
        .parallelism(u.parallelism())
        .delay(u.delay())
        .failureAction(u.failureAction())
        .monitor(u.monitor())
        .maxFailureRatio(u.maxFailureRatio())
        .order(u.order())
        .build();
  }

  Resources resources(YNode x, String path) {
    Obj r = cx.obj(x, path, List.of("limits", "reservations"));
    Resources.Builder rb = Resources.builder();
    YNode y;
    if ((y = r.get("limits")) != null) {
      rb.limits(resource(y, r.child("limits")));
    }
    if ((y = r.get("reservations")) != null) {
      rb.reservations(resource(y, r.child("reservations")));
    }
    r.finish(true);
    return rb.build();
  }

  private RestartPolicy restartPolicy(YNode x, String path) {
    Obj r = cx.obj(x, path, List.of("condition", "delay", "max_attempts", "window"));
    RestartPolicy.Builder rb = RestartPolicy.builder();
    cx.str(r, "condition", rb::condition);
    cx.dur(r, "delay", rb::delay);
    cx.lng(r, "max_attempts", rb::maxAttempts);
    cx.dur(r, "window", rb::window);
    r.finish(true);
    return rb.build();
  }

  private Placement placement(YNode x, String path) {
    Obj p = cx.obj(x, path, List.of("constraints", "preferences", "max_replicas_per_node"));
    Placement.Builder pb = Placement.builder();
    cx.each(p, "constraints", (item, ip) -> pb.addConstraint(Constraint.raw(cx.str(item, ip))));
    cx.each(
        p,
        "preferences",
        (item, ip) -> {
          Obj pref = cx.obj(item, ip, List.of("spread"));
          YNode spread = pref.get("spread");
          if (spread == null) {
            throw cx.error(item, ip, "a placement preference needs 'spread'");
          }
          pb.addPreference(
              PlacementPreference.builder().spread(cx.str(spread, pref.child("spread"))).build());
          pref.finishNoExtensions();
        });
    cx.lng(p, "max_replicas_per_node", pb::maxReplicasPerNode);
    p.finish(true);
    return pb.build();
  }

  private Resource resource(YNode n, String path) {
    Obj o = cx.obj(n, path, RESOURCE_KEYS);
    Resource.Builder b = Resource.builder();
    YNode x;
    if ((x = o.get("cpus")) != null) {
      cx.noteNumber(x, o.child("cpus"));
      b.cpus(cx.cpus(x, o.child("cpus")));
    }
    if (o.map.get("memory") != null) {
      cx.noteNumber(o.map.get("memory").value(), o.child("memory"));
    }
    cx.size(o, "memory", b::memory);
    cx.lng(o, "pids", b::pids);
    cx.each(
        o,
        "generic_resources",
        (item, p) -> {
          Obj g = cx.obj(item, p, List.of("discrete_resource_spec"));
          YNode spec = g.get("discrete_resource_spec");
          if (spec == null) {
            throw cx.error(item, p, "a generic resource needs 'discrete_resource_spec'");
          }
          Obj s = cx.obj(spec, g.child("discrete_resource_spec"), List.of("kind", "value"));
          YNode kind = s.get("kind");
          YNode value = s.get("value");
          if (kind == null || value == null) {
            throw cx.error(
                spec,
                g.child("discrete_resource_spec"),
                "discrete_resource_spec needs 'kind' and 'value'");
          }
          b.addGenericResource(
              GenericResource.builder()
                  .kind(cx.str(kind, s.child("kind")))
                  .value(cx.integer(value, s.child("value")))
                  .build());
          s.finishNoExtensions();
          g.finishNoExtensions();
        });
    cx.each(o, "devices", (item, p) -> b.addDevice(deviceRequest(item, p)));
    o.finish(true);
    return b.build();
  }

  private DeviceRequest deviceRequest(YNode n, String path) {
    Obj o = cx.obj(n, path, List.of("capabilities", "count", "device_ids", "driver", "options"));
    DeviceRequest.Builder b = DeviceRequest.builder();
    cx.strings(o, "capabilities", b::addAllCapabilities);
    cx.text(o, "count", b::count);
    cx.strings(o, "device_ids", b::addAllDeviceIds);
    cx.str(o, "driver", b::driver);
    cx.labels(o, "options", b::putAllOptions);
    o.finish(true);
    return b.build();
  }
}
