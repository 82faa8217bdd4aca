package io.compose4j.yaml.bind;

import io.compose4j.model.Mount;
import io.compose4j.model.MountBind;
import io.compose4j.model.MountImage;
import io.compose4j.model.MountTmpfs;
import io.compose4j.model.MountVolume;
import io.compose4j.model.NestedKeys;
import io.compose4j.model.PortMapping;
import io.compose4j.model.ServiceConfig;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.internal.Rx;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ReaderLimits;
import io.compose4j.yaml.bind.BindContext.Obj;
import io.compose4j.yaml.read.Scalars;
import io.compose4j.yaml.read.YNode;
import io.compose4j.yaml.read.YNode.Kind;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Binds what a service mounts and publishes: {@code volumes} (short and long syntax, bind sources
 * resolved), {@code secrets}, {@code configs} and {@code ports}, including the short syntaxes that
 * keep variables.
 */
final class MountBinder {
  private static final Rx DECIMAL_MODE = Rx.compile("[1-7][0-7]{2,3}");

  private final ValueReader cx;

  MountBinder(ValueReader cx) {
    this.cx = cx;
  }

  static final List<String> PORT_KEYS = NestedKeys.PORT.names();

  static final List<String> MOUNT_KEYS = NestedKeys.MOUNT.names();

  /**
   * Port mappings short-syntax ranges have expanded to so far in this file (bounded by {@link
   * ReaderLimits#maxExpandedPorts()}).
   */
  long expandedPorts;

  private ComposeReadException tooManyPorts(YNode n, String path, long count) {
    return cx.error(
        n,
        path,
        "the port range expands to "
            + count
            + " mappings, and with the "
            + expandedPorts
            + " that ranges expanded to before it in this file that is more than the limit "
            + ReaderLimits.raise("maxExpandedPorts", cx.limits.maxExpandedPorts()));
  }

  List<PortMapping> ports(YNode n, String path) {
    if (n instanceof YNode.YScalar s) {
      String spec = (s.kind() == Kind.INT) ? Scalars.goString(s) : cx.str(n, path);
      if (s.kept()) {
        return List.of(keptPort(s, spec, path));
      }
      try {
        // a spec without a range is one mapping and does not count; a range counts every mapping
        List<PortMapping> ports =
            PortMapping.parseAll(spec, Math.max(1, cx.limits.maxExpandedPorts() - expandedPorts));
        if (ports.size() > 1) {
          if (expandedPorts + ports.size() > cx.limits.maxExpandedPorts()) {
            throw tooManyPorts(n, path, ports.size());
          }
          expandedPorts += ports.size();
        }
        return ports;
      } catch (PortMapping.TooManyPortsException e) {
        throw tooManyPorts(n, path, e.count());
      } catch (IllegalArgumentException e) {
        throw cx.error(n, path, e.getMessage());
      }
    }
    Obj o = cx.obj(n, path, PORT_KEYS);
    cx.fact(SyntaxFact.Kind.LONG_PORT_SYNTAX, path, "");
    PortMapping.Builder b = PortMapping.builder();
    YNode t = o.get("target");
    if (t != null) {
      if (t instanceof YNode.YScalar ts && ts.kind() == Kind.STRING && !ts.interpolated()) {
        try {
          b.target(Integer.parseInt(ts.text()));
        } catch (NumberFormatException e) {
          throw cx.typeError(t, o.child("target"), "a port number");
        }
      } else {
        b.target(cx.int32(t, o.child("target")));
      }
    }
    cx.text(o, "published", b::published);
    cx.str(o, "host_ip", b::hostIp);
    cx.str(o, "protocol", b::protocol);
    cx.str(o, "mode", b::mode);
    cx.str(o, "name", b::name);
    cx.str(o, "app_protocol", b::appProtocol);
    b.putAllExtensions(o.finish(true));
    return List.of(b.build());
  }

  /**
   * A short-syntax port whose published port is a kept variable ({@code "${WEB_PORT:-8080}:80"}):
   * the only place a variable can stay, since the target port and protocol must be known.
   */
  private PortMapping keptPort(YNode.YScalar s, String spec, String path) {
    Map.Entry<String, Map<String, String>> masked = BindContext.mask(spec);
    String[] parts = masked.getKey().split(":", -1);
    Map<String, String> tokens = masked.getValue();
    if (parts.length < 2 || tokens.size() != 1 || !tokens.containsKey(parts[parts.length - 2])) {
      throw cx.cannotKeep(
          s, path, "only the published port of a short-syntax port can be a variable");
    }
    parts[parts.length - 2] = "1";
    List<PortMapping> parsed;
    try {
      parsed = PortMapping.parseAll(String.join(":", parts));
    } catch (IllegalArgumentException e) {
      throw cx.cannotKeep(s, path, "the rest of the port is not valid: " + e.getMessage());
    }
    if (parsed.size() != 1) {
      throw cx.cannotKeep(s, path, "a range of ports needs its published ports known");
    }
    String published = tokens.values().iterator().next();
    return parsed.get(0).copy(b -> b.published(published));
  }

  Mount mount(YNode n, String path) {
    if (n instanceof YNode.YScalar scalar) {
      String spec = cx.str(n, path);
      if (scalar.kept()) {
        return resolveBind(keptMount(scalar, spec, path), path);
      }
      Mount m;
      try {
        m = Mount.parse(spec);
      } catch (IllegalArgumentException e) {
        throw cx.error(n, path, e.getMessage());
      }
      List<String> ignored = Mount.ignoredOptions(spec);
      if (!ignored.isEmpty()) {
        cx.fact(SyntaxFact.Kind.IGNORED_VOLUME_OPTION, path, String.join(",", ignored));
      }
      return resolveBind(m, path);
    }
    Obj o = cx.obj(n, path, MOUNT_KEYS);
    cx.fact(SyntaxFact.Kind.LONG_VOLUME_SYNTAX, path, "");
    Mount.Builder b = Mount.builder();
    YNode type = o.get("type");
    if (type == null) {
      throw cx.error(
          n,
          path,
          "a volume in long syntax needs a 'type' (volume, bind, tmpfs, npipe, cluster or image)");
    }
    b.type(cx.str(type, o.child("type")));
    cx.str(o, "source", b::source);
    cx.str(o, "target", b::target);
    cx.bool(o, "read_only", b::readOnly);
    cx.str(o, "consistency", b::consistency);
    YNode x;
    if ((x = o.get("bind")) != null) {
      Obj bo = cx.obj(x, o.child("bind"), NestedKeys.MOUNT_BIND.names());
      MountBind.Builder bb = MountBind.builder();
      cx.bindKeys(NestedKeys.MOUNT_BIND, bo, bb, ValueReader.NO_COMPLEX_KEYS);
      bo.finishOpenDroppingExtensions();
      b.bind(bb.build());
    }
    if ((x = o.get("volume")) != null) {
      Obj vo = cx.obj(x, o.child("volume"), NestedKeys.MOUNT_VOLUME.names());
      MountVolume.Builder vb = MountVolume.builder();
      cx.bindKeys(NestedKeys.MOUNT_VOLUME, vo, vb, ValueReader.NO_COMPLEX_KEYS);
      vo.finishOpenDroppingExtensions();
      b.volume(vb.build());
    }
    if ((x = o.get("tmpfs")) != null) {
      Obj to = cx.obj(x, o.child("tmpfs"), NestedKeys.MOUNT_TMPFS.names());
      MountTmpfs.Builder tb = MountTmpfs.builder();
      cx.size(to, "size", tb::size);
      YNode mode = to.get("mode");
      if (mode != null) {
        tb.mode(cx.mode(mode, to.child("mode")));
      }
      to.finishOpenDroppingExtensions();
      b.tmpfs(tb.build());
    }
    if ((x = o.get("image")) != null) {
      Obj io = cx.obj(x, o.child("image"), NestedKeys.MOUNT_IMAGE.names());
      MountImage.Builder ib = MountImage.builder();
      cx.bindKeys(NestedKeys.MOUNT_IMAGE, io, ib, ValueReader.NO_COMPLEX_KEYS);
      io.finishDroppingExtensions();
      b.image(ib.build());
    }
    b.putAllExtensions(o.finish(true));
    return resolveBind(b.build(), path);
  }

  /**
   * A short-syntax mount with kept variables ({@code "./data/${ENV}:/data"}): it splits as Docker
   * splits it after interpolation; a source that is only a variable is refused, since its value
   * decides whether the mount is a bind mount or a named volume ({@code ${DATA}/x} is a path).
   */
  private Mount keptMount(YNode.YScalar s, String spec, String path) {
    Map.Entry<String, Map<String, String>> masked = BindContext.mask(spec);
    String text = masked.getKey();
    boolean leadingVariable = text.startsWith("\uFDD0");
    if (leadingVariable) {
      // "${CONFIG}/web:/config": a volume name has no '/', so only a path can come out of it
      // (Docker
      // makes any source with a leading '.', '/' or '~' a bind mount); parse it as a relative path
      int end = text.indexOf('\uFDD1') + 1;
      if (end >= text.length() || text.charAt(end) != '/') {
        throw cx.cannotKeep(
            s,
            path,
            "whether the mount is a bind mount or a named volume depends on the variable's value");
      }
      text = "." + text;
    }
    Mount m;
    try {
      m = Mount.parse(text);
    } catch (IllegalArgumentException e) {
      throw cx.cannotKeep(s, path, "the rest of the mount is not valid: " + e.getMessage());
    }
    Map<String, String> tokens = masked.getValue();
    UnaryOperator<String> source =
        x -> BindContext.unmask(leadingVariable ? x.substring(1) : x, tokens);
    Mount kept =
        m.copy(
            b ->
                b.source(m.source().map(source))
                    .target(m.target().map(x -> BindContext.unmask(x, tokens))));
    if (kept.toString().contains("\uFDD0")) {
      throw cx.cannotKeep(
          s, path, "only the source and the target of a short-syntax mount can hold a variable");
    }
    return kept;
  }

  /** Resolves a relative or {@code ~} bind source against the base directory, as Docker does. */
  private Mount resolveBind(Mount m, String path) {
    if (!m.type().equals("bind") || m.source().isEmpty()) {
      return m;
    }
    String source = m.source().get();
    if (source.startsWith(".") || source.startsWith("~")) {
      cx.fact(SyntaxFact.Kind.RELATIVE_BIND_SOURCE, path, source);
    }
    String resolved = cx.resolvePath(source);
    return resolved.equals(source) ? m : m.copy(b -> b.source(resolved));
  }

  ServiceSecret serviceSecret(YNode n, String path) {
    return fileRef(n, path, "secret");
  }

  ServiceConfig serviceConfig(YNode n, String path) {
    ServiceSecret r = fileRef(n, path, "config");
    return ServiceConfig.builder()
        .source(r.source())
        .target(r.target())
        .uid(r.uid())
        .gid(r.gid())
        .mode(r.mode())
        .putAllExtensions(r.extensions())
        .build();
  }

  /** Reads a secret or a config reference ({@code kind}); both have the same keys. */
  private ServiceSecret fileRef(YNode n, String path, String kind) {
    if (n instanceof YNode.YScalar) {
      return ServiceSecret.builder().source(cx.str(n, path)).build();
    }
    Obj o = cx.obj(n, path, NestedKeys.SERVICE_SECRET.names());
    ServiceSecret.Builder b = ServiceSecret.builder();
    YNode source = o.get("source");
    if (source == null) {
      throw cx.error(
          n, path, "a " + kind + " entry needs a 'source' (the key of a top-level " + kind + ")");
    }
    b.source(cx.str(source, o.child("source")));
    cx.str(o, "target", b::target);
    fileRefNumbers(o);
    cx.text(o, "uid", b::uid);
    cx.text(o, "gid", b::gid);
    YNode mode = o.get("mode");
    if (mode != null) {
      b.mode(cx.mode(mode, o.child("mode")));
    }
    b.putAllExtensions(o.finishOpen());
    return b.build();
  }

  /** Records numeric uid/gid (strings in the 3.x schema) and a decimal mode that looks octal. */
  private void fileRefNumbers(Obj o) {
    YNode uid = o.map.get("uid") == null ? null : o.map.get("uid").value();
    YNode gid = o.map.get("gid") == null ? null : o.map.get("gid").value();
    if (uid != null) {
      cx.noteNumber(uid, o.child("uid"));
    }
    if (gid != null) {
      cx.noteNumber(gid, o.child("gid"));
    }
    YNode mode = o.map.get("mode") == null ? null : o.map.get("mode").value();
    if (mode instanceof YNode.YScalar s && s.kind() == Kind.INT && DECIMAL_MODE.matches(s.text())) {
      cx.fact(SyntaxFact.Kind.DECIMAL_FILE_MODE, o.child("mode"), s.text());
    }
  }
}
