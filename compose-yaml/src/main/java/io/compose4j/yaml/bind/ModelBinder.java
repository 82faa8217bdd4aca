package io.compose4j.yaml.bind;

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
import io.compose4j.model.SyntaxFact;
import io.compose4j.model.Volume;
import io.compose4j.model.internal.Rx;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ReaderLimits;
import io.compose4j.yaml.bind.BindContext.Obj;
import io.compose4j.yaml.read.YNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns a parsed YAML tree into the model: both spellings of every key into one meaning, unknown
 * keys and wrong types as errors with position and YAML path, positions recorded by path. This
 * class binds the top level and the top-level objects (networks, volumes, secrets, configs,
 * models); services are bound by {@link ServiceBinder}.
 */
public final class ModelBinder {
  private final ValueReader cx;
  private final ServiceBinder services;

  /** Returns a binder for one file (or merged project) with the default reader limits. */
  public ModelBinder(
      String file, List<Diagnostic> warnings, Path baseDir, Function<String, String> env) {
    this(file, warnings, baseDir, env, ReaderLimits.defaults());
  }

  /** Returns a binder for one file (or merged project); warnings are added to {@code warnings}. */
  public ModelBinder(
      String file,
      List<Diagnostic> warnings,
      Path baseDir,
      Function<String, String> env,
      ReaderLimits limits) {
    this.cx = new ValueReader(file, warnings, baseDir, env, limits);
    MountBinder mounts = new MountBinder(cx);
    this.services =
        new ServiceBinder(
            cx, mounts, new DeployBinder(cx), new BuildBinder(cx, mounts), new CommandBinder(cx));
  }

  /**
   * Binds a tree whose variables were kept ({@code Interpolator.keepTree}): the stack keeps them.
   */
  public ModelBinder keepingVariables() {
    cx.keepVariables = true;
    return this;
  }

  /** Returns the syntax facts found so far. */
  public List<SyntaxFact> facts() {
    return cx.facts;
  }

  /** Records the position of something the binder did not see (a service a profile left out). */
  public void recordPosition(String path, String file, int line, int column) {
    cx.positions.putIfAbsent(path, line, column, file);
  }

  /** Returns the positions recorded so far, by YAML path. */
  public PositionLog positions() {
    return cx.positions;
  }

  static final List<String> TOP_KEYS = NestedKeys.STACK.names();

  static final List<String> NETWORK_KEYS = ComposeKeys.NETWORK.names();

  static final List<String> VOLUME_KEYS = ComposeKeys.VOLUME.names();

  static final List<String> SECRET_KEYS = ComposeKeys.SECRET.names();

  static final List<String> CONFIG_KEYS = ComposeKeys.CONFIG.names();

  /** Binds a whole file (or merged project) and returns the stack. */
  public Stack stack(YNode root) {
    if (!(root instanceof YNode.YMap)) {
      throw new ComposeReadException(
          cx.file,
          root.line(),
          root.column(),
          "",
          "the top level of a Compose file must be a mapping with 'services', got "
              + root.describe());
    }
    Obj o = cx.obj(root, "", TOP_KEYS);
    Stack.Builder b = Stack.builder();
    YNode version = o.get("version");
    if (version != null) {
      cx.noteNumber(version, "version");
      b.version(cx.text(version, "version"));
    } else {
      cx.fact(SyntaxFact.Kind.NO_VERSION, "", "");
    }
    cx.str(o, "name", b::name);
    b.variablesKept(cx.keepVariables);
    cx.each(o, "include", (n, p) -> b.addInclude(include(n, p)));
    cx.entries(
        o,
        "services",
        (e, p) -> {
          checkName(e, p);
          b.putService(e.key(), services.service(e.value(), p));
        });
    cx.entries(
        o,
        "networks",
        (e, p) -> b.putNetwork(e.key(), network(e.value(), p, !SCHEMA_KEY.matches(e.key()))));
    cx.entries(o, "volumes", (e, p) -> b.putVolume(e.key(), volume(e.value(), p)));
    cx.entries(o, "secrets", (e, p) -> b.putSecret(e.key(), secret(e.value(), p)));
    cx.entries(o, "configs", (e, p) -> b.putConfig(e.key(), config(e.value(), p)));
    cx.entries(o, "models", (e, p) -> b.putModel(e.key(), model(e.value(), p)));
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  private void checkName(YNode.Entry e, String path) {
    if (e.key().isEmpty()) {
      throw new ComposeReadException(
          cx.file, e.line(), e.column(), path, "a service name must not be empty");
    }
  }

  private Include include(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return Include.builder().addPath(cx.str(n, path)).build();
    }
    Obj o = cx.obj(n, path, NestedKeys.INCLUDE.names());
    Include.Builder b = Include.builder();
    cx.bindKeys(NestedKeys.INCLUDE, o, b, ValueReader.NO_COMPLEX_KEYS);
    o.finishNoExtensions();
    return b.build();
  }

  /**
   * The 3.x schemas' pattern for the keys of services, networks, volumes, secrets and configs; the
   * definition of a top-level network whose key does not match it is not validated at all (the
   * networks map is not closed), so its unknown keys are dropped silently.
   */
  private static final Rx SCHEMA_KEY = Rx.compile("^[a-zA-Z0-9._-]+$");

  Network network(YNode n, String path, boolean unvalidated) {
    if (BindContext.isNull(n)) {
      return Network.builder().build();
    }
    Obj o = cx.obj(n, path, NETWORK_KEYS);
    Network.Builder b = Network.builder();
    cx.bindKeys(
        ComposeKeys.NETWORK,
        o,
        b,
        (key, x, p) ->
            key.equals("ipam") ? Optional.of(ipam(x, p)) : external(o, x, false, b::name));
    b.putAllExtensions(unvalidated ? o.finishOpen() : o.finish(true));
    return b.build();
  }

  private Ipam ipam(YNode x, String path) {
    Obj i = cx.obj(x, path, NestedKeys.IPAM.names());
    Ipam.Builder ib = Ipam.builder();
    cx.bindKeys(
        NestedKeys.IPAM,
        i,
        ib,
        (key, n, p) ->
            cx.items(
                n,
                p,
                (item, ip) -> {
                  Obj c = cx.obj(item, ip, NestedKeys.IPAM_CONFIG.names());
                  IpamConfig.Builder cb = IpamConfig.builder();
                  cx.bindKeys(NestedKeys.IPAM_CONFIG, c, cb, ValueReader.NO_COMPLEX_KEYS);
                  c.finishNoExtensions();
                  return cb.build();
                }));
    i.finishDroppingExtensions();
    return ib.build();
  }

  /**
   * Reads {@code external: true} or the deprecated {@code external: {name: x}} (which sets the
   * name); {@code open}: the 3.x schemas leave {@code external} open (secrets and configs).
   */
  Optional<Boolean> external(Obj o, YNode ext, boolean open, Consumer<String> setName) {
    if (ext instanceof YNode.YMap) {
      Obj e = cx.obj(ext, o.child("external"), List.of("name"));
      YNode name = e.get("name");
      if (open) {
        e.finishOpenDroppingExtensions();
      } else {
        e.finishNoExtensions();
      }
      if (name != null) {
        String n = cx.str(name, e.child("name"));
        if (o.map.get("name") != null) {
          String declared = cx.str(o.map.get("name").value(), o.child("name"));
          if (!declared.equals(n)) {
            throw cx.error(
                ext,
                o.child("external"),
                "external.name '"
                    + n
                    + "' conflicts with name '"
                    + declared
                    + "'; keep only 'name'");
          }
        }
        setName.accept(n);
        cx.fact(SyntaxFact.Kind.EXTERNAL_NAME, o.child("external.name"), n);
      }
      return Optional.of(true);
    }
    return Optional.of(cx.bool(ext, o.child("external")));
  }

  Volume volume(YNode n, String path) {
    if (BindContext.isNull(n)) {
      return Volume.builder().build();
    }
    Obj o = cx.obj(n, path, VOLUME_KEYS);
    Volume.Builder b = Volume.builder();
    cx.bindKeys(ComposeKeys.VOLUME, o, b, (key, x, p) -> external(o, x, false, b::name));
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  private Secret secret(YNode n, String path) {
    Obj o = cx.obj(n, path, SECRET_KEYS);
    Secret.Builder b = Secret.builder();
    cx.bindKeys(ComposeKeys.SECRET, o, b, (key, x, p) -> external(o, x, true, b::name));
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  Config config(YNode n, String path) {
    Obj o = cx.obj(n, path, CONFIG_KEYS);
    Config.Builder b = Config.builder();
    cx.bindKeys(ComposeKeys.CONFIG, o, b, (key, x, p) -> external(o, x, true, b::name));
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  Model model(YNode n, String path) {
    Obj o = cx.obj(n, path, NestedKeys.MODEL.names());
    Model.Builder b = Model.builder();
    YNode m = o.get("model");
    if (m == null) {
      throw cx.error(n, path, "a model needs 'model'");
    }
    b.model(cx.str(m, o.child("model")));
    cx.str(o, "name", b::name);
    cx.lng(o, "context_size", b::contextSize);
    cx.strings(o, "runtime_flags", b::addAllRuntimeFlags);
    b.putAllExtensions(o.finish(true));
    return b.build();
  }
}
