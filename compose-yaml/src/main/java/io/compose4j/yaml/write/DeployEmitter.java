package io.compose4j.yaml.write;

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
import io.compose4j.model.RollbackConfig;
import io.compose4j.model.UpdateConfig;
import java.io.IOException;
import java.util.Optional;

/**
 * Writes the {@code deploy} section of a service: the rows of {@link ComposeKeys#DEPLOY} and its
 * objects.
 */
final class DeployEmitter {
  private final YamlOutput out;

  DeployEmitter(YamlOutput out) {
    this.out = out;
  }

  // ---------------------------------------------------------------- deploy

  void deploy(Deploy d, String path) throws IOException {
    out.key("deploy");
    out.g.writeStartObject();
    out.writeKeys(
        ComposeKeys.DEPLOY,
        d,
        path,
        name -> {
          String p = path + "." + name;
          switch (name) {
            case "placement" -> placement(d.placement().get(), p);
            case "resources" -> resources(d.resources().get(), p);
            case "update_config" -> {
              UpdateConfig u = d.updateConfig().get();
              out.writeObject(
                  name, NestedKeys.UPDATE_CONFIG, u, p, k -> ratio(k, u.maxFailureRatio()));
            }
            case "rollback_config" -> {
              RollbackConfig u = d.rollbackConfig().get();
              out.writeObject(
                  name, NestedKeys.ROLLBACK_CONFIG, u, p, k -> ratio(k, u.maxFailureRatio()));
            }
            case "restart_policy" ->
                out.writeObject(
                    name,
                    NestedKeys.RESTART_POLICY,
                    d.restartPolicy().get(),
                    p,
                    YamlOutput.NO_COMPLEX_KEYS);
            default -> throw new IllegalStateException("no writer for the deploy key " + name);
          }
        });
    out.extensions(d.extensions(), path);
    out.g.writeEndObject();
  }

  private void ratio(String key, Optional<Double> ratio) throws IOException {
    out.key(key);
    out.g.writeNumber(ratio.get());
  }

  private void placement(Placement p, String path) throws IOException {
    out.writeObject(
        "placement",
        NestedKeys.PLACEMENT,
        p,
        path,
        key -> {
          out.key(key);
          out.g.writeStartArray();
          if (key.equals("constraints")) {
            for (Constraint c : p.constraints()) {
              out.value(c.text());
            }
          } else {
            int i = 0;
            for (PlacementPreference pref : p.preferences()) {
              out.g.writeStartObject();
              out.writeKeys(
                  NestedKeys.PLACEMENT_PREFERENCE,
                  pref,
                  path + ".preferences[" + i++ + "]",
                  YamlOutput.NO_COMPLEX_KEYS);
              out.g.writeEndObject();
            }
          }
          out.g.writeEndArray();
        });
  }

  void resources(Resources r, String path) throws IOException {
    out.writeObject(
        "resources",
        NestedKeys.RESOURCES,
        r,
        path,
        key -> {
          String p = path + "." + key;
          if (key.equals("limits")) {
            resource(key, NestedKeys.LIMITS, r.limits().get(), p);
          } else {
            resource(key, NestedKeys.RESERVATIONS, r.reservations().get(), p);
          }
        });
  }

  private void resource(String key, ComposeKeys.Table<Resource, ?> table, Resource r, String path)
      throws IOException {
    out.writeObject(
        key,
        table,
        r,
        path,
        name -> {
          switch (name) {
            case "cpus" -> out.str(name, r.cpus().get().toString());
            case "memory" -> out.size(name, r.memory().get());
            case "generic_resources" -> {
              out.key(name);
              out.g.writeStartArray();
              int i = 0;
              for (GenericResource gr : r.genericResources()) {
                out.g.writeStartObject();
                out.writeObject(
                    "discrete_resource_spec",
                    NestedKeys.DISCRETE_RESOURCE_SPEC,
                    gr,
                    path + ".generic_resources[" + i++ + "].discrete_resource_spec",
                    YamlOutput.NO_COMPLEX_KEYS);
                out.g.writeEndObject();
              }
              out.g.writeEndArray();
            }
            default -> {
              out.key(name);
              out.g.writeStartArray();
              int i = 0;
              for (DeviceRequest d : r.devices()) {
                out.g.writeStartObject();
                out.writeKeys(
                    NestedKeys.DEVICE_REQUEST,
                    d,
                    path + ".devices[" + i++ + "]",
                    YamlOutput.NO_COMPLEX_KEYS);
                out.g.writeEndObject();
              }
              out.g.writeEndArray();
            }
          }
        });
  }
}
