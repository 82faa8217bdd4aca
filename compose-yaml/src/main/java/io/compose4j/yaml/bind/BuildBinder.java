package io.compose4j.yaml.bind;

import io.compose4j.model.Build;
import io.compose4j.model.NestedKeys;
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

  static final List<String> BUILD_KEYS = NestedKeys.BUILD.names();

  Build build(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return Build.builder().context(cx.str(n, path)).build();
    }
    Obj o = cx.obj(n, path, BUILD_KEYS);
    Build.Builder b = Build.builder();
    cx.bindKeys(
        NestedKeys.BUILD,
        o,
        b,
        (key, x, p) ->
            switch (key) {
              case "ssh" -> ssh(x, p);
              case "secrets" -> cx.items(x, p, mounts::serviceSecret);
              case "ulimits" -> ulimits(x, p);
              default -> throw new IllegalStateException("no reader for the build key " + key);
            });
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  /** Reads {@code ssh}: a list of {@code id[=path]} texts or a mapping of ids to paths. */
  private List<String> ssh(YNode n, String path) {
    List<String> ssh = new ArrayList<>();
    if (n instanceof YNode.YMap) {
      cx.listOrDict(n, path, '=', false)
          .forEach((k, v) -> ssh.add(v.get().isEmpty() ? k : k + "=" + v.get()));
    } else {
      ssh.addAll(cx.stringOrList(n, path));
    }
    return ssh;
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
        Obj o = cx.obj(e.value(), p, NestedKeys.ULIMIT.names());
        Ulimit.Builder b = Ulimit.builder();
        cx.bindKeys(NestedKeys.ULIMIT, o, b, ValueReader.NO_COMPLEX_KEYS);
        o.finishNoExtensions();
        out.put(e.key(), b.build());
      }
    }
    return out;
  }
}
