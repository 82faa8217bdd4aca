package io.compose4j.yaml.bind;

import io.compose4j.model.BlkioConfig;
import io.compose4j.model.BlkioLimit;
import io.compose4j.model.BlkioWeight;
import io.compose4j.model.ComposeKeys;
import io.compose4j.model.CredentialSpec;
import io.compose4j.model.DependsOn;
import io.compose4j.model.Device;
import io.compose4j.model.EnvFile;
import io.compose4j.model.Extends;
import io.compose4j.model.Healthcheck;
import io.compose4j.model.Logging;
import io.compose4j.model.NestedKeys;
import io.compose4j.model.Provider;
import io.compose4j.model.Service;
import io.compose4j.model.ServiceModel;
import io.compose4j.model.ServiceNetwork;
import io.compose4j.model.SyntaxFact;
import io.compose4j.yaml.bind.BindContext.Obj;
import io.compose4j.yaml.read.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Binds a service: each key as its row in {@link ComposeKeys#SERVICE} says it is spelled, and the
 * service keys with a syntax of their own; mounts, deploy, build and commands are bound by their
 * own binders.
 */
final class ServiceBinder {
  private final ValueReader cx;
  private final MountBinder mounts;
  private final DeployBinder deploys;
  private final BuildBinder builds;
  private final CommandBinder commands;

  ServiceBinder(
      ValueReader cx,
      MountBinder mounts,
      DeployBinder deploys,
      BuildBinder builds,
      CommandBinder commands) {
    this.cx = cx;
    this.mounts = mounts;
    this.deploys = deploys;
    this.builds = builds;
    this.commands = commands;
  }

  static final List<String> SERVICE_KEYS = ComposeKeys.SERVICE.names();

  Service service(YNode node, String path) {
    if (BindContext.isNull(node)) {
      return Service.builder().build();
    }
    Obj o = cx.obj(node, path, SERVICE_KEYS);
    Service.Builder b = Service.builder();
    cx.bindKeys(ComposeKeys.SERVICE, o, b, this::complexServiceValue);
    b.putAllExtensions(o.finish(true));
    return b.build();
  }

  /** Reads a service key whose value has a syntax of its own. */
  private Object complexServiceValue(String key, YNode n, String path) {
    return switch (key) {
      case "blkio_config" -> Optional.of(blkio(n, path));
      case "build" -> Optional.of(builds.build(n, path));
      case "command", "entrypoint" -> Optional.of(commands.command(n, path));
      case "configs" -> cx.items(n, path, mounts::serviceConfig);
      case "credential_spec" -> Optional.of(credentialSpec(n, path));
      case "depends_on" -> dependsOn(n, path);
      case "deploy" -> Optional.of(deploys.deploy(n, path));
      case "develop" -> Optional.of(commands.develop(n, path));
      case "devices" -> cx.items(n, path, this::device);
      case "env_file" -> envFiles(n, path);
      case "extends" -> Optional.of(extendsOf(n, path));
      case "healthcheck" -> Optional.of(healthcheck(n, path));
      case "logging" -> Optional.of(logging(n, path));
      case "models" -> serviceModels(n, path);
      case "networks" -> serviceNetworks(n, path);
      case "ports" -> flatten(cx.items(n, path, mounts::ports));
      case "pre_start" -> cx.items(n, path, (item, p) -> commands.hook(item, p, true));
      case "post_start", "pre_stop" ->
          cx.items(n, path, (item, p) -> commands.hook(item, p, false));
      case "provider" -> Optional.of(provider(n, path));
      case "secrets" -> cx.items(n, path, mounts::serviceSecret);
      case "ulimits" -> builds.ulimits(n, path);
      case "volumes" -> cx.items(n, path, mounts::mount);
      default -> throw new IllegalStateException("no reader for the service key " + key);
    };
  }

  private CredentialSpec credentialSpec(YNode n, String path) {
    Obj c = cx.obj(n, path, NestedKeys.CREDENTIAL_SPEC.names());
    CredentialSpec.Builder cb = CredentialSpec.builder();
    cx.bindKeys(NestedKeys.CREDENTIAL_SPEC, c, cb, ValueReader.NO_COMPLEX_KEYS);
    c.finishNoExtensions();
    return cb.build();
  }

  List<EnvFile> envFiles(YNode n, String path) {
    List<EnvFile> out = new ArrayList<>();
    if (n instanceof YNode.YScalar) {
      out.add(EnvFile.builder().path(cx.str(n, path)).build());
      return out;
    }
    if (!(n instanceof YNode.YSeq seq)) {
      throw cx.typeError(n, path, "a file name or a list");
    }
    int i = 0;
    for (YNode item : seq.items()) {
      String p = path + "[" + i++ + "]";
      if (item instanceof YNode.YScalar) {
        out.add(EnvFile.builder().path(cx.str(item, p)).build());
      } else {
        cx.fact(SyntaxFact.Kind.COMPOSE_SPEC_SYNTAX, p, "env_file entry as a mapping");
        Obj o = cx.obj(item, p, NestedKeys.ENV_FILE.names());
        EnvFile.Builder b = EnvFile.builder();
        YNode pathNode = o.get("path");
        if (pathNode == null) {
          throw cx.error(item, p, "an env_file entry needs a 'path'");
        }
        b.path(cx.str(pathNode, o.child("path")));
        cx.bool(o, "required", b::required);
        cx.str(o, "format", b::format);
        o.finishNoExtensions();
        out.add(b.build());
      }
    }
    return out;
  }

  private Extends extendsOf(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      return Extends.builder().service(cx.str(n, path)).build();
    }
    Obj o = cx.obj(n, path, NestedKeys.EXTENDS.names());
    Extends.Builder b = Extends.builder();
    YNode s = o.get("service");
    if (s == null) {
      throw cx.error(n, path, "extends needs a 'service'");
    }
    b.service(cx.str(s, o.child("service")));
    cx.str(o, "file", b::file);
    o.finishNoExtensions();
    return b.build();
  }

  List<DependsOn> dependsOn(YNode n, String path) {
    List<DependsOn> out = new ArrayList<>();
    if (n instanceof YNode.YSeq) {
      for (String name : cx.strings(n, path)) {
        out.add(DependsOn.on(name));
      }
      return out;
    }
    if (!(n instanceof YNode.YMap m)) {
      throw cx.typeError(n, path, "a list of service names or a mapping");
    }
    cx.fact(SyntaxFact.Kind.COMPOSE_SPEC_SYNTAX, path, "depends_on as a mapping");
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      cx.positions.put(p, e.line(), e.column(), cx.fileOf(e));
      DependsOn.Builder b = DependsOn.builder().service(e.key());
      if (!BindContext.isNull(e.value())) {
        Obj o = cx.obj(e.value(), p, NestedKeys.DEPENDS_ON.names());
        cx.str(o, "condition", b::condition);
        cx.bool(o, "required", b::required);
        cx.bool(o, "restart", b::restart);
        o.finishNoExtensions();
      }
      out.add(b.build());
    }
    return out;
  }

  private Device device(YNode n, String path) {
    if (n instanceof YNode.YScalar) {
      try {
        return Device.parse(cx.str(n, path));
      } catch (IllegalArgumentException e) {
        throw cx.error(n, path, e.getMessage());
      }
    }
    Obj o = cx.obj(n, path, NestedKeys.DEVICE.names());
    Device.Builder b = Device.builder();
    YNode s = o.get("source");
    if (s == null) {
      throw cx.error(n, path, "a device needs a 'source'");
    }
    b.source(cx.str(s, o.child("source")));
    cx.str(o, "target", b::target);
    cx.str(o, "permissions", b::permissions);
    o.finishNoExtensions();
    return b.build();
  }

  private BlkioConfig blkio(YNode n, String path) {
    Obj o = cx.obj(n, path, NestedKeys.BLKIO_CONFIG.names());
    BlkioConfig.Builder b = BlkioConfig.builder();
    cx.int32(o, "weight", b::weight);
    cx.each(
        o,
        "weight_device",
        (item, p) -> {
          Obj w = cx.obj(item, p, NestedKeys.BLKIO_WEIGHT.names());
          BlkioWeight.Builder wb = BlkioWeight.builder();
          YNode path1 = w.get("path");
          YNode weight = w.get("weight");
          if (path1 == null || weight == null) {
            throw cx.error(item, p, "a weight_device entry needs 'path' and 'weight'");
          }
          wb.path(cx.str(path1, w.child("path"))).weight(cx.int32(weight, w.child("weight")));
          w.finishNoExtensions();
          b.addWeightDevice(wb.build());
        });
    BiConsumer<String, Consumer<BlkioLimit>> limits =
        (key, add) ->
            cx.each(
                o,
                key,
                (item, p) -> {
                  Obj l = cx.obj(item, p, NestedKeys.BLKIO_LIMIT.names());
                  YNode lp = l.get("path");
                  YNode rate = l.get("rate");
                  if (lp == null || rate == null) {
                    throw cx.error(item, p, "a " + key + " entry needs 'path' and 'rate'");
                  }
                  l.finishNoExtensions();
                  add.accept(
                      BlkioLimit.builder()
                          .path(cx.str(lp, l.child("path")))
                          .rate(cx.text(rate, l.child("rate")))
                          .build());
                });
    limits.accept("device_read_bps", b::addDeviceReadBps);
    limits.accept("device_read_iops", b::addDeviceReadIops);
    limits.accept("device_write_bps", b::addDeviceWriteBps);
    limits.accept("device_write_iops", b::addDeviceWriteIops);
    o.finishNoExtensions();
    return b.build();
  }

  Provider provider(YNode n, String path) {
    Obj o = cx.obj(n, path, NestedKeys.PROVIDER.names());
    Provider.Builder b = Provider.builder();
    YNode type = o.get("type");
    if (type == null) {
      throw cx.error(n, path, "a provider needs a 'type'");
    }
    b.type(cx.str(type, o.child("type")));
    cx.entries(
        o,
        "options",
        (e, p) -> {
          if (e.value() instanceof YNode.YSeq) {
            b.putOption(e.key(), cx.texts(e.value(), p));
          } else {
            b.putOption(e.key(), List.of(cx.text(e.value(), p)));
          }
        });
    o.finish(true);
    return b.build();
  }

  private Map<String, ServiceModel> serviceModels(YNode n, String path) {
    Map<String, ServiceModel> out = new LinkedHashMap<>();
    if (n instanceof YNode.YSeq) {
      for (String name : cx.strings(n, path)) {
        out.put(name, ServiceModel.builder().build());
      }
      return out;
    }
    if (!(n instanceof YNode.YMap m)) {
      throw cx.typeError(n, path, "a list or a mapping");
    }
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      cx.positions.put(p, e.line(), e.column(), cx.fileOf(e));
      ServiceModel.Builder b = ServiceModel.builder();
      if (!BindContext.isNull(e.value())) {
        Obj o = cx.obj(e.value(), p, NestedKeys.SERVICE_MODEL.names());
        cx.bindKeys(NestedKeys.SERVICE_MODEL, o, b, ValueReader.NO_COMPLEX_KEYS);
        o.finishNoExtensions();
      }
      out.put(e.key(), b.build());
    }
    return out;
  }

  private Healthcheck healthcheck(YNode n, String path) {
    Obj o = cx.obj(n, path, NestedKeys.HEALTHCHECK.names());
    Healthcheck.Builder b = Healthcheck.builder();
    cx.bindKeys(
        NestedKeys.HEALTHCHECK,
        o,
        b,
        (key, x, p) ->
            switch (key) {
              // a string is a shell command
              case "test" ->
                  x instanceof YNode.YScalar
                      ? List.of("CMD-SHELL", cx.str(x, p))
                      : cx.strings(x, p);
              case "retries" -> OptionalLong.of((long) cx.number(x, p));
              default ->
                  throw new IllegalStateException("no reader for the healthcheck key " + key);
            });
    o.finishDroppingExtensions();
    return b.build();
  }

  private Logging logging(YNode n, String path) {
    Obj o = cx.obj(n, path, NestedKeys.LOGGING.names());
    Logging.Builder b = Logging.builder();
    cx.bindKeys(
        NestedKeys.LOGGING,
        o,
        b,
        (key, opts, p) -> {
          if (!(opts instanceof YNode.YMap)) {
            throw cx.typeError(opts, p, "a mapping");
          }
          return cx.listOrDict(opts, p, '=', false);
        });
    o.finishDroppingExtensions();
    return b.build();
  }

  private Map<String, ServiceNetwork> serviceNetworks(YNode n, String path) {
    Map<String, ServiceNetwork> out = new LinkedHashMap<>();
    if (n instanceof YNode.YSeq) {
      for (String name : cx.strings(n, path)) {
        out.put(name, ServiceNetwork.builder().build());
      }
      return out;
    }
    if (!(n instanceof YNode.YMap m)) {
      throw cx.typeError(n, path, "a list of network names or a mapping");
    }
    for (YNode.Entry e : m.entries().values()) {
      String p = path + "." + e.key();
      cx.positions.put(p, e.line(), e.column(), cx.fileOf(e));
      ServiceNetwork.Builder b = ServiceNetwork.builder();
      if (!BindContext.isNull(e.value())) {
        Obj o = cx.obj(e.value(), p, NestedKeys.SERVICE_NETWORK.names());
        cx.bindKeys(NestedKeys.SERVICE_NETWORK, o, b, ValueReader.NO_COMPLEX_KEYS);
        o.finishDroppingExtensions();
      }
      out.put(e.key(), b.build());
    }
    return out;
  }

  /** The items of the lists in order (a loop, not a stream: see Rx in compose-model). */
  private static <T> List<T> flatten(List<List<T>> lists) {
    List<T> out = new ArrayList<>();
    for (List<T> l : lists) {
      out.addAll(l);
    }
    return List.copyOf(out);
  }
}
