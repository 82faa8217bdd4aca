package io.compose4j.yaml.write;

import com.fasterxml.jackson.core.JsonGenerator;
import io.compose4j.model.ComposeKeys;
import io.compose4j.model.Config;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Include;
import io.compose4j.model.Ipam;
import io.compose4j.model.IpamConfig;
import io.compose4j.model.Model;
import io.compose4j.model.NestedKeys;
import io.compose4j.model.Network;
import io.compose4j.model.Secret;
import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.model.SwarmFormat;
import io.compose4j.model.Target;
import io.compose4j.model.Volume;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one walk over the model that produces canonical YAML. Key order inside each object is fixed
 * (see {@code docs/FORMAT.md}); maps keyed by user names are sorted; lists keep their order. This
 * class writes the top level and the top-level objects; services are written by {@link
 * ServiceEmitter}, the YAML primitives by {@link YamlOutput}.
 */
public final class StackEmitter {
  private final YamlOutput out;
  private final ServiceEmitter services;

  /** Returns an emitter that writes to {@code g} for {@code target}. */
  public StackEmitter(JsonGenerator g, Target target) {
    this.out = new YamlOutput(g, target == Target.SWARM);
    MountEmitter mounts = new MountEmitter(out);
    this.services =
        new ServiceEmitter(out, mounts, new BuildEmitter(out, mounts), new DeployEmitter(out));
  }

  /** Returns the warnings about what the SWARM target left out. */
  public List<Diagnostic> warnings() {
    return out.warnings;
  }

  // ---------------------------------------------------------------- stack

  /** Writes the stack. */
  public void stack(Stack s) throws IOException {
    out.keepVariables = s.variablesKept();
    if (out.swarm) {
      SwarmFormat.unsupported(s).forEach(u -> out.dropped.put(u.path(), u.hint()));
    }
    out.g.writeStartObject();
    if (!out.swarm) {
      out.str("name", s.name());
    } else if (s.name().isPresent()) {
      out.warnings.add(
          Diagnostic.info(
              "swarm-stack-name",
              "name",
              "the stack name '"
                  + s.name().get()
                  + "' is not written; Swarm takes it from the command line",
              "deploy with: docker stack deploy -c FILE " + s.name().get()));
    }
    if (!s.include().isEmpty() && !out.swarmDrops("include")) {
      out.key("include");
      out.g.writeStartArray();
      int i = 0;
      for (Include inc : s.include()) {
        include(inc, "include[" + i++ + "]");
      }
      out.g.writeEndArray();
    }
    if (!s.services().isEmpty()) {
      out.key("services");
      out.g.writeStartObject();
      for (Map.Entry<String, Service> e : new TreeMap<>(s.services()).entrySet()) {
        out.key(e.getKey());
        services.service(e.getValue(), "services." + e.getKey());
      }
      out.g.writeEndObject();
    } else if (out.swarm) {
      out.key("services");
      out.g.writeStartObject();
      out.g.writeEndObject();
    }
    if (!s.networks().isEmpty()) {
      out.key("networks");
      out.g.writeStartObject();
      for (Map.Entry<String, Network> e : new TreeMap<>(s.networks()).entrySet()) {
        out.key(e.getKey());
        network(e.getValue(), "networks." + e.getKey());
      }
      out.g.writeEndObject();
    }
    if (!s.volumes().isEmpty()) {
      out.key("volumes");
      out.g.writeStartObject();
      for (Map.Entry<String, Volume> e : new TreeMap<>(s.volumes()).entrySet()) {
        out.key(e.getKey());
        volume(e.getValue(), "volumes." + e.getKey());
      }
      out.g.writeEndObject();
    }
    if (!s.secrets().isEmpty()) {
      out.key("secrets");
      out.g.writeStartObject();
      for (Map.Entry<String, Secret> e : new TreeMap<>(s.secrets()).entrySet()) {
        out.key(e.getKey());
        secret(e.getValue(), "secrets." + e.getKey());
      }
      out.g.writeEndObject();
    }
    if (!s.configs().isEmpty()) {
      out.key("configs");
      out.g.writeStartObject();
      for (Map.Entry<String, Config> e : new TreeMap<>(s.configs()).entrySet()) {
        out.key(e.getKey());
        config(e.getValue(), "configs." + e.getKey());
      }
      out.g.writeEndObject();
    }
    if (!s.models().isEmpty() && !out.swarmDrops("models")) {
      out.key("models");
      out.g.writeStartObject();
      for (Map.Entry<String, Model> e : new TreeMap<>(s.models()).entrySet()) {
        out.key(e.getKey());
        model(e.getValue());
      }
      out.g.writeEndObject();
    }
    out.extensions(s.extensions(), "");
    out.g.writeEndObject();
  }

  private void include(Include inc, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(NestedKeys.INCLUDE, inc, path, YamlOutput.NO_COMPLEX_KEYS);
    out.g.writeEndObject();
  }

  private void model(Model m) throws IOException {
    out.g.writeStartObject();
    out.str("model", m.model());
    out.str("name", m.name());
    out.lng("context_size", m.contextSize());
    out.strings("runtime_flags", m.runtimeFlags());
    out.extensions(m.extensions(), "");
    out.g.writeEndObject();
  }

  void network(Network n, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(ComposeKeys.NETWORK, n, path, name -> ipam(n.ipam().get(), path));
    out.extensions(n.extensions(), path);
    out.g.writeEndObject();
  }

  private void ipam(Ipam ipam, String path) throws IOException {
    out.key("ipam");
    out.g.writeStartObject();
    out.writeKeys(
        NestedKeys.IPAM,
        ipam,
        path + ".ipam",
        key -> {
          out.key(key);
          out.g.writeStartArray();
          int i = 0;
          for (IpamConfig c : ipam.config()) {
            out.g.writeStartObject();
            out.writeKeys(
                NestedKeys.IPAM_CONFIG,
                c,
                path + ".ipam.config[" + i++ + "]",
                YamlOutput.NO_COMPLEX_KEYS);
            out.g.writeEndObject();
          }
          out.g.writeEndArray();
        });
    out.g.writeEndObject();
  }

  private void volume(Volume v, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(ComposeKeys.VOLUME, v, path, YamlOutput.NO_COMPLEX_KEYS);
    out.extensions(v.extensions(), path);
    out.g.writeEndObject();
  }

  private void secret(Secret s, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(ComposeKeys.SECRET, s, path, YamlOutput.NO_COMPLEX_KEYS);
    out.extensions(s.extensions(), path);
    out.g.writeEndObject();
  }

  private void config(Config c, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(ComposeKeys.CONFIG, c, path, YamlOutput.NO_COMPLEX_KEYS);
    out.extensions(c.extensions(), path);
    out.g.writeEndObject();
  }
}
