package io.compose4j.yaml.write;

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
import io.compose4j.model.Stack;
import io.compose4j.model.SwarmFormat;
import io.compose4j.model.Target;
import io.compose4j.model.Volume;
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
    for (ComposeKeys.Key<Stack, ?, ?> key : NestedKeys.STACK.canonicalOrder()) {
      switch (key.name()) {
        case "version" -> {} // ComposeWriter writes it (SWARM only) before the mapping
        case "name" -> name(s);
        case "include" -> {
          if (!s.include().isEmpty() && !out.swarmDrops("include")) {
            out.key("include");
            out.g.writeStartArray();
            int i = 0;
            for (Include inc : s.include()) {
              include(inc, "include[" + i++ + "]");
            }
            out.g.writeEndArray();
          }
        }
        // Swarm wants the key even without services
        case "services" -> objects("services", s.services(), out.swarm, services::service);
        case "networks" -> objects("networks", s.networks(), false, this::network);
        case "volumes" -> objects("volumes", s.volumes(), false, this::volume);
        case "secrets" -> objects("secrets", s.secrets(), false, this::secret);
        case "configs" -> objects("configs", s.configs(), false, this::config);
        case "models" -> {
          if (!s.models().isEmpty() && !out.swarmDrops("models")) {
            objects("models", s.models(), false, this::model);
          }
        }
        default -> throw new IllegalStateException("no writer for the top-level key " + key.name());
      }
    }
    out.extensions(s.extensions(), "");
    out.g.writeEndObject();
  }

  private void name(Stack s) throws IOException {
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
  }

  /** Writes one object of a top-level mapping. */
  private interface ObjectWriter<T> {
    void write(T object, String path) throws IOException;
  }

  /**
   * Writes a top-level mapping of named objects, sorted by name; when it is empty, nothing unless
   * {@code evenEmpty}.
   */
  private <T> void objects(
      String key, Map<String, T> objects, boolean evenEmpty, ObjectWriter<T> writer)
      throws IOException {
    if (objects.isEmpty() && !evenEmpty) {
      return;
    }
    out.key(key);
    out.g.writeStartObject();
    for (Map.Entry<String, T> e : new TreeMap<>(objects).entrySet()) {
      out.key(e.getKey());
      writer.write(e.getValue(), key + "." + e.getKey());
    }
    out.g.writeEndObject();
  }

  private void include(Include inc, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(NestedKeys.INCLUDE, inc, path, YamlOutput.NO_COMPLEX_KEYS);
    out.g.writeEndObject();
  }

  private void model(Model m, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(NestedKeys.MODEL, m, path, YamlOutput.NO_COMPLEX_KEYS);
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
