package io.compose4j.yaml.write;

import io.compose4j.model.BlkioConfig;
import io.compose4j.model.BlkioLimit;
import io.compose4j.model.BlkioWeight;
import io.compose4j.model.ComposeKeys;
import io.compose4j.model.DependsOn;
import io.compose4j.model.Device;
import io.compose4j.model.EnvFile;
import io.compose4j.model.Healthcheck;
import io.compose4j.model.Logging;
import io.compose4j.model.NestedKeys;
import io.compose4j.model.Service;
import io.compose4j.model.ServiceConfig;
import io.compose4j.model.ServiceHook;
import io.compose4j.model.ServiceModel;
import io.compose4j.model.WatchRule;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a service: each key as its row in {@link ComposeKeys#SERVICE} says, in the canonical
 * order, and the service keys with a syntax of their own; mounts, ports, networks, build and deploy
 * are written by their own emitters.
 */
final class ServiceEmitter {
  private final YamlOutput out;
  private final MountEmitter mounts;
  private final BuildEmitter builds;
  private final DeployEmitter deploys;

  ServiceEmitter(YamlOutput out, MountEmitter mounts, BuildEmitter builds, DeployEmitter deploys) {
    this.out = out;
    this.mounts = mounts;
    this.builds = builds;
    this.deploys = deploys;
  }

  // ---------------------------------------------------------------- service

  void service(Service s, String path) throws IOException {
    out.g.writeStartObject();
    out.writeKeys(ComposeKeys.SERVICE, s, path, name -> complexServiceKey(name, s, path));
    out.extensions(s.extensions(), path);
    out.g.writeEndObject();
  }

  /** Writes a service key whose value has a syntax of its own. */
  private void complexServiceKey(String name, Service s, String path) throws IOException {
    switch (name) {
      case "build" -> builds.build(s.build().get(), path + ".build");
      case "command" -> {
        out.key(name);
        out.writeList(s.command().get());
      }
      case "entrypoint" -> {
        out.key(name);
        out.writeList(s.entrypoint().get());
      }
      case "env_file" -> envFiles(s.envFile(), path + ".env_file");
      case "ports" -> mounts.ports(s.ports(), path + ".ports");
      case "networks" -> mounts.serviceNetworks(s.networks(), path + ".networks");
      case "volumes" -> mounts.volumes(s.volumes(), path + ".volumes");
      case "secrets" -> mounts.secrets(s.secrets(), path + ".secrets");
      case "configs" -> {
        out.key(name);
        out.g.writeStartArray();
        int i = 0;
        for (ServiceConfig ref : s.configs()) {
          mounts.fileRef(
              NestedKeys.SERVICE_CONFIG,
              ref,
              ref.mode(),
              ref.extensions(),
              path + ".configs[" + i++ + "]");
        }
        out.g.writeEndArray();
      }
      case "healthcheck" -> healthcheck(s.healthcheck().get(), path + ".healthcheck");
      case "deploy" -> deploys.deploy(s.deploy().get(), path + ".deploy");
      case "blkio_config" -> blkio(s.blkioConfig().get(), path + ".blkio_config");
      case "credential_spec" -> {
        out.writeObject(
            name,
            NestedKeys.CREDENTIAL_SPEC,
            s.credentialSpec().get(),
            path + ".credential_spec",
            YamlOutput.NO_COMPLEX_KEYS);
      }
      case "depends_on" -> dependsOn(s.dependsOn(), path + ".depends_on");
      case "develop" -> develop(s, path + ".develop");
      case "devices" -> {
        out.key(name);
        out.g.writeStartArray();
        for (Device d : s.devices()) {
          out.value(d.shortSyntax());
        }
        out.g.writeEndArray();
      }
      case "extends" -> {
        out.writeObject(
            name,
            NestedKeys.EXTENDS,
            s.extendsService().get(),
            path + ".extends",
            YamlOutput.NO_COMPLEX_KEYS);
      }
      case "logging" -> {
        Logging l = s.logging().get();
        out.writeObject(
            name,
            NestedKeys.LOGGING,
            l,
            path + ".logging",
            key -> out.nullableMap(key, l.options()));
      }
      case "models" -> {
        out.key(name);
        out.g.writeStartObject();
        for (Map.Entry<String, ServiceModel> e : new TreeMap<>(s.models()).entrySet()) {
          out.writeObject(
              e.getKey(),
              NestedKeys.SERVICE_MODEL,
              e.getValue(),
              path + ".models." + e.getKey(),
              YamlOutput.NO_COMPLEX_KEYS);
        }
        out.g.writeEndObject();
      }
      case "pre_start" -> hooks(name, s.preStart(), path + "." + name);
      case "post_start" -> hooks(name, s.postStart(), path + "." + name);
      case "pre_stop" -> hooks(name, s.preStop(), path + "." + name);
      case "provider" ->
          out.writeObject(
              name,
              NestedKeys.PROVIDER,
              s.provider().get(),
              path + ".provider",
              key -> {
                out.key(key);
                out.g.writeStartObject();
                for (Map.Entry<String, List<String>> e :
                    new TreeMap<>(s.provider().get().options()).entrySet()) {
                  out.key(e.getKey());
                  if (e.getValue().size() == 1) {
                    out.value(e.getValue().get(0));
                  } else {
                    out.writeList(e.getValue());
                  }
                }
                out.g.writeEndObject();
              });
      case "ulimits" -> builds.ulimits(name, s.ulimits(), path + ".ulimits");
      default -> throw new IllegalStateException("no writer for the service key " + name);
    }
  }

  void envFiles(List<EnvFile> files, String path) throws IOException {
    if (files.isEmpty()) {
      return;
    }
    boolean simple =
        files.stream().allMatch(f -> f.required().orElse(true) && f.format().isEmpty());
    out.key("env_file");
    out.g.writeStartArray();
    int i = 0;
    for (EnvFile f : files) {
      if (simple || out.swarm) {
        out.swarmDrops(path + "[" + i + "].required");
        out.swarmDrops(path + "[" + i + "].format");
        out.value(f.path());
      } else {
        out.g.writeStartObject();
        out.writeKeys(NestedKeys.ENV_FILE, f, path + "[" + i + "]", YamlOutput.NO_COMPLEX_KEYS);
        out.g.writeEndObject();
      }
      i++;
    }
    out.g.writeEndArray();
  }

  private void healthcheck(Healthcheck h, String path) throws IOException {
    out.writeObject(
        "healthcheck",
        NestedKeys.HEALTHCHECK,
        h,
        path,
        key -> {
          if (key.equals("test")) {
            out.strings(key, h.test());
          } else {
            out.lng(key, h.retries());
          }
        });
  }

  void dependsOn(List<DependsOn> deps, String path) throws IOException {
    if (deps.isEmpty()) {
      return;
    }
    boolean simple = deps.stream().allMatch(DependsOn::isDefault);
    out.key("depends_on");
    if (simple || out.swarm) {
      out.swarmDrops(path + ".condition");
      out.g.writeStartArray();
      for (DependsOn d : deps) {
        out.value(d.service());
      }
      out.g.writeEndArray();
      return;
    }
    out.g.writeStartObject();
    for (DependsOn d : deps) {
      out.key(d.service());
      out.g.writeStartObject();
      out.str("condition", d.condition());
      if (!d.required()) {
        out.bool("required", Optional.of(false));
      }
      if (d.restart()) {
        out.bool("restart", Optional.of(true));
      }
      out.g.writeEndObject();
    }
    out.g.writeEndObject();
  }

  private void hooks(String key, List<ServiceHook> hooks, String path) throws IOException {
    out.key(key);
    out.g.writeStartArray();
    int i = 0;
    for (ServiceHook h : hooks) {
      out.g.writeStartObject();
      hook(h, path + "[" + i++ + "]");
      out.g.writeEndObject();
    }
    out.g.writeEndArray();
  }

  /** Writes the keys of a hook (the model's hooks are written alike, whatever their key). */
  private void hook(ServiceHook h, String path) throws IOException {
    out.writeKeys(NestedKeys.HOOK, h, path, key -> out.strings(key, h.command()));
  }

  private void develop(Service s, String path) throws IOException {
    out.writeObject(
        "develop",
        NestedKeys.DEVELOP,
        s.develop().get(),
        path,
        key -> {
          out.key(key);
          out.g.writeStartArray();
          int i = 0;
          for (WatchRule w : s.develop().get().watch()) {
            String wp = path + ".watch[" + i++ + "]";
            out.g.writeStartObject();
            out.writeKeys(
                NestedKeys.WATCH_RULE,
                w,
                wp,
                exec -> {
                  out.key(exec);
                  out.g.writeStartObject();
                  hook(w.exec().get(), wp + ".exec");
                  out.g.writeEndObject();
                });
            out.g.writeEndObject();
          }
          out.g.writeEndArray();
        });
  }

  private void blkio(BlkioConfig b, String path) throws IOException {
    out.writeObject(
        "blkio_config",
        NestedKeys.BLKIO_CONFIG,
        b,
        path,
        key -> {
          out.key(key);
          out.g.writeStartArray();
          int i = 0;
          if (key.equals("weight_device")) {
            for (BlkioWeight w : b.weightDevice()) {
              out.g.writeStartObject();
              out.writeKeys(
                  NestedKeys.BLKIO_WEIGHT,
                  w,
                  path + "." + key + "[" + i++ + "]",
                  YamlOutput.NO_COMPLEX_KEYS);
              out.g.writeEndObject();
            }
          } else {
            for (BlkioLimit l : limits(b, key)) {
              out.g.writeStartObject();
              out.writeKeys(
                  NestedKeys.BLKIO_LIMIT,
                  l,
                  path + "." + key + "[" + i++ + "]",
                  YamlOutput.NO_COMPLEX_KEYS);
              out.g.writeEndObject();
            }
          }
          out.g.writeEndArray();
        });
  }

  /** Returns the rate limits of one of the four {@code device_*} keys. */
  private static List<BlkioLimit> limits(BlkioConfig b, String key) {
    return switch (key) {
      case "device_read_bps" -> b.deviceReadBps();
      case "device_read_iops" -> b.deviceReadIops();
      case "device_write_bps" -> b.deviceWriteBps();
      default -> b.deviceWriteIops();
    };
  }
}
