package io.compose4j.yaml.write;

import io.compose4j.model.ComposeKeys;
import io.compose4j.model.FileMode;
import io.compose4j.model.Mount;
import io.compose4j.model.MountBind;
import io.compose4j.model.MountTmpfs;
import io.compose4j.model.NestedKeys;
import io.compose4j.model.PortMapping;
import io.compose4j.model.RawValue;
import io.compose4j.model.ServiceNetwork;
import io.compose4j.model.ServiceSecret;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes what a service mounts, publishes and joins: {@code volumes} and {@code ports} in long
 * syntax, secret and config references, and service {@code networks}.
 */
final class MountEmitter {
  private final YamlOutput out;

  MountEmitter(YamlOutput out) {
    this.out = out;
  }

  void ports(List<PortMapping> ports, String path) throws IOException {
    if (ports.isEmpty()) {
      return;
    }
    out.key("ports");
    out.g.writeStartArray();
    int i = 0;
    for (PortMapping p : ports) {
      String pp = path + "[" + i++ + "]";
      out.g.writeStartObject();
      out.writeKeys(
          NestedKeys.PORT,
          p,
          pp,
          key -> {
            if (key.equals("target")) {
              out.integer(key, p.target());
            } else if (p.publishedPort().isPresent()) {
              out.key(key);
              out.g.writeNumber(p.publishedPort().getAsInt());
            } else {
              // a range (or a variable kept) as text; SwarmFormat has the Swarm target drop a range
              out.str(key, p.published());
            }
          });
      out.extensions(p.extensions(), pp);
      out.g.writeEndObject();
    }
    out.g.writeEndArray();
  }

  void serviceNetworks(Map<String, ServiceNetwork> networks, String path) throws IOException {
    if (networks.isEmpty()) {
      return;
    }
    out.key("networks");
    out.g.writeStartObject();
    for (Map.Entry<String, ServiceNetwork> e : new TreeMap<>(networks).entrySet()) {
      out.key(e.getKey());
      ServiceNetwork n = e.getValue();
      String np = path + "." + e.getKey();
      if (n.equals(ServiceNetwork.builder().build())) {
        out.g.writeNull();
        continue;
      }
      // when Swarm drops every setting the entry is written as the empty one is (null), so that
      // writing what was written gives the same text
      boolean open = !out.swarm || keeps(NestedKeys.SERVICE_NETWORK, n);
      if (open) {
        out.g.writeStartObject();
      } else {
        out.g.writeNull();
      }
      out.writeKeys(NestedKeys.SERVICE_NETWORK, n, np, YamlOutput.NO_COMPLEX_KEYS);
      if (open) {
        out.g.writeEndObject();
      }
    }
    out.g.writeEndObject();
  }

  /** Returns whether an object sets a key that the 3.x format has (which Swarm keeps). */
  private static <O> boolean keeps(ComposeKeys.Table<O, ?> table, O object) {
    return table.canonicalOrder().stream()
        .anyMatch(k -> k.swarm().supported() && k.present(object));
  }

  void volumes(List<Mount> mounts, String path) throws IOException {
    if (mounts.isEmpty()) {
      return;
    }
    out.key("volumes");
    out.g.writeStartArray();
    int i = 0;
    for (Mount m : mounts) {
      String mp = path + "[" + i++ + "]";
      out.g.writeStartObject();
      out.writeKeys(
          NestedKeys.MOUNT,
          m,
          mp,
          key -> {
            switch (key) {
              case "bind" -> bind(m.bind().get(), mp + ".bind");
              case "volume" ->
                  out.writeObject(
                      key,
                      NestedKeys.MOUNT_VOLUME,
                      m.volume().get(),
                      mp + ".volume",
                      YamlOutput.NO_COMPLEX_KEYS);
              case "tmpfs" -> {
                MountTmpfs t = m.tmpfs().get();
                out.writeObject(
                    key,
                    NestedKeys.MOUNT_TMPFS,
                    t,
                    mp + ".tmpfs",
                    k -> {
                      // the size in bytes, the mode as octal digits
                      out.key(k);
                      if (k.equals("size")) {
                        out.g.writeNumber(t.size().get().bytes());
                      } else {
                        out.g.writeNumber(t.mode().get().yamlOctal());
                      }
                    });
              }
              default ->
                  out.writeObject(
                      key,
                      NestedKeys.MOUNT_IMAGE,
                      m.image().get(),
                      mp + ".image",
                      YamlOutput.NO_COMPLEX_KEYS);
            }
          });
      out.extensions(m.extensions(), mp);
      out.g.writeEndObject();
    }
    out.g.writeEndArray();
  }

  private void bind(MountBind b, String bp) throws IOException {
    boolean composeOnly =
        NestedKeys.MOUNT_BIND.canonicalOrder().stream()
            .anyMatch(k -> !k.swarm().supported() && k.present(b));
    if (b.propagation().isPresent() || (composeOnly && !out.swarm)) {
      out.writeObject("bind", NestedKeys.MOUNT_BIND, b, bp, YamlOutput.NO_COMPLEX_KEYS);
    } else {
      // only Compose keys and a Swarm target: report each and write no empty 'bind'
      for (ComposeKeys.Key<MountBind, ?, ?> k : NestedKeys.MOUNT_BIND.canonicalOrder()) {
        if (!k.swarm().supported() && k.present(b)) {
          out.swarmDrops(bp + "." + k.name());
        }
      }
    }
  }

  /** Writes the secrets a service (or a build) uses, in long syntax. */
  void secrets(List<ServiceSecret> secrets, String path) throws IOException {
    out.key("secrets");
    out.g.writeStartArray();
    int i = 0;
    for (ServiceSecret ref : secrets) {
      fileRef(NestedKeys.SERVICE_SECRET, ref, ref.mode(), ref.extensions(), path + "[" + i++ + "]");
    }
    out.g.writeEndArray();
  }

  /** Writes a secret or config reference by its table (the mode as octal digits). */
  <O> void fileRef(
      ComposeKeys.Table<O, ?> table,
      O ref,
      Optional<FileMode> mode,
      Map<String, RawValue> ext,
      String path)
      throws IOException {
    out.g.writeStartObject();
    out.writeKeys(
        table,
        ref,
        path,
        key -> {
          out.key(key);
          out.g.writeNumber(mode.get().yamlOctal());
        });
    out.extensions(ext, path);
    out.g.writeEndObject();
  }
}
