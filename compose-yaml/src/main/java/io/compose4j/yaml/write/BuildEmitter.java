package io.compose4j.yaml.write;

import io.compose4j.model.Build;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.Ulimit;
import io.compose4j.yaml.write.YamlOutput.Body;
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
    out.str("context", b.context());
    out.str("dockerfile", b.dockerfile());
    bnew(
        b.dockerfileInline().isPresent(), () -> out.str("dockerfile_inline", b.dockerfileInline()));
    out.nullableMap("args", b.args());
    bnew(!b.ssh().isEmpty(), () -> out.strings("ssh", b.ssh()));
    if (!b.labels().isEmpty()) {
      out.map("labels", b.labels());
    }
    if (!b.cacheFrom().isEmpty()) {
      out.strings("cache_from", b.cacheFrom());
    }
    bnew(!b.cacheTo().isEmpty(), () -> out.strings("cache_to", b.cacheTo()));
    bnew(b.noCache().isPresent(), () -> out.bool("no_cache", b.noCache()));
    bnew(!b.noCacheFilter().isEmpty(), () -> out.strings("no_cache_filter", b.noCacheFilter()));
    bnew(
        !b.additionalContexts().isEmpty(),
        () -> out.map("additional_contexts", b.additionalContexts()));
    if (b.network().isPresent()) {
      out.str("network", b.network());
    }
    bnew(b.pull().isPresent(), () -> out.bool("pull", b.pull()));
    if (b.target().isPresent()) {
      out.str("target", b.target());
    }
    if (b.shmSize().isPresent()) {
      out.size("shm_size", b.shmSize().get());
    }
    if (!b.extraHosts().isEmpty()) {
      out.strings("extra_hosts", b.extraHosts());
    }
    if (b.isolation().isPresent()) {
      out.str("isolation", b.isolation());
    }
    bnew(b.privileged().isPresent(), () -> out.bool("privileged", b.privileged()));
    bnew(
        !b.secrets().isEmpty(),
        () -> {
          out.key("secrets");
          out.g.writeStartArray();
          int i = 0;
          for (ServiceSecret ref : b.secrets()) {
            mounts.fileRef(
                ref.source(),
                ref.target(),
                ref.uid(),
                ref.gid(),
                ref.mode().map(m -> m.yamlOctal()),
                ref.extensions(),
                path + ".secrets[" + i++ + "]");
          }
          out.g.writeEndArray();
        });
    bnew(!b.tags().isEmpty(), () -> out.strings("tags", b.tags()));
    bnew(!b.ulimits().isEmpty(), () -> ulimits("ulimits", b.ulimits()));
    bnew(!b.platforms().isEmpty(), () -> out.strings("platforms", b.platforms()));
    bnew(!b.entitlements().isEmpty(), () -> out.strings("entitlements", b.entitlements()));
    bnew(b.provenance().isPresent(), () -> out.str("provenance", b.provenance()));
    bnew(b.sbom().isPresent(), () -> out.str("sbom", b.sbom()));
    if (!b.extensions().isEmpty()) {
      out.extensions(b.extensions(), path);
    }
    out.g.writeEndObject();
  }

  /** A build key the 3.x schemas list only from 3.11, where build accepts any key. */
  private void bnew(boolean present, Body body) throws IOException {
    if (present) {
      body.write();
    }
  }

  void ulimits(String key, Map<String, Ulimit> ulimits) throws IOException {
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
        out.lng("soft", u.soft());
        out.lng("hard", u.hard());
        out.g.writeEndObject();
      }
    }
    out.g.writeEndObject();
  }
}
