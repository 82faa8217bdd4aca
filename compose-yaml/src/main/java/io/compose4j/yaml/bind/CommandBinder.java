package io.compose4j.yaml.bind;

import io.compose4j.model.Develop;
import io.compose4j.model.NestedKeys;
import io.compose4j.model.ServiceHook;
import io.compose4j.model.WatchRule;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.bind.BindContext.Obj;
import io.compose4j.yaml.read.YNode;
import io.compose4j.yaml.read.YNode.Kind;
import java.util.List;
import java.util.Map;

/**
 * Binds what a service runs: {@code command} and {@code entrypoint} (a list, or a string split like
 * a POSIX shell), the lifecycle hooks and {@code develop.watch}.
 */
final class CommandBinder {
  private final ValueReader cx;

  CommandBinder(ValueReader cx) {
    this.cx = cx;
  }

  /**
   * A command or entrypoint: a list, or a string split into words like a POSIX shell (Docker's
   * shlex).
   */
  List<String> command(YNode n, String path) {
    if (n instanceof YNode.YScalar s && s.kind() == Kind.STRING && s.kept()) {
      return keptCommand(s, path);
    }
    if (n instanceof YNode.YScalar s && s.kind() == Kind.STRING) {
      try {
        return ShellWords.split(s.text());
      } catch (IllegalArgumentException e) {
        throw cx.error(n, path, e.getMessage());
      }
    }
    return cx.strings(n, path);
  }

  /**
   * A command string with kept variables: Docker splits it into words after substitution, so a
   * variable can be kept only inside shell quotes ({@code sh -c "echo $HOME"}), where its value
   * cannot add or remove words.
   */
  private List<String> keptCommand(YNode.YScalar s, String path) {
    Map.Entry<String, Map<String, String>> masked = BindContext.mask(s.text());
    Map<String, String> tokens = masked.getValue();
    List<String> words;
    try {
      words = ShellWords.split(masked.getKey());
      String empty = masked.getKey();
      String spaced = masked.getKey();
      for (String token : tokens.keySet()) {
        empty = empty.replace(token, "");
        spaced = spaced.replace(token, "a b");
      }
      if (ShellWords.split(empty).size() != words.size()
          || ShellWords.split(spaced).size() != words.size()) {
        throw cx.cannotKeep(
            s,
            path,
            "a command written as one string is split into words after its variables are"
                + " substituted; quote the variable (\"$VAR\") or write the command as a list");
      }
    } catch (IllegalArgumentException e) {
      throw new ComposeReadException(cx.fileOf(s), s.line(), s.column(), path, e.getMessage());
    }
    return words.stream().map(w -> BindContext.unmask(w, tokens)).toList();
  }

  ServiceHook hook(YNode n, String path, boolean preStart) {
    Obj o = cx.obj(n, path, (preStart ? NestedKeys.HOOK : NestedKeys.POST_START_HOOK).names());
    ServiceHook.Builder b = ServiceHook.builder();
    YNode c = o.get("command");
    if (c != null) {
      b.addAllCommand(command(c, o.child("command")));
    }
    cx.str(o, "user", b::user);
    cx.bool(o, "privileged", b::privileged);
    cx.str(o, "working_dir", b::workingDir);
    YNode env1 = o.get("environment");
    if (env1 != null) {
      b.putAllEnvironment(cx.listOrDict(env1, o.child("environment"), '=', true));
    }
    if (preStart) {
      cx.str(o, "image", b::image);
      cx.bool(o, "per_replica", b::perReplica);
    }
    o.finishNoExtensions();
    return b.build();
  }

  Develop develop(YNode n, String path) {
    Obj o = cx.obj(n, path, NestedKeys.DEVELOP.names());
    Develop.Builder b = Develop.builder();
    cx.each(
        o,
        "watch",
        (item, p) -> {
          Obj w = cx.obj(item, p, NestedKeys.WATCH_RULE.names());
          WatchRule.Builder wb = WatchRule.builder();
          YNode wp = w.get("path");
          YNode action = w.get("action");
          if (wp == null || action == null) {
            throw cx.error(item, p, "a watch rule needs 'path' and 'action'");
          }
          wb.path(cx.str(wp, w.child("path"))).action(cx.str(action, w.child("action")));
          cx.str(w, "target", wb::target);
          cx.stringOrList(w, "ignore", wb::addAllIgnore);
          cx.stringOrList(w, "include", wb::addAllInclude);
          cx.bool(w, "initial_sync", wb::initialSync);
          YNode exec = w.get("exec");
          if (exec != null) {
            wb.exec(hook(exec, w.child("exec"), false));
          }
          w.finishDroppingExtensions();
          b.addWatch(wb.build());
        });
    o.finishDroppingExtensions();
    return b.build();
  }
}
