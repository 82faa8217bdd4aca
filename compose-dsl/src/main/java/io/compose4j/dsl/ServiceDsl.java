package io.compose4j.dsl;

import io.compose4j.model.ByteSize;
import io.compose4j.model.DependsOn;
import io.compose4j.model.Deploy;
import io.compose4j.model.EnvFile;
import io.compose4j.model.Healthcheck;
import io.compose4j.model.ImageRef;
import io.compose4j.model.Logging;
import io.compose4j.model.Mount;
import io.compose4j.model.MountTmpfs;
import io.compose4j.model.MountVolume;
import io.compose4j.model.PortMapping;
import io.compose4j.model.RawValue;
import io.compose4j.model.Service;
import io.compose4j.model.ServiceConfig;
import io.compose4j.model.ServiceNetwork;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.Ulimit;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One service of a stack being built ({@code services.<name>}). Methods are named after the YAML
 * keys and nest as the YAML nests: {@code deploy(d -> d.replicas(3).updateConfig(u -> ...))}.
 * Networks, volumes, secrets, configs and dependencies are referred to only through handles the
 * stack returned when it declared them.
 */
public final class ServiceDsl {
  private final StackDsl stack;
  private final String name;
  final Service.Builder builder;

  ServiceDsl(StackDsl stack, String name, Service existing) {
    this.stack = stack;
    this.name = name;
    this.builder = existing == null ? Service.builder() : existing.toBuilder();
  }

  /** Returns the service name. */
  public String name() {
    return name;
  }

  // ------------------------------------------------------------------ image and process

  /** Sets {@code image}. */
  public ServiceDsl image(String image) {
    builder.image(image);
    return this;
  }

  /** Sets {@code image} from a parsed reference. */
  public ServiceDsl image(ImageRef image) {
    builder.image(image.raw());
    return this;
  }

  /** Sets {@code command} to these words (no shell splitting). */
  public ServiceDsl command(String... words) {
    builder.command(words);
    return this;
  }

  /** Sets {@code entrypoint} to these words (no shell splitting). */
  public ServiceDsl entrypoint(String... words) {
    builder.entrypoint(words);
    return this;
  }

  /** Sets one {@code environment} variable. */
  public ServiceDsl env(String variable, String value) {
    builder.env(variable, value);
    return this;
  }

  /** Sets several {@code environment} variables. */
  public ServiceDsl env(Map<String, String> variables) {
    variables.forEach(builder::env);
    return this;
  }

  /**
   * Passes a variable through from the host where the container starts ({@code - NAME}, no value).
   */
  public ServiceDsl envFromHost(String variable) {
    builder.putEnvironment(variable, Optional.empty());
    return this;
  }

  /** Adds an {@code env_file}, relative to the stack file. */
  public ServiceDsl envFile(String path) {
    builder.addEnvFile(EnvFile.builder().path(path).build());
    return this;
  }

  /** Sets {@code user} ({@code 1000}, {@code 1000:1000}, {@code postgres}). */
  public ServiceDsl user(String user) {
    builder.user(user);
    return this;
  }

  /** Sets {@code working_dir}. */
  public ServiceDsl workingDir(String dir) {
    builder.workingDir(dir);
    return this;
  }

  /**
   * Sets {@code hostname}; a {@link Template} such as {@code Template.nodeHostname()} is allowed.
   */
  public ServiceDsl hostname(String hostname) {
    builder.hostname(hostname);
    return this;
  }

  /** Sets {@code init}: run an init process that reaps zombies. */
  public ServiceDsl init(boolean init) {
    builder.init(init);
    return this;
  }

  /** Sets {@code read_only}: a read-only root file system. */
  public ServiceDsl readOnly(boolean readOnly) {
    builder.readOnly(readOnly);
    return this;
  }

  /** Sets {@code stop_grace_period}. */
  public ServiceDsl stopGracePeriod(Duration period) {
    builder.stopGracePeriod(period);
    return this;
  }

  /** Sets {@code stop_signal}. */
  public ServiceDsl stopSignal(String signal) {
    builder.stopSignal(signal);
    return this;
  }

  /** Adds {@code cap_add} entries. */
  public ServiceDsl capAdd(String... capabilities) {
    builder.addCapAdd(capabilities);
    return this;
  }

  /** Adds {@code cap_drop} entries. */
  public ServiceDsl capDrop(String... capabilities) {
    builder.addCapDrop(capabilities);
    return this;
  }

  /** Sets one {@code sysctls} entry. */
  public ServiceDsl sysctl(String key, String value) {
    builder.putSysctl(key, value);
    return this;
  }

  /** Sets a {@code ulimits} entry with one value for soft and hard. */
  public ServiceDsl ulimit(String name, long value) {
    builder.putUlimit(name, Ulimit.of(value));
    return this;
  }

  /** Sets a {@code ulimits} entry with soft and hard values. */
  public ServiceDsl ulimit(String name, long soft, long hard) {
    builder.putUlimit(name, Ulimit.of(soft, hard));
    return this;
  }

  /** Adds an {@code extra_hosts} entry. */
  public ServiceDsl extraHost(String host, String ip) {
    builder.addExtraHost(host + ":" + ip);
    return this;
  }

  /** Adds {@code dns} servers. */
  public ServiceDsl dns(String... servers) {
    builder.addDns(servers);
    return this;
  }

  /** Sets one container label ({@code labels}; Swarm service labels are {@code deploy.labels}). */
  public ServiceDsl label(String key, String value) {
    builder.label(key, value);
    return this;
  }

  // ------------------------------------------------------------------ ports

  /** Publishes a port on the routing mesh under the same number ({@code "443:443"}). */
  public ServiceDsl port(int port) {
    return port(port, port);
  }

  /**
   * Publishes a container port on the routing mesh ({@code "8080:80"} is {@code port(8080, 80)}).
   */
  public ServiceDsl port(int published, int target) {
    return port(published, target, p -> {});
  }

  /**
   * Publishes a container port with more settings ({@code p -> p.protocol("udp").mode("host")}).
   */
  public ServiceDsl port(int published, int target, Consumer<PortMapping.Builder> settings) {
    PortMapping.Builder b =
        PortMapping.builder()
            .target(target)
            .published(Integer.toString(published))
            .protocol("tcp")
            .mode("ingress");
    settings.accept(b);
    builder.addPort(b.build());
    return this;
  }

  // ------------------------------------------------------------------ references

  /** Joins networks the stack declared ({@code networks: [a, b]}). */
  public ServiceDsl network(NetworkRef... networks) {
    for (NetworkRef n : networks) {
      n.checkOwner(stack);
      builder.putNetwork(n.key(), ServiceNetwork.builder().build());
    }
    return this;
  }

  /** Joins a network with settings ({@code n -> n.addAlias("db.internal")}). */
  public ServiceDsl network(NetworkRef network, Consumer<ServiceNetwork.Builder> settings) {
    network.checkOwner(stack);
    ServiceNetwork.Builder b = ServiceNetwork.builder();
    settings.accept(b);
    builder.putNetwork(network.key(), b.build());
    return this;
  }

  /** Mounts a named volume the stack declared ({@code data:/var/lib/data}). */
  public ServiceDsl volume(VolumeRef volume, String target) {
    return volume(volume, target, false);
  }

  /** Mounts a named volume, read-only or not. */
  public ServiceDsl volume(VolumeRef volume, String target, boolean readOnly) {
    volume.checkOwner(stack);
    Mount.Builder m = Mount.builder().type("volume").source(volume.key()).target(target);
    if (readOnly) {
      m.readOnly(true);
    }
    builder.addVolume(m.build());
    return this;
  }

  /** Mounts a named volume without copying the image's files into it on creation. */
  public ServiceDsl volumeNoCopy(VolumeRef volume, String target) {
    volume.checkOwner(stack);
    builder.addVolume(
        Mount.builder()
            .type("volume")
            .source(volume.key())
            .target(target)
            .volume(MountVolume.builder().nocopy(true).build())
            .build());
    return this;
  }

  /** Bind-mounts a host path ({@code /var/run/docker.sock:/var/run/docker.sock}). */
  public ServiceDsl bind(String hostPath, String target) {
    return bind(hostPath, target, false);
  }

  /** Bind-mounts a host path, read-only or not. */
  public ServiceDsl bind(String hostPath, String target, boolean readOnly) {
    Mount.Builder m = Mount.builder().type("bind").source(hostPath).target(target);
    if (readOnly) {
      m.readOnly(true);
    }
    builder.addVolume(m.build());
    return this;
  }

  /** Mounts an in-memory tmpfs. */
  public ServiceDsl tmpfs(String target, ByteSize size) {
    builder.addVolume(
        Mount.builder()
            .type("tmpfs")
            .target(target)
            .tmpfs(MountTmpfs.builder().size(size).build())
            .build());
    return this;
  }

  /** Gives the service secrets the stack declared (files under {@code /run/secrets/<key>}). */
  public ServiceDsl secret(SecretRef... secrets) {
    for (SecretRef s : secrets) {
      s.checkOwner(stack);
      builder.addSecret(ServiceSecret.builder().source(s.key()).build());
    }
    return this;
  }

  /** Gives the service a secret with its own file name, owner or mode. */
  public ServiceDsl secret(SecretRef secret, Consumer<FileMount> mount) {
    secret.checkOwner(stack);
    FileMount m = new FileMount();
    mount.accept(m);
    builder.addSecret(
        ServiceSecret.builder()
            .source(secret.key())
            .target(Optional.ofNullable(m.target))
            .uid(Optional.ofNullable(m.uid))
            .gid(Optional.ofNullable(m.gid))
            .mode(Optional.ofNullable(m.mode))
            .build());
    return this;
  }

  /** Mounts a config the stack declared at a path. */
  public ServiceDsl config(ConfigRef config, String target) {
    return config(config, m -> m.target(target));
  }

  /** Mounts a config with its own path, owner or mode. */
  public ServiceDsl config(ConfigRef config, Consumer<FileMount> mount) {
    config.checkOwner(stack);
    FileMount m = new FileMount();
    mount.accept(m);
    builder.addConfig(
        ServiceConfig.builder()
            .source(config.key())
            .target(Optional.ofNullable(m.target))
            .uid(Optional.ofNullable(m.uid))
            .gid(Optional.ofNullable(m.gid))
            .mode(Optional.ofNullable(m.mode))
            .build());
    return this;
  }

  /**
   * Adds {@code depends_on} entries (Compose start order; {@code docker stack deploy} ignores it).
   */
  public ServiceDsl dependsOn(ServiceRef... services) {
    for (ServiceRef s : services) {
      s.checkOwner(stack);
      builder.addDependsOn(DependsOn.on(s.key()));
    }
    return this;
  }

  // ------------------------------------------------------------------ nested sections

  /** Changes {@code healthcheck}: {@code h -> h.test("CMD", "curl", "-f", url).interval(...)}. */
  public ServiceDsl healthcheck(Consumer<Healthcheck.Builder> healthcheck) {
    builder.healthcheck(healthcheck);
    return this;
  }

  /** Changes {@code deploy}: {@code d -> d.replicas(3).placement(p -> ...)}. */
  public ServiceDsl deploy(Consumer<Deploy.Builder> deploy) {
    builder.deploy(deploy);
    return this;
  }

  /** Sets {@code deploy.replicas}. */
  public ServiceDsl replicas(long replicas) {
    builder.replicas(replicas);
    return this;
  }

  /** Sets {@code deploy.mode: global}: one task on every eligible node. */
  public ServiceDsl global() {
    builder.deploy(Deploy.Builder::global);
    return this;
  }

  /** Changes {@code logging}. */
  public ServiceDsl logging(Consumer<Logging.Builder> logging) {
    builder.logging(logging);
    return this;
  }

  /** Sets an {@code x-*} extension key of the service. */
  public ServiceDsl extension(String key, Object value) {
    if (!key.startsWith("x-")) {
      throw new IllegalArgumentException("extension keys start with x-: " + key);
    }
    builder.putExtension(key, RawValue.from(value));
    return this;
  }

  /** Applies a preset: a reusable {@code Consumer<ServiceDsl>}. */
  public ServiceDsl apply(Consumer<ServiceDsl> preset) {
    preset.accept(this);
    return this;
  }

  /**
   * Changes the underlying model builder directly, for keys this class has no method for.
   * References written here are still checked when the stack is built.
   */
  public ServiceDsl with(Consumer<Service.Builder> changes) {
    changes.accept(builder);
    return this;
  }
}
