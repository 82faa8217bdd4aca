package io.compose4j.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one declaration of every key of a service, of its {@code deploy} section and of the top-level
 * networks, volumes, secrets and configs: its YAML name, how its value is spelled, how it is read
 * from and written to the model, the Compose file format 3.x version that allows it (or that Swarm
 * does not support it), how merging several files combines it, and, by the order of the rows, its
 * place in the canonical order. The reader, the writer, {@link SwarmFormat} and the merger of
 * {@code compose-yaml} all read these tables: adding a key is one row here plus the model accessor
 * (and, for a {@link Shape#COMPLEX} value, its reader and writer). {@link NestedKeys} holds the
 * tables of the objects nested in these and of the stack's top level.
 */
public final class ComposeKeys {
  private ComposeKeys() {}

  /** How a key's value is spelled in YAML; the reader and the writer have one way per shape. */
  public enum Shape {
    /** A string. */
    STRING,
    /** A string, number or boolean, kept as text. */
    TEXT,
    /** A boolean. */
    BOOL,
    /** A 64-bit integer. */
    LONG,
    /** A 32-bit integer. */
    INT,
    /** A byte size ({@code 512M} or a number of bytes). */
    SIZE,
    /** A Go duration ({@code 1m30s}). */
    DURATION,
    /** A number of CPUs ({@code "0.5"}). */
    CPUS,
    /** A list of strings. */
    STRINGS,
    /** A list of strings or numbers. */
    TEXTS,
    /** A file name, resolved against the project directory when read. */
    PATH,
    /**
     * {@code true}, {@code false} or the deprecated {@code {name: x}} (which sets {@code name}).
     */
    EXTERNAL,
    /**
     * Like {@link #EXTERNAL}, in a mapping the 3.x schemas leave open (unknown keys are dropped).
     */
    EXTERNAL_OPEN,
    /** A string or a list of strings. */
    STRING_OR_LIST,
    /** A mapping or a list of {@code KEY=value} strings, without null values. */
    LABELS,
    /** A mapping of string or number values. */
    STRING_MAP,
    /** A mapping or a list of {@code KEY=value} strings in which a key may have no value. */
    ENVIRONMENT,
    /** A list of {@code host:ip} strings or a mapping of hosts to addresses. */
    HOSTS,
    /** Any YAML value, kept as it is. */
    RAW,
    /** An object or a syntax of its own, with a reader and a writer of its own. */
    COMPLEX
  }

  /**
   * How merging several files ({@code docker compose -f a -f b}, {@code extends}) combines a key.
   */
  public enum Merge {
    /** Mappings merge key by key, sequences are appended, a later scalar replaces. */
    DEFAULT,
    /** The later value replaces the earlier one as a whole. */
    REPLACE,
    /** Each entry of the mapping is replaced as a whole. */
    REPLACE_ENTRIES,
    /** {@code KEY=value} settings merge by key, whichever form each file uses. */
    KEY_VALUE,
    /** A list of names and a mapping merge as mappings. */
    AS_MAPPING,
    /** A string is the {@code context} of a mapping. */
    BUILD,
    /** The options merge only when both files name the same driver (or one names none). */
    LOGGING,
    /** The mapping form is the sorted {@code host:ip} list; one entry per text. */
    HOSTS,
    /** One entry per text. */
    UNIQUE_TEXT,
    /** One mount per container path. */
    UNIQUE_MOUNT_TARGET,
    /** One device per container path. */
    UNIQUE_DEVICE_TARGET,
    /** One port per host address, published port, target and protocol. */
    UNIQUE_PORT,
    /** One secret per target path (relative to {@code /run/secrets/}). */
    UNIQUE_SECRET_TARGET,
    /** One config per target path (relative to {@code /}). */
    UNIQUE_CONFIG_TARGET,
    /** One env file per path. */
    UNIQUE_ENV_FILE
  }

  /**
   * What the Compose file format 3.x says of a key.
   *
   * @param minor the lowest 3.x minor version that allows the key, or -1 if none does
   * @param hint what to do instead when no 3.x version allows it, else empty
   */
  public record Swarm(int minor, String hint) {
    /** Returns a key that format {@code 3.<minor>} and newer allow. */
    public static Swarm since(int minor) {
      return new Swarm(minor, "");
    }

    /** Returns a key that no 3.x format has, with what to do instead. */
    public static Swarm no(String hint) {
      return new Swarm(-1, hint);
    }

    /** Returns whether a 3.x format allows the key. */
    public boolean supported() {
      return minor >= 0;
    }
  }

  static final Swarm COMPOSE_ONLY =
      Swarm.no("it is a Compose Specification key that the 3.x format does not have");

  /**
   * One key of an object of the model.
   *
   * @param <O> the model type that holds the key
   * @param <B> its builder
   * @param <T> the type of the model's value
   * @param name the YAML key
   * @param shape how the value is spelled
   * @param get the model accessor
   * @param set the builder setter (adds to collections)
   * @param swarm which 3.x format allows it
   * @param merge how merging files combines it
   */
  public record Key<O, B, T>(
      String name,
      Shape shape,
      Function<O, T> get,
      BiConsumer<B, T> set,
      Swarm swarm,
      Merge merge) {
    /** Returns the key's value in an object. */
    public T value(O object) {
      return get.apply(object);
    }

    /**
     * Returns whether the object sets the key (a present optional, a non-empty collection or map, a
     * required value).
     */
    public boolean present(O object) {
      Object v = get.apply(object);
      if (v instanceof Optional<?> o) {
        return o.isPresent();
      }
      if (v instanceof OptionalLong o) {
        return o.isPresent();
      }
      if (v instanceof OptionalInt o) {
        return o.isPresent();
      }
      if (v instanceof Collection<?> c) {
        return !c.isEmpty();
      }
      if (v instanceof Map<?, ?> m) {
        return !m.isEmpty();
      }
      return v != null; // a value the model requires (a name, a number) is always set
    }

    /** Sets the key in a builder (for a collection: adds the values). */
    @SuppressWarnings("unchecked")
    public void assign(B builder, Object value) {
      set.accept(builder, (T) value);
    }
  }

  /**
   * The keys of one kind of object. The rows are in the canonical order (the order the writer
   * writes them in): a new key goes where it belongs and nothing is renumbered. The reader reads
   * them in the same order unless the table says otherwise ({@link #readBy}, {@link #readIn}).
   *
   * @param <O> the model type
   * @param <B> its builder
   */
  public static final class Table<O, B> {
    private final List<Key<O, B, ?>> rows;
    private final List<Key<O, B, ?>> reading;
    private final List<String> names;
    private final Map<String, Key<O, B, ?>> byName = new HashMap<>();

    Table(List<Key<O, B, ?>> rows) {
      this(rows, rows);
    }

    private Table(List<Key<O, B, ?>> rows, List<Key<O, B, ?>> reading) {
      this.rows = List.copyOf(rows);
      this.reading = List.copyOf(reading);
      this.names = reading.stream().map(Key::name).toList();
      rows.forEach(
          k -> {
            if (byName.put(k.name(), k) != null) {
              throw new IllegalStateException("two rows for the key " + k.name());
            }
          });
    }

    /** Returns the same rows, read in the order of a comparator (the service: by name). */
    Table<O, B> readBy(Comparator<Key<O, B, ?>> order) {
      return new Table<>(rows, rows.stream().sorted(order).toList());
    }

    /**
     * Returns the same rows, read in the order of these names (each row once): where the reader's
     * order, which is also the order of the allowed keys in its unknown-key error, predates the
     * canonical order.
     */
    Table<O, B> readIn(String... order) {
      List<Key<O, B, ?>> read = new ArrayList<>();
      for (String name : order) {
        read.add(named(name).orElseThrow(() -> new IllegalStateException("no row " + name)));
      }
      // by identity: a record's hashCode costs a bootstrap on its first call, at every start
      Set<Key<O, B, ?>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
      distinct.addAll(read);
      if (read.size() != rows.size() || distinct.size() != rows.size()) {
        throw new IllegalStateException("the reading order must name each row once");
      }
      return new Table<>(rows, read);
    }

    /** Returns the keys in the order the reader reads them. */
    public List<Key<O, B, ?>> keys() {
      return reading;
    }

    /** Returns the keys in the canonical order (the order the writer writes them in). */
    public List<Key<O, B, ?>> canonicalOrder() {
      return rows;
    }

    /** Returns the YAML names of the keys, in reading order (the allowed keys of the reader). */
    public List<String> names() {
      return names;
    }

    /** Returns the key with this YAML name. */
    public Optional<Key<O, B, ?>> named(String name) {
      return Optional.ofNullable(byName.get(name));
    }
  }

  private static <T> Key<Service, Service.Builder, T> service(
      String name,
      Shape shape,
      Function<Service, T> get,
      BiConsumer<Service.Builder, T> set,
      Swarm swarm,
      Merge merge) {
    return new Key<>(name, shape, get, set, swarm, merge);
  }

  private static <T> Key<Deploy, Deploy.Builder, T> deploy(
      String name,
      Shape shape,
      Function<Deploy, T> get,
      BiConsumer<Deploy.Builder, T> set,
      Swarm swarm,
      Merge merge) {
    return new Key<>(name, shape, get, set, swarm, merge);
  }

  private static <T> Key<Network, Network.Builder, T> network(
      String name,
      Shape shape,
      Function<Network, T> get,
      BiConsumer<Network.Builder, T> set,
      Swarm swarm,
      Merge merge) {
    return new Key<>(name, shape, get, set, swarm, merge);
  }

  private static <T> Key<Volume, Volume.Builder, T> volume(
      String name,
      Shape shape,
      Function<Volume, T> get,
      BiConsumer<Volume.Builder, T> set,
      Swarm swarm,
      Merge merge) {
    return new Key<>(name, shape, get, set, swarm, merge);
  }

  private static <T> Key<Secret, Secret.Builder, T> secret(
      String name,
      Shape shape,
      Function<Secret, T> get,
      BiConsumer<Secret.Builder, T> set,
      Swarm swarm,
      Merge merge) {
    return new Key<>(name, shape, get, set, swarm, merge);
  }

  private static <T> Key<Config, Config.Builder, T> config(
      String name,
      Shape shape,
      Function<Config, T> get,
      BiConsumer<Config.Builder, T> set,
      Swarm swarm,
      Merge merge) {
    return new Key<>(name, shape, get, set, swarm, merge);
  }

  private static final Swarm ANY = Swarm.since(0);

  // spotless:off (the tables keep one row per key, as a table reads best)
  /** The keys of a service, in the canonical order; read by name (see below). */
  public static final Table<Service, Service.Builder> SERVICE = new Table<>(List.of(
      service("image", Shape.STRING, Service::image, Service.Builder::image, ANY, Merge.DEFAULT),
      service("build", Shape.COMPLEX, Service::build, Service.Builder::build, ANY, Merge.BUILD),
      service("command", Shape.COMPLEX, Service::command, Service.Builder::command, ANY, Merge.REPLACE),
      service("entrypoint", Shape.COMPLEX, Service::entrypoint, Service.Builder::entrypoint, ANY, Merge.REPLACE),
      service("environment", Shape.ENVIRONMENT, Service::environment, Service.Builder::putAllEnvironment, ANY, Merge.KEY_VALUE),
      service("env_file", Shape.COMPLEX, Service::envFile, Service.Builder::addAllEnvFile, ANY, Merge.UNIQUE_ENV_FILE),
      service("ports", Shape.COMPLEX, Service::ports, Service.Builder::addAllPorts, ANY, Merge.UNIQUE_PORT),
      service("networks", Shape.COMPLEX, Service::networks, Service.Builder::putAllNetworks, ANY, Merge.AS_MAPPING),
      service("volumes", Shape.COMPLEX, Service::volumes, Service.Builder::addAllVolumes, ANY, Merge.UNIQUE_MOUNT_TARGET),
      service("secrets", Shape.COMPLEX, Service::secrets, Service.Builder::addAllSecrets, Swarm.since(1), Merge.UNIQUE_SECRET_TARGET),
      service("configs", Shape.COMPLEX, Service::configs, Service.Builder::addAllConfigs, Swarm.since(3), Merge.UNIQUE_CONFIG_TARGET),
      service("healthcheck", Shape.COMPLEX, Service::healthcheck, Service.Builder::healthcheck, ANY, Merge.DEFAULT),
      service("deploy", Shape.COMPLEX, Service::deploy, Service.Builder::deploy, ANY, Merge.DEFAULT),
      service("annotations", Shape.LABELS, Service::annotations, Service.Builder::putAllAnnotations, COMPOSE_ONLY, Merge.KEY_VALUE),
      service("attach", Shape.BOOL, Service::attach, Service.Builder::attach, COMPOSE_ONLY, Merge.DEFAULT),
      service("blkio_config", Shape.COMPLEX, Service::blkioConfig, Service.Builder::blkioConfig, COMPOSE_ONLY, Merge.DEFAULT),
      service("cap_add", Shape.STRINGS, Service::capAdd, Service.Builder::addAllCapAdd, ANY, Merge.UNIQUE_TEXT),
      service("cap_drop", Shape.STRINGS, Service::capDrop, Service.Builder::addAllCapDrop, ANY, Merge.UNIQUE_TEXT),
      service("cgroup", Shape.STRING, Service::cgroup, Service.Builder::cgroup, COMPOSE_ONLY, Merge.DEFAULT),
      service("cgroup_parent", Shape.STRING, Service::cgroupParent, Service.Builder::cgroupParent, ANY, Merge.DEFAULT),
      service("cgroupns_mode", Shape.STRING, Service::cgroupnsMode, Service.Builder::cgroupnsMode, Swarm.since(9), Merge.DEFAULT),
      service("container_name", Shape.STRING, Service::containerName, Service.Builder::containerName, ANY, Merge.DEFAULT),
      service("cpu_count", Shape.LONG, Service::cpuCount, Service.Builder::cpuCount, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_percent", Shape.LONG, Service::cpuPercent, Service.Builder::cpuPercent, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_period", Shape.LONG, Service::cpuPeriod, Service.Builder::cpuPeriod, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_quota", Shape.LONG, Service::cpuQuota, Service.Builder::cpuQuota, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_rt_period", Shape.TEXT, Service::cpuRtPeriod, Service.Builder::cpuRtPeriod, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_rt_runtime", Shape.TEXT, Service::cpuRtRuntime, Service.Builder::cpuRtRuntime, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_shares", Shape.LONG, Service::cpuShares, Service.Builder::cpuShares, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpus", Shape.CPUS, Service::cpus, Service.Builder::cpus, Swarm.no("use deploy.resources.limits.cpus"), Merge.DEFAULT),
      service("cpuset", Shape.STRING, Service::cpuset, Service.Builder::cpuset, COMPOSE_ONLY, Merge.DEFAULT),
      service("credential_spec", Shape.COMPLEX, Service::credentialSpec, Service.Builder::credentialSpec, Swarm.since(3), Merge.DEFAULT),
      service("depends_on", Shape.COMPLEX, Service::dependsOn, Service.Builder::addAllDependsOn, ANY, Merge.AS_MAPPING),
      service("develop", Shape.COMPLEX, Service::develop, Service.Builder::develop, COMPOSE_ONLY, Merge.DEFAULT),
      service("device_cgroup_rules", Shape.STRINGS, Service::deviceCgroupRules, Service.Builder::addAllDeviceCgroupRules, COMPOSE_ONLY, Merge.DEFAULT),
      service("devices", Shape.COMPLEX, Service::devices, Service.Builder::addAllDevices, ANY, Merge.UNIQUE_DEVICE_TARGET),
      service("dns", Shape.STRING_OR_LIST, Service::dns, Service.Builder::addAllDns, ANY, Merge.UNIQUE_TEXT),
      service("dns_opt", Shape.STRINGS, Service::dnsOpt, Service.Builder::addAllDnsOpt, COMPOSE_ONLY, Merge.UNIQUE_TEXT),
      service("dns_search", Shape.STRING_OR_LIST, Service::dnsSearch, Service.Builder::addAllDnsSearch, ANY, Merge.UNIQUE_TEXT),
      service("domainname", Shape.STRING, Service::domainname, Service.Builder::domainname, ANY, Merge.DEFAULT),
      service("expose", Shape.TEXTS, Service::expose, Service.Builder::addAllExpose, ANY, Merge.UNIQUE_TEXT),
      service("extends", Shape.COMPLEX, Service::extendsService, Service.Builder::extendsService, Swarm.no("resolve extends first (compose4j convert)"), Merge.DEFAULT),
      service("external_links", Shape.STRINGS, Service::externalLinks, Service.Builder::addAllExternalLinks, ANY, Merge.DEFAULT),
      service("extra_hosts", Shape.HOSTS, Service::extraHosts, Service.Builder::addAllExtraHosts, ANY, Merge.HOSTS),
      service("gpus", Shape.RAW, Service::gpus, Service.Builder::gpus, COMPOSE_ONLY, Merge.DEFAULT),
      service("group_add", Shape.TEXTS, Service::groupAdd, Service.Builder::addAllGroupAdd, COMPOSE_ONLY, Merge.UNIQUE_TEXT),
      service("hostname", Shape.STRING, Service::hostname, Service.Builder::hostname, ANY, Merge.DEFAULT),
      service("init", Shape.BOOL, Service::init, Service.Builder::init, Swarm.since(7), Merge.DEFAULT),
      service("ipc", Shape.STRING, Service::ipc, Service.Builder::ipc, ANY, Merge.DEFAULT),
      service("isolation", Shape.STRING, Service::isolation, Service.Builder::isolation, Swarm.since(5), Merge.DEFAULT),
      service("label_file", Shape.STRING_OR_LIST, Service::labelFile, Service.Builder::addAllLabelFile, COMPOSE_ONLY, Merge.DEFAULT),
      service("labels", Shape.LABELS, Service::labels, Service.Builder::putAllLabels, ANY, Merge.KEY_VALUE),
      service("links", Shape.STRINGS, Service::links, Service.Builder::addAllLinks, ANY, Merge.UNIQUE_TEXT),
      service("logging", Shape.COMPLEX, Service::logging, Service.Builder::logging, ANY, Merge.LOGGING),
      service("mac_address", Shape.STRING, Service::macAddress, Service.Builder::macAddress, ANY, Merge.DEFAULT),
      service("mem_limit", Shape.SIZE, Service::memLimit, Service.Builder::memLimit, Swarm.no("use deploy.resources.limits.memory"), Merge.DEFAULT),
      service("mem_reservation", Shape.SIZE, Service::memReservation, Service.Builder::memReservation, Swarm.no("use deploy.resources.reservations.memory"), Merge.DEFAULT),
      service("mem_swappiness", Shape.INT, Service::memSwappiness, Service.Builder::memSwappiness, COMPOSE_ONLY, Merge.DEFAULT),
      service("memswap_limit", Shape.SIZE, Service::memswapLimit, Service.Builder::memswapLimit, COMPOSE_ONLY, Merge.DEFAULT),
      service("models", Shape.COMPLEX, Service::models, Service.Builder::putAllModels, COMPOSE_ONLY, Merge.DEFAULT),
      service("network_mode", Shape.STRING, Service::networkMode, Service.Builder::networkMode, ANY, Merge.DEFAULT),
      service("oom_kill_disable", Shape.BOOL, Service::oomKillDisable, Service.Builder::oomKillDisable, COMPOSE_ONLY, Merge.DEFAULT),
      service("oom_score_adj", Shape.INT, Service::oomScoreAdj, Service.Builder::oomScoreAdj, Swarm.since(13), Merge.DEFAULT),
      service("pid", Shape.STRING, Service::pid, Service.Builder::pid, ANY, Merge.DEFAULT),
      service("pids_limit", Shape.LONG, Service::pidsLimit, Service.Builder::pidsLimit, Swarm.no("use deploy.resources.limits.pids"), Merge.DEFAULT),
      service("platform", Shape.STRING, Service::platform, Service.Builder::platform, COMPOSE_ONLY, Merge.DEFAULT),
      service("pre_start", Shape.COMPLEX, Service::preStart, Service.Builder::addAllPreStart, COMPOSE_ONLY, Merge.DEFAULT),
      service("post_start", Shape.COMPLEX, Service::postStart, Service.Builder::addAllPostStart, COMPOSE_ONLY, Merge.DEFAULT),
      service("pre_stop", Shape.COMPLEX, Service::preStop, Service.Builder::addAllPreStop, COMPOSE_ONLY, Merge.DEFAULT),
      service("privileged", Shape.BOOL, Service::privileged, Service.Builder::privileged, ANY, Merge.DEFAULT),
      service("profiles", Shape.STRINGS, Service::profiles, Service.Builder::addAllProfiles, Swarm.no("select services with compose4j convert --profile"), Merge.UNIQUE_TEXT),
      service("provider", Shape.COMPLEX, Service::provider, Service.Builder::provider, COMPOSE_ONLY, Merge.DEFAULT),
      service("pull_policy", Shape.STRING, Service::pullPolicy, Service.Builder::pullPolicy, COMPOSE_ONLY, Merge.DEFAULT),
      service("pull_refresh_after", Shape.STRING, Service::pullRefreshAfter, Service.Builder::pullRefreshAfter, COMPOSE_ONLY, Merge.DEFAULT),
      service("read_only", Shape.BOOL, Service::readOnly, Service.Builder::readOnly, ANY, Merge.DEFAULT),
      service("restart", Shape.STRING, Service::restart, Service.Builder::restart, ANY, Merge.DEFAULT),
      service("runtime", Shape.STRING, Service::runtime, Service.Builder::runtime, COMPOSE_ONLY, Merge.DEFAULT),
      service("scale", Shape.INT, Service::scale, Service.Builder::scale, Swarm.no("use deploy.replicas"), Merge.DEFAULT),
      service("security_opt", Shape.STRINGS, Service::securityOpt, Service.Builder::addAllSecurityOpt, ANY, Merge.UNIQUE_TEXT),
      service("shm_size", Shape.SIZE, Service::shmSize, Service.Builder::shmSize, ANY, Merge.DEFAULT),
      service("stdin_open", Shape.BOOL, Service::stdinOpen, Service.Builder::stdinOpen, ANY, Merge.DEFAULT),
      service("stop_grace_period", Shape.DURATION, Service::stopGracePeriod, Service.Builder::stopGracePeriod, ANY, Merge.DEFAULT),
      service("stop_signal", Shape.STRING, Service::stopSignal, Service.Builder::stopSignal, ANY, Merge.DEFAULT),
      service("storage_opt", Shape.STRING_MAP, Service::storageOpt, Service.Builder::putAllStorageOpt, COMPOSE_ONLY, Merge.DEFAULT),
      service("sysctls", Shape.LABELS, Service::sysctls, Service.Builder::putAllSysctls, ANY, Merge.KEY_VALUE),
      service("tmpfs", Shape.STRING_OR_LIST, Service::tmpfs, Service.Builder::addAllTmpfs, ANY, Merge.UNIQUE_TEXT),
      service("tty", Shape.BOOL, Service::tty, Service.Builder::tty, ANY, Merge.DEFAULT),
      service("ulimits", Shape.COMPLEX, Service::ulimits, Service.Builder::putAllUlimits, ANY, Merge.REPLACE_ENTRIES),
      service("use_api_socket", Shape.BOOL, Service::useApiSocket, Service.Builder::useApiSocket, COMPOSE_ONLY, Merge.DEFAULT),
      service("user", Shape.STRING, Service::user, Service.Builder::user, ANY, Merge.DEFAULT),
      service("userns_mode", Shape.STRING, Service::usernsMode, Service.Builder::usernsMode, ANY, Merge.DEFAULT),
      service("uts", Shape.STRING, Service::uts, Service.Builder::uts, COMPOSE_ONLY, Merge.DEFAULT),
      service("volumes_from", Shape.STRINGS, Service::volumesFrom, Service.Builder::addAllVolumesFrom, COMPOSE_ONLY, Merge.DEFAULT),
      service("working_dir", Shape.STRING, Service::workingDir, Service.Builder::workingDir, ANY, Merge.DEFAULT)))
      // read by name, label_file right after labels: the reader has always listed it there (the
      // allowed keys of an unknown-key error)
      .readBy(Comparator.comparing(k -> k.name().equals("label_file") ? "labels~" : k.name()));

  /** The keys of {@code deploy}, in the canonical order; read in the order the reader always had. */
  public static final Table<Deploy, Deploy.Builder> DEPLOY = new Table<>(List.of(
      deploy("mode", Shape.STRING, Deploy::mode, Deploy.Builder::mode, ANY, Merge.DEFAULT),
      deploy("replicas", Shape.LONG, Deploy::replicas, Deploy.Builder::replicas, ANY, Merge.DEFAULT),
      deploy("endpoint_mode", Shape.STRING, Deploy::endpointMode, Deploy.Builder::endpointMode, Swarm.since(2), Merge.DEFAULT),
      deploy("placement", Shape.COMPLEX, Deploy::placement, Deploy.Builder::placement, ANY, Merge.DEFAULT),
      deploy("resources", Shape.COMPLEX, Deploy::resources, Deploy.Builder::resources, ANY, Merge.DEFAULT),
      deploy("update_config", Shape.COMPLEX, Deploy::updateConfig, Deploy.Builder::updateConfig, ANY, Merge.DEFAULT),
      deploy("rollback_config", Shape.COMPLEX, Deploy::rollbackConfig, Deploy.Builder::rollbackConfig, Swarm.since(7), Merge.DEFAULT),
      deploy("restart_policy", Shape.COMPLEX, Deploy::restartPolicy, Deploy.Builder::restartPolicy, ANY, Merge.DEFAULT),
      deploy("labels", Shape.LABELS, Deploy::labels, Deploy.Builder::putAllLabels, ANY, Merge.KEY_VALUE)))
      .readIn("mode", "replicas", "labels", "update_config", "rollback_config", "resources", "restart_policy",
          "placement", "endpoint_mode");

  /** The keys of a top-level network. */
  public static final Table<Network, Network.Builder> NETWORK = new Table<>(List.of(
      network("name", Shape.STRING, Network::name, Network.Builder::name, Swarm.since(5), Merge.DEFAULT),
      network("driver", Shape.STRING, Network::driver, Network.Builder::driver, ANY, Merge.DEFAULT),
      network("driver_opts", Shape.STRING_MAP, Network::driverOpts, Network.Builder::putAllDriverOpts, ANY, Merge.KEY_VALUE),
      network("ipam", Shape.COMPLEX, Network::ipam, Network.Builder::ipam, ANY, Merge.DEFAULT),
      network("external", Shape.EXTERNAL, Network::external, Network.Builder::external, ANY, Merge.DEFAULT),
      network("internal", Shape.BOOL, Network::internal, Network.Builder::internal, ANY, Merge.DEFAULT),
      network("attachable", Shape.BOOL, Network::attachable, Network.Builder::attachable, Swarm.since(2), Merge.DEFAULT),
      network("enable_ipv4", Shape.BOOL, Network::enableIpv4, Network.Builder::enableIpv4, COMPOSE_ONLY, Merge.DEFAULT),
      network("enable_ipv6", Shape.BOOL, Network::enableIpv6, Network.Builder::enableIpv6, COMPOSE_ONLY, Merge.DEFAULT),
      network("labels", Shape.LABELS, Network::labels, Network.Builder::putAllLabels, ANY, Merge.KEY_VALUE)));

  /** The keys of a top-level volume. */
  public static final Table<Volume, Volume.Builder> VOLUME = new Table<>(List.of(
      volume("name", Shape.STRING, Volume::name, Volume.Builder::name, Swarm.since(4), Merge.DEFAULT),
      volume("driver", Shape.STRING, Volume::driver, Volume.Builder::driver, ANY, Merge.DEFAULT),
      volume("driver_opts", Shape.STRING_MAP, Volume::driverOpts, Volume.Builder::putAllDriverOpts, ANY, Merge.KEY_VALUE),
      volume("external", Shape.EXTERNAL, Volume::external, Volume.Builder::external, ANY, Merge.DEFAULT),
      volume("labels", Shape.LABELS, Volume::labels, Volume.Builder::putAllLabels, ANY, Merge.KEY_VALUE)));

  /** The keys of a top-level secret. */
  public static final Table<Secret, Secret.Builder> SECRET = new Table<>(List.of(
      secret("name", Shape.STRING, Secret::name, Secret.Builder::name, Swarm.since(5), Merge.DEFAULT),
      secret("file", Shape.PATH, Secret::file, Secret.Builder::file, ANY, Merge.DEFAULT),
      secret("environment", Shape.STRING, Secret::environment, Secret.Builder::environment, Swarm.no("write the value to a file and use 'file', or create the secret with docker secret create"), Merge.DEFAULT),
      secret("external", Shape.EXTERNAL_OPEN, Secret::external, Secret.Builder::external, ANY, Merge.DEFAULT),
      secret("labels", Shape.LABELS, Secret::labels, Secret.Builder::putAllLabels, ANY, Merge.KEY_VALUE),
      secret("driver", Shape.STRING, Secret::driver, Secret.Builder::driver, Swarm.since(8), Merge.DEFAULT),
      secret("driver_opts", Shape.STRING_MAP, Secret::driverOpts, Secret.Builder::putAllDriverOpts, Swarm.since(8), Merge.DEFAULT),
      secret("template_driver", Shape.STRING, Secret::templateDriver, Secret.Builder::templateDriver, Swarm.since(8), Merge.DEFAULT)));

  /** The keys of a top-level config. */
  public static final Table<Config, Config.Builder> CONFIG = new Table<>(List.of(
      config("name", Shape.STRING, Config::name, Config.Builder::name, Swarm.since(5), Merge.DEFAULT),
      config("file", Shape.PATH, Config::file, Config.Builder::file, ANY, Merge.DEFAULT),
      config("content", Shape.STRING, Config::content, Config.Builder::content, Swarm.no("write the content to a file and use 'file'"), Merge.DEFAULT),
      config("environment", Shape.STRING, Config::environment, Config.Builder::environment, Swarm.no("write the value to a file and use 'file'"), Merge.DEFAULT),
      config("external", Shape.EXTERNAL_OPEN, Config::external, Config.Builder::external, ANY, Merge.DEFAULT),
      config("labels", Shape.LABELS, Config::labels, Config.Builder::putAllLabels, ANY, Merge.KEY_VALUE),
      config("template_driver", Shape.STRING, Config::templateDriver, Config.Builder::templateDriver, Swarm.since(8), Merge.DEFAULT)));
  // spotless:on
}
