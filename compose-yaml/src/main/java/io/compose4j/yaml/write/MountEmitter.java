package io.compose4j.yaml.write;

import io.compose4j.model.Mount;
import io.compose4j.model.PortMapping;
import io.compose4j.model.RawValue;
import io.compose4j.model.ServiceNetwork;
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
      out.integer("target", p.target());
      if (p.published().isPresent()) {
        if (p.publishedPort().isPresent()) {
          out.key("published");
          out.g.writeNumber(p.publishedPort().getAsInt());
        } else if (!out.swarmDrops(pp + ".published")) {
          out.str("published", p.published().get());
        }
      }
      if (p.hostIp().isPresent() && !out.swarmDrops(pp + ".host_ip")) {
        out.str("host_ip", p.hostIp());
      }
      out.str("protocol", p.protocol());
      out.str("mode", p.mode());
      if (p.name().isPresent() && !out.swarmDrops(pp + ".name")) {
        out.str("name", p.name());
      }
      if (p.appProtocol().isPresent() && !out.swarmDrops(pp + ".app_protocol")) {
        out.str("app_protocol", p.appProtocol());
      }
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
      boolean open =
          !out.swarm
              || !n.aliases().isEmpty()
              || n.ipv4Address().isPresent()
              || n.ipv6Address().isPresent()
              || !n.driverOpts().isEmpty();
      if (open) {
        out.g.writeStartObject();
      } else {
        out.g.writeNull();
      }
      out.strings("aliases", n.aliases());
      out.str("ipv4_address", n.ipv4Address());
      out.str("ipv6_address", n.ipv6Address());
      if (!n.driverOpts().isEmpty()) {
        out.map("driver_opts", n.driverOpts());
      }
      out.compose(
          "link_local_ips",
          !n.linkLocalIps().isEmpty(),
          np,
          () -> out.strings("link_local_ips", n.linkLocalIps()));
      out.compose(
          "mac_address",
          n.macAddress().isPresent(),
          np,
          () -> out.str("mac_address", n.macAddress()));
      out.compose(
          "priority", n.priority().isPresent(), np, () -> out.integer("priority", n.priority()));
      out.compose(
          "gw_priority",
          n.gwPriority().isPresent(),
          np,
          () -> out.integer("gw_priority", n.gwPriority()));
      out.compose(
          "interface_name",
          n.interfaceName().isPresent(),
          np,
          () -> out.str("interface_name", n.interfaceName()));
      if (open) {
        out.g.writeEndObject();
      }
    }
    out.g.writeEndObject();
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
      out.str("type", m.type());
      out.str("source", m.source());
      out.str("target", m.target());
      out.bool("read_only", m.readOnly());
      out.str("consistency", m.consistency());
      if (m.bind().isPresent()) {
        var b = m.bind().get();
        String bp = mp + ".bind";
        boolean composeOnly =
            b.createHostPath().isPresent() || b.selinux().isPresent() || b.recursive().isPresent();
        if (b.propagation().isPresent() || (composeOnly && !out.swarm)) {
          out.key("bind");
          out.g.writeStartObject();
          out.str("propagation", b.propagation());
          out.compose(
              "create_host_path",
              b.createHostPath().isPresent(),
              bp,
              () -> out.bool("create_host_path", b.createHostPath()));
          out.compose(
              "selinux", b.selinux().isPresent(), bp, () -> out.str("selinux", b.selinux()));
          out.compose(
              "recursive",
              b.recursive().isPresent(),
              bp,
              () -> out.str("recursive", b.recursive()));
          out.g.writeEndObject();
        } else {
          // only Compose keys and a Swarm target: report each and write no empty 'bind'
          out.compose("create_host_path", b.createHostPath().isPresent(), bp, () -> {});
          out.compose("selinux", b.selinux().isPresent(), bp, () -> {});
          out.compose("recursive", b.recursive().isPresent(), bp, () -> {});
        }
      }
      if (m.volume().isPresent()) {
        var v = m.volume().get();
        out.key("volume");
        out.g.writeStartObject();
        out.bool("nocopy", v.nocopy());
        out.compose(
            "subpath",
            v.subpath().isPresent(),
            mp + ".volume",
            () -> out.str("subpath", v.subpath()));
        if (!v.labels().isEmpty()) {
          out.compose("labels", true, mp + ".volume", () -> out.map("labels", v.labels()));
        }
        out.g.writeEndObject();
      }
      if (m.tmpfs().isPresent()) {
        var t = m.tmpfs().get();
        out.key("tmpfs");
        out.g.writeStartObject();
        if (t.size().isPresent()) {
          out.key("size");
          out.g.writeNumber(t.size().get().bytes());
        }
        out.compose(
            "mode",
            t.mode().isPresent(),
            mp + ".tmpfs",
            () -> {
              out.key("mode");
              out.g.writeNumber(t.mode().get().yamlOctal());
            });
        out.g.writeEndObject();
      }
      out.compose(
          "image",
          m.image().isPresent(),
          mp,
          () -> {
            out.key("image");
            out.g.writeStartObject();
            out.str("subpath", m.image().get().subpath());
            out.g.writeEndObject();
          });
      out.extensions(m.extensions(), mp);
      out.g.writeEndObject();
    }
    out.g.writeEndArray();
  }

  void fileRef(
      String source,
      Optional<String> target,
      Optional<String> uid,
      Optional<String> gid,
      Optional<String> mode,
      Map<String, RawValue> ext,
      String path)
      throws IOException {
    out.g.writeStartObject();
    out.str("source", source);
    out.str("target", target);
    out.str("uid", uid);
    out.str("gid", gid);
    if (mode.isPresent()) {
      out.key("mode");
      out.g.writeNumber(mode.get());
    }
    out.extensions(ext, path);
    out.g.writeEndObject();
  }
}
