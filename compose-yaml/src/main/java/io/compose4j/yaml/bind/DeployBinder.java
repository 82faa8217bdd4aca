package io.compose4j.yaml.bind;

import io.compose4j.model.ComposeKeys;
import io.compose4j.model.Constraint;
import io.compose4j.model.Deploy;
import io.compose4j.model.DeviceRequest;
import io.compose4j.model.GenericResource;
import io.compose4j.model.NestedKeys;
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

  /** Reads the ratio of an update or rollback config, the one key of theirs with a reader. */
  private Object maxFailureRatio(String key, YNode x, String path) {
    if (!key.equals("max_failure_ratio")) {
      throw new IllegalStateException("no reader for the key " + key);
    }
    return Optional.of(cx.number(x, path));
  }

  private UpdateConfig updateConfig(YNode x, String path) {
    Obj u = cx.obj(x, path, NestedKeys.UPDATE_CONFIG.names());
    UpdateConfig.Builder ub = UpdateConfig.builder();
    cx.bindKeys(NestedKeys.UPDATE_CONFIG, u, ub, this::maxFailureRatio);
    u.finishDroppingExtensions();
    return ub.build();
  }

  private RollbackConfig rollbackConfig(YNode x, String path) {
    Obj u = cx.obj(x, path, NestedKeys.ROLLBACK_CONFIG.names());
    RollbackConfig.Builder ub = RollbackConfig.builder();
    cx.bindKeys(NestedKeys.ROLLBACK_CONFIG, u, ub, this::maxFailureRatio);
    u.finishDroppingExtensions();
    return ub.build();
  }

  Resources resources(YNode x, String path) {
    Obj r = cx.obj(x, path, NestedKeys.RESOURCES.names());
    Resources.Builder rb = Resources.builder();
    cx.bindKeys(
        NestedKeys.RESOURCES,
        r,
        rb,
        (key, y, p) ->
            Optional.of(
                resource(
                    key.equals("limits") ? NestedKeys.LIMITS : NestedKeys.RESERVATIONS, y, p)));
    r.finishDroppingExtensions();
    return rb.build();
  }

  private RestartPolicy restartPolicy(YNode x, String path) {
    Obj r = cx.obj(x, path, NestedKeys.RESTART_POLICY.names());
    RestartPolicy.Builder rb = RestartPolicy.builder();
    cx.bindKeys(NestedKeys.RESTART_POLICY, r, rb, ValueReader.NO_COMPLEX_KEYS);
    r.finishDroppingExtensions();
    return rb.build();
  }

  private Placement placement(YNode x, String path) {
    Obj p = cx.obj(x, path, NestedKeys.PLACEMENT.names());
    Placement.Builder pb = Placement.builder();
    cx.bindKeys(
        NestedKeys.PLACEMENT,
        p,
        pb,
        (key, y, yp) ->
            key.equals("constraints")
                ? cx.items(y, yp, (item, ip) -> Constraint.raw(cx.str(item, ip)))
                : cx.items(y, yp, this::preference));
    p.finishDroppingExtensions();
    return pb.build();
  }

  private PlacementPreference preference(YNode item, String ip) {
    Obj pref = cx.obj(item, ip, NestedKeys.PLACEMENT_PREFERENCE.names());
    YNode spread = pref.get("spread");
    if (spread == null) {
      throw cx.error(item, ip, "a placement preference needs 'spread'");
    }
    PlacementPreference p =
        PlacementPreference.builder().spread(cx.str(spread, pref.child("spread"))).build();
    pref.finishNoExtensions();
    return p;
  }

  private Resource resource(
      ComposeKeys.Table<Resource, Resource.Builder> table, YNode n, String path) {
    Obj o = cx.obj(n, path, table.names());
    Resource.Builder b = Resource.builder();
    cx.bindKeys(
        table,
        o,
        b,
        (key, x, p) ->
            switch (key) {
              case "cpus" -> {
                cx.noteNumber(x, p);
                yield Optional.of(cx.cpus(x, p));
              }
              case "memory" -> {
                cx.noteNumber(x, p);
                yield Optional.of(cx.size(x, p));
              }
              case "generic_resources" -> cx.items(x, p, this::genericResource);
              case "devices" -> cx.items(x, p, this::deviceRequest);
              default -> throw new IllegalStateException("no reader for the resource key " + key);
            });
    o.finishDroppingExtensions();
    return b.build();
  }

  private GenericResource genericResource(YNode item, String p) {
    Obj g = cx.obj(item, p, List.of("discrete_resource_spec"));
    YNode spec = g.get("discrete_resource_spec");
    if (spec == null) {
      throw cx.error(item, p, "a generic resource needs 'discrete_resource_spec'");
    }
    Obj s =
        cx.obj(spec, g.child("discrete_resource_spec"), NestedKeys.DISCRETE_RESOURCE_SPEC.names());
    YNode kind = s.get("kind");
    YNode value = s.get("value");
    if (kind == null || value == null) {
      throw cx.error(
          spec,
          g.child("discrete_resource_spec"),
          "discrete_resource_spec needs 'kind' and 'value'");
    }
    GenericResource r =
        GenericResource.builder()
            .kind(cx.str(kind, s.child("kind")))
            .value(cx.integer(value, s.child("value")))
            .build();
    s.finishNoExtensions();
    g.finishNoExtensions();
    return r;
  }

  private DeviceRequest deviceRequest(YNode n, String path) {
    Obj o = cx.obj(n, path, NestedKeys.DEVICE_REQUEST.names());
    DeviceRequest.Builder b = DeviceRequest.builder();
    cx.bindKeys(NestedKeys.DEVICE_REQUEST, o, b, ValueReader.NO_COMPLEX_KEYS);
    o.finishDroppingExtensions();
    return b.build();
  }
}
