package io.compose4j.yaml.write;

import io.compose4j.model.ComposeKeys;
import io.compose4j.model.Config;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Include;
import io.compose4j.model.Ipam;
import io.compose4j.model.IpamConfig;
import io.compose4j.model.Model;
import io.compose4j.model.Network;
import io.compose4j.model.Secret;
import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.model.SwarmFormat;
import io.compose4j.model.Target;
import io.compose4j.model.Volume;
import io.compose4j.yaml.write.YamlOutput.ComplexWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /**
   * Writes the canonical YAML of a stack for a target at the end of {@code out} and returns the
   * warnings about what the target left out. {@link FastYaml} writes it; when the stack holds a
   * value that writer leaves to SnakeYAML's emitter, what it wrote is discarded and {@link
   * JacksonYaml} writes the stack instead (the same bytes, more slowly).
   */
  public static List<Diagnostic> write(Stack stack, Target target, StringBuilder out) {
    int start = out.length();
    try {
      return write(stack, target, new FastYaml(out));
    } catch (FastYaml.Unsupported e) {
      out.setLength(start);
      return writeWithJackson(stack, target, out);
    }
  }

  /** Writes a stack with Jackson's generator (the reference {@link FastYaml} is tested against). */
  static List<Diagnostic> writeWithJackson(Stack stack, Target target, StringBuilder out) {
    try (JacksonYaml g = new JacksonYaml(new BuilderWriter(out))) {
      return write(stack, target, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a stack with {@link FastYaml} only; throws {@link FastYaml.Unsupported} when it can't.
   */
  static List<Diagnostic> writeFast(Stack stack, Target target, StringBuilder out) {
    return write(stack, target, new FastYaml(out));
  }

  private static List<Diagnostic> write(Stack stack, Target target, YamlSink g) {
    StackEmitter emitter = new StackEmitter(g, target);
    try {
      emitter.stack(stack);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return emitter.warnings();
  }

  /** Returns an emitter that writes to {@code g} for {@code target}. */
  private StackEmitter(YamlSink g, Target target) {
    this.out = new YamlOutput(g, target == Target.SWARM);
    MountEmitter mounts = new MountEmitter(out);
    this.services =
        new ServiceEmitter(out, mounts, new BuildEmitter(out, mounts), new DeployEmitter(out));
  }

  /** Returns the warnings about what the SWARM target left out. */
  List<Diagnostic> warnings() {
    return out.warnings;
  }

  // ---------------------------------------------------------------- stack

  /** Writes the stack. */
  void stack(Stack s) throws IOException {
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
      for (Include inc : s.include()) {
        include(inc);
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

  private void include(Include inc) throws IOException {
    out.g.writeStartObject();
    out.strings("path", inc.path());
    out.str("project_directory", inc.projectDirectory());
    out.strings("env_file", inc.envFile());
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
    out.str("driver", ipam.driver());
    if (!ipam.config().isEmpty()) {
      out.key("config");
      out.g.writeStartArray();
      int i = 0;
      for (IpamConfig c : ipam.config()) {
        String cp = path + ".ipam.config[" + i++ + "]";
        out.g.writeStartObject();
        out.str("subnet", c.subnet());
        out.compose("gateway", c.gateway().isPresent(), cp, () -> out.str("gateway", c.gateway()));
        out.compose(
            "ip_range", c.ipRange().isPresent(), cp, () -> out.str("ip_range", c.ipRange()));
        out.compose(
            "aux_addresses",
            !c.auxAddresses().isEmpty(),
            cp,
            () -> out.map("aux_addresses", c.auxAddresses()));
        out.g.writeEndObject();
      }
      out.g.writeEndArray();
    }
    out.compose(
        "options",
        !ipam.options().isEmpty(),
        path + ".ipam",
        () -> out.map("options", ipam.options()));
    out.g.writeEndObject();
  }

  private static final ComplexWriter NO_COMPLEX_KEYS =
      name -> {
        throw new IllegalStateException("no writer for the key " + name);
      };

  private void volume(Volume v, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(ComposeKeys.VOLUME, v, path, NO_COMPLEX_KEYS);
    out.extensions(v.extensions(), path);
    out.g.writeEndObject();
  }

  private void secret(Secret s, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(ComposeKeys.SECRET, s, path, NO_COMPLEX_KEYS);
    out.extensions(s.extensions(), path);
    out.g.writeEndObject();
  }

  private void config(Config c, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(ComposeKeys.CONFIG, c, path, NO_COMPLEX_KEYS);
    out.extensions(c.extensions(), path);
    out.g.writeEndObject();
  }

  /** A writer into an unsynchronized {@link StringBuilder}. */
  private static final class BuilderWriter extends java.io.Writer {
    private final StringBuilder buffer;

    BuilderWriter(StringBuilder buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      buffer.append(chars, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
      buffer.append(s, offset, offset + length);
    }

    @Override
    public void write(String s) {
      buffer.append(s);
    }

    @Override
    public void write(int c) {
      buffer.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
