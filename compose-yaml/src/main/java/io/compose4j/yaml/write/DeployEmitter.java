package io.compose4j.yaml.write;

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
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

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
          switch (name) {
            case "placement" -> placement(d.placement().get());
            case "resources" -> resources(d.resources().get(), path + ".resources");
            case "update_config" -> {
              UpdateConfig u = d.updateConfig().get();
              out.key(name);
              update(
                  u.parallelism(),
                  u.delay(),
                  u.failureAction(),
                  u.monitor(),
                  u.maxFailureRatio(),
                  u.order());
            }
            case "rollback_config" -> {
              RollbackConfig u = d.rollbackConfig().get();
              out.key(name);
              update(
                  u.parallelism(),
                  u.delay(),
                  u.failureAction(),
                  u.monitor(),
                  u.maxFailureRatio(),
                  u.order());
            }
            case "restart_policy" -> {
              RestartPolicy r = d.restartPolicy().get();
              out.key(name);
              out.g.writeStartObject();
              out.str("condition", r.condition());
              out.dur("delay", r.delay());
              out.lng("max_attempts", r.maxAttempts());
              out.dur("window", r.window());
              out.g.writeEndObject();
            }
            default -> throw new IllegalStateException("no writer for the deploy key " + name);
          }
        });
    out.extensions(d.extensions(), path);
    out.g.writeEndObject();
  }

  private void update(
      OptionalLong parallelism,
      Optional<Duration> delay,
      Optional<String> failureAction,
      Optional<Duration> monitor,
      Optional<Double> maxFailureRatio,
      Optional<String> order)
      throws IOException {
    out.g.writeStartObject();
    out.lng("parallelism", parallelism);
    out.dur("delay", delay);
    out.str("failure_action", failureAction);
    out.dur("monitor", monitor);
    if (maxFailureRatio.isPresent()) {
      out.key("max_failure_ratio");
      out.g.writeNumber(maxFailureRatio.get());
    }
    if (order.isPresent()) {
      out.str("order", order);
    }
    out.g.writeEndObject();
  }

  private void placement(Placement p) throws IOException {
    out.key("placement");
    out.g.writeStartObject();
    if (!p.constraints().isEmpty()) {
      out.key("constraints");
      out.g.writeStartArray();
      for (Constraint c : p.constraints()) {
        out.value(c.text());
      }
      out.g.writeEndArray();
    }
    if (!p.preferences().isEmpty()) {
      out.key("preferences");
      out.g.writeStartArray();
      for (PlacementPreference pref : p.preferences()) {
        out.g.writeStartObject();
        out.str("spread", pref.spread());
        out.g.writeEndObject();
      }
      out.g.writeEndArray();
    }
    if (p.maxReplicasPerNode().isPresent()) {
      out.lng("max_replicas_per_node", p.maxReplicasPerNode());
    }
    out.g.writeEndObject();
  }

  void resources(Resources r, String path) throws IOException {
    out.key("resources");
    out.g.writeStartObject();
    if (r.limits().isPresent()) {
      resource("limits", r.limits().get(), path + ".limits");
    }
    if (r.reservations().isPresent()) {
      resource("reservations", r.reservations().get(), path + ".reservations");
    }
    out.g.writeEndObject();
  }

  private void resource(String key, Resource r, String path) throws IOException {
    out.key(key);
    out.g.writeStartObject();
    if (r.cpus().isPresent()) {
      out.str("cpus", r.cpus().get().toString());
    }
    if (r.memory().isPresent()) {
      out.size("memory", r.memory().get());
    }
    if (r.pids().isPresent()) {
      out.lng("pids", r.pids());
    }
    if (!r.genericResources().isEmpty()) {
      out.key("generic_resources");
      out.g.writeStartArray();
      for (GenericResource gr : r.genericResources()) {
        out.g.writeStartObject();
        out.key("discrete_resource_spec");
        out.g.writeStartObject();
        out.str("kind", gr.kind());
        out.key("value");
        out.g.writeNumber(gr.value());
        out.g.writeEndObject();
        out.g.writeEndObject();
      }
      out.g.writeEndArray();
    }
    out.compose(
        "devices",
        !r.devices().isEmpty(),
        path,
        () -> {
          out.key("devices");
          out.g.writeStartArray();
          for (DeviceRequest d : r.devices()) {
            out.g.writeStartObject();
            out.strings("capabilities", d.capabilities());
            out.str("count", d.count());
            out.strings("device_ids", d.deviceIds());
            out.str("driver", d.driver());
            out.map("options", d.options());
            out.g.writeEndObject();
          }
          out.g.writeEndArray();
        });
    out.g.writeEndObject();
  }
}
