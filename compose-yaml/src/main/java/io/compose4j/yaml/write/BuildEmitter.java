package io.compose4j.yaml.write;

import io.compose4j.model.Build;
import io.compose4j.model.NestedKeys;
import io.compose4j.model.Ulimit;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Writes {@code build} and the {@code ulimits} that build and the service share. */
final class BuildEmitter {
  private final YamlOutput out;
  private final MountEmitter mounts;

  BuildEmitter(YamlOutput out, MountEmitter mounts) {
    this.out = out;
    this.mounts = mounts;
  }

  void build(Build b, String path) throws IOException {
    out.key("build");
    out.g.writeStartObject();
    out.writeKeys(
        NestedKeys.BUILD,
        b,
        path,
        key -> {
          switch (key) {
            case "ssh" -> out.strings(key, b.ssh());
            case "secrets" -> mounts.secrets(b.secrets(), path + ".secrets");
            default -> ulimits(key, b.ulimits(), path + ".ulimits");
          }
        });
    if (!b.extensions().isEmpty()) {
      out.extensions(b.extensions(), path);
    }
    out.g.writeEndObject();
  }

  void ulimits(String key, Map<String, Ulimit> ulimits, String path) throws IOException {
    if (ulimits.isEmpty()) {
      return;
    }
    out.key(key);
    out.g.writeStartObject();
    for (Map.Entry<String, Ulimit> e : new TreeMap<>(ulimits).entrySet()) {
      out.key(e.getKey());
      Ulimit u = e.getValue();
      if (u.single().isPresent()) {
        out.g.writeNumber(u.single().getAsLong());
      } else {
        out.g.writeStartObject();
        out.writeKeys(NestedKeys.ULIMIT, u, path + "." + e.getKey(), YamlOutput.NO_COMPLEX_KEYS);
        out.g.writeEndObject();
      }
    }
    out.g.writeEndObject();
  }
}
