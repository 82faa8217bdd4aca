package io.compose4j.yaml.bind;

import io.compose4j.model.Build;
import io.compose4j.model.Ulimit;
import io.compose4j.yaml.bind.BindContext.Obj;
import io.compose4j.yaml.read.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds {@code build} and the {@code ulimits} that build and the service share. */
final class BuildBinder {
  private final ValueReader cx;
  private final MountBinder mounts;

  BuildBinder(ValueReader cx, MountBinder mounts) {
    this.cx = cx;
    this.mounts = mounts;
  }

  static final List<String> BUILD_KEYS =
      List.of(
          "context",
          "dockerfile",
          "dockerfile_inline",
          "args",
          "ssh",
          "labels",
          "cache_from",
          "cache_to",
          "no_cache",
          "no_cache_filter",
          "additional_contexts",
          "network",
          "pull",
          "target",
          "shm_size",
          "extra_hosts",
          "isolation",
          "privileged",
          "secrets",
          "tags",
          "ulimits",
          "platforms",
          "entitlements",
          "provenance",
          "sbom");

  Build build(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return Build.builder().context(cx.str(n, path)).build();
    }
    Obj o = cx.obj(n, path, BUILD_KEYS);
    Build.Builder b = Build.builder();
    cx.str(o, "context", b::context);
    cx.str(o, "dockerfile", b::dockerfile);
    cx.str(o, "dockerfile_inline", b::dockerfileInline);
    YNode args = o.get("args");
    if (args != null) {
      b.putAllArgs(cx.listOrDict(args, o.child("args"), '=', true));
    }
    if ((args = o.get("ssh")) != null) {
      List<String> ssh = new ArrayList<>();
      if (args instanceof YNode.YMap) {
        cx.listOrDict(args, o.child("ssh"), '=', false)
            .forEach((k, v) -> ssh.add(v.get().isEmpty() ? k : k + "=" + v.get()));
      } else {
        ssh.addAll(cx.stringOrList(args, o.child("ssh")));
      }
      b.addAllSsh(ssh);
    }
    cx.labels(o, "labels", b::putAllLabels);
    cx.strings(o, "cache_from", b::addAllCacheFrom);
    cx.strings(o, "cache_to", b::addAllCacheTo);
    cx.bool(o, "no_cache", b::noCache);
    cx.stringOrList(o, "no_cache_filter", b::addAllNoCacheFilter);
    cx.labels(o, "additional_contexts", b::putAllAdditionalContexts);
    cx.str(o, "network", b::network);
    cx.bool(o, "pull", b::pull);
    cx.str(o, "target", b::target);
    cx.size(o, "shm_size", b::shmSize);
    YNode hosts = o.get("extra_hosts");
    if (hosts != null) {
      b.addAllExtraHosts(cx.extraHosts(hosts, o.child("extra_hosts")));
    }
    cx.str(o, "isolation", b::isolation);
    cx.bool(o, "privileged", b::privileged);
    cx.each(o, "secrets", (item, p) -> b.addSecret(mounts.serviceSecret(item, p)));
    cx.strings(o, "tags", b::addAllTags);
    YNode ul = o.get("ulimits");
    if (ul != null) {
      b.putAllUlimits(ulimits(ul, o.child("ulimits")));
    }
    cx.strings(o, "platforms", b::addAllPlatforms);
    cx.strings(o, "entitlements", b::addAllEntitlements);
    cx.text(o, "provenance", b::provenance);
    cx.text(o, "sbom", b::sbom);
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  Map<String, Ulimit> ulimits(YNode n, String path) {
    Map<String, Ulimit> out = new LinkedHashMap<>();
    if (!(n instanceof YNode.YMap m)) {
      throw cx.typeError(n, path, "a mapping of limits");
    }
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      cx.positions.put(p, e.line(), e.column(), cx.fileOf(e));
      if (e.value() instanceof YNode.YScalar) {
        out.put(e.key(), Ulimit.of(cx.integer(e.value(), p)));
      } else {
        Obj o = cx.obj(e.value(), p, List.of("soft", "hard"));
        Ulimit.Builder b = Ulimit.builder();
        cx.lng(o, "soft", b::soft);
        cx.lng(o, "hard", b::hard);
        o.finishNoExtensions();
        out.put(e.key(), b.build());
      }
    }
    return out;
  }
}
