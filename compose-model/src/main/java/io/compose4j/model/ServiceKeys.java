package io.compose4j.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one declaration of every service key: its YAML name, how its value is spelled, how it is
 * read from and written to {@link Service}, the Compose file format 3.x version that allows it
 * (or that Swarm does not support it), how merging several files combines it, and its place in
 * the canonical order. The reader, the writer, {@link SwarmFormat} and the merger of
 * {@code compose4j-yaml} all read this table: adding a service key is one row here plus the model
 * accessor (and, for a {@link Shape#COMPLEX} value, its reader and writer).
 */
public final class ServiceKeys {
  private ServiceKeys() {}

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

  /** How merging several files ({@code docker compose -f a -f b}, {@code extends}) combines a key. */
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
   * One service key.
   *
   * @param <T> the type of the model's value
   * @param name the YAML key
   * @param shape how the value is spelled
   * @param get the model accessor
   * @param set the builder setter (adds to collections)
   * @param swarm which 3.x format allows it
   * @param merge how merging files combines it
   * @param order its place in the canonical order (1 is first)
   */
  public record Key<T>(String name, Shape shape, Function<Service, T> get, BiConsumer<Service.Builder, T> set,
      Swarm swarm, Merge merge, int order) {
    /** Returns the key's value in a service. */
    public T value(Service service) {
      return get.apply(service);
    }

    /** Returns whether the service sets the key (a present optional, a non-empty collection). */
    public boolean present(Service service) {
      Object v = get.apply(service);
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
      return !((Map<?, ?>) v).isEmpty();
    }

    /** Sets the key in a builder (for a collection: adds the values). */
    @SuppressWarnings("unchecked")
    public void assign(Service.Builder builder, Object value) {
      set.accept(builder, (T) value);
    }
  }

  private static <T> Key<T> key(String name, Shape shape, Function<Service, T> get, BiConsumer<Service.Builder, T> set,
      Swarm swarm, Merge merge, int order) {
    return new Key<>(name, shape, get, set, swarm, merge, order);
  }

  /** Every service key, in the order the reader reads them (by name). */
  public static final List<Key<?>> ALL = List.of(
      key("annotations", Shape.LABELS, Service::annotations, Service.Builder::putAllAnnotations, COMPOSE_ONLY, Merge.KEY_VALUE, 14),
      key("attach", Shape.BOOL, Service::attach, Service.Builder::attach, COMPOSE_ONLY, Merge.DEFAULT, 15),
      key("blkio_config", Shape.COMPLEX, Service::blkioConfig, Service.Builder::blkioConfig, COMPOSE_ONLY, Merge.DEFAULT, 16),
      key("build", Shape.COMPLEX, Service::build, Service.Builder::build, Swarm.since(0), Merge.BUILD, 2),
      key("cap_add", Shape.STRINGS, Service::capAdd, Service.Builder::addAllCapAdd, Swarm.since(0), Merge.UNIQUE_TEXT, 17),
      key("cap_drop", Shape.STRINGS, Service::capDrop, Service.Builder::addAllCapDrop, Swarm.since(0), Merge.UNIQUE_TEXT, 18),
      key("cgroup", Shape.STRING, Service::cgroup, Service.Builder::cgroup, COMPOSE_ONLY, Merge.DEFAULT, 19),
      key("cgroup_parent", Shape.STRING, Service::cgroupParent, Service.Builder::cgroupParent, Swarm.since(0), Merge.DEFAULT, 20),
      key("cgroupns_mode", Shape.STRING, Service::cgroupnsMode, Service.Builder::cgroupnsMode, Swarm.since(9), Merge.DEFAULT, 21),
      key("command", Shape.COMPLEX, Service::command, Service.Builder::command, Swarm.since(0), Merge.REPLACE, 3),
      key("configs", Shape.COMPLEX, Service::configs, Service.Builder::addAllConfigs, Swarm.since(3), Merge.UNIQUE_CONFIG_TARGET, 11),
      key("container_name", Shape.STRING, Service::containerName, Service.Builder::containerName, Swarm.since(0), Merge.DEFAULT, 22),
      key("cpu_count", Shape.LONG, Service::cpuCount, Service.Builder::cpuCount, COMPOSE_ONLY, Merge.DEFAULT, 23),
      key("cpu_percent", Shape.LONG, Service::cpuPercent, Service.Builder::cpuPercent, COMPOSE_ONLY, Merge.DEFAULT, 24),
      key("cpu_period", Shape.LONG, Service::cpuPeriod, Service.Builder::cpuPeriod, COMPOSE_ONLY, Merge.DEFAULT, 25),
      key("cpu_quota", Shape.LONG, Service::cpuQuota, Service.Builder::cpuQuota, COMPOSE_ONLY, Merge.DEFAULT, 26),
      key("cpu_rt_period", Shape.TEXT, Service::cpuRtPeriod, Service.Builder::cpuRtPeriod, COMPOSE_ONLY, Merge.DEFAULT, 27),
      key("cpu_rt_runtime", Shape.TEXT, Service::cpuRtRuntime, Service.Builder::cpuRtRuntime, COMPOSE_ONLY, Merge.DEFAULT, 28),
      key("cpu_shares", Shape.LONG, Service::cpuShares, Service.Builder::cpuShares, COMPOSE_ONLY, Merge.DEFAULT, 29),
      key("cpus", Shape.CPUS, Service::cpus, Service.Builder::cpus, Swarm.no("use deploy.resources.limits.cpus"), Merge.DEFAULT, 30),
      key("cpuset", Shape.STRING, Service::cpuset, Service.Builder::cpuset, COMPOSE_ONLY, Merge.DEFAULT, 31),
      key("credential_spec", Shape.COMPLEX, Service::credentialSpec, Service.Builder::credentialSpec, Swarm.since(3), Merge.DEFAULT, 32),
      key("depends_on", Shape.COMPLEX, Service::dependsOn, Service.Builder::addAllDependsOn, Swarm.since(0), Merge.AS_MAPPING, 33),
      key("deploy", Shape.COMPLEX, Service::deploy, Service.Builder::deploy, Swarm.since(0), Merge.DEFAULT, 13),
      key("develop", Shape.COMPLEX, Service::develop, Service.Builder::develop, COMPOSE_ONLY, Merge.DEFAULT, 34),
      key("device_cgroup_rules", Shape.STRINGS, Service::deviceCgroupRules, Service.Builder::addAllDeviceCgroupRules, COMPOSE_ONLY, Merge.DEFAULT, 35),
      key("devices", Shape.COMPLEX, Service::devices, Service.Builder::addAllDevices, Swarm.since(0), Merge.UNIQUE_DEVICE_TARGET, 36),
      key("dns", Shape.STRING_OR_LIST, Service::dns, Service.Builder::addAllDns, Swarm.since(0), Merge.UNIQUE_TEXT, 37),
      key("dns_opt", Shape.STRINGS, Service::dnsOpt, Service.Builder::addAllDnsOpt, COMPOSE_ONLY, Merge.UNIQUE_TEXT, 38),
      key("dns_search", Shape.STRING_OR_LIST, Service::dnsSearch, Service.Builder::addAllDnsSearch, Swarm.since(0), Merge.UNIQUE_TEXT, 39),
      key("domainname", Shape.STRING, Service::domainname, Service.Builder::domainname, Swarm.since(0), Merge.DEFAULT, 40),
      key("entrypoint", Shape.COMPLEX, Service::entrypoint, Service.Builder::entrypoint, Swarm.since(0), Merge.REPLACE, 4),
      key("env_file", Shape.COMPLEX, Service::envFile, Service.Builder::addAllEnvFile, Swarm.since(0), Merge.UNIQUE_ENV_FILE, 6),
      key("environment", Shape.ENVIRONMENT, Service::environment, Service.Builder::putAllEnvironment, Swarm.since(0), Merge.KEY_VALUE, 5),
      key("expose", Shape.TEXTS, Service::expose, Service.Builder::addAllExpose, Swarm.since(0), Merge.UNIQUE_TEXT, 41),
      key("extends", Shape.COMPLEX, Service::extendsService, Service.Builder::extendsService, Swarm.no("resolve extends first (compose4j convert)"), Merge.DEFAULT, 42),
      key("external_links", Shape.STRINGS, Service::externalLinks, Service.Builder::addAllExternalLinks, Swarm.since(0), Merge.DEFAULT, 43),
      key("extra_hosts", Shape.HOSTS, Service::extraHosts, Service.Builder::addAllExtraHosts, Swarm.since(0), Merge.HOSTS, 44),
      key("gpus", Shape.RAW, Service::gpus, Service.Builder::gpus, COMPOSE_ONLY, Merge.DEFAULT, 45),
      key("group_add", Shape.TEXTS, Service::groupAdd, Service.Builder::addAllGroupAdd, COMPOSE_ONLY, Merge.UNIQUE_TEXT, 46),
      key("healthcheck", Shape.COMPLEX, Service::healthcheck, Service.Builder::healthcheck, Swarm.since(0), Merge.DEFAULT, 12),
      key("hostname", Shape.STRING, Service::hostname, Service.Builder::hostname, Swarm.since(0), Merge.DEFAULT, 47),
      key("image", Shape.STRING, Service::image, Service.Builder::image, Swarm.since(0), Merge.DEFAULT, 1),
      key("init", Shape.BOOL, Service::init, Service.Builder::init, Swarm.since(7), Merge.DEFAULT, 48),
      key("ipc", Shape.STRING, Service::ipc, Service.Builder::ipc, Swarm.since(0), Merge.DEFAULT, 49),
      key("isolation", Shape.STRING, Service::isolation, Service.Builder::isolation, Swarm.since(5), Merge.DEFAULT, 50),
      key("labels", Shape.LABELS, Service::labels, Service.Builder::putAllLabels, Swarm.since(0), Merge.KEY_VALUE, 52),
      key("label_file", Shape.STRING_OR_LIST, Service::labelFile, Service.Builder::addAllLabelFile, COMPOSE_ONLY, Merge.DEFAULT, 51),
      key("links", Shape.STRINGS, Service::links, Service.Builder::addAllLinks, Swarm.since(0), Merge.UNIQUE_TEXT, 53),
      key("logging", Shape.COMPLEX, Service::logging, Service.Builder::logging, Swarm.since(0), Merge.LOGGING, 54),
      key("mac_address", Shape.STRING, Service::macAddress, Service.Builder::macAddress, Swarm.since(0), Merge.DEFAULT, 55),
      key("mem_limit", Shape.SIZE, Service::memLimit, Service.Builder::memLimit, Swarm.no("use deploy.resources.limits.memory"), Merge.DEFAULT, 56),
      key("mem_reservation", Shape.SIZE, Service::memReservation, Service.Builder::memReservation, Swarm.no("use deploy.resources.reservations.memory"), Merge.DEFAULT, 57),
      key("mem_swappiness", Shape.INT, Service::memSwappiness, Service.Builder::memSwappiness, COMPOSE_ONLY, Merge.DEFAULT, 58),
      key("memswap_limit", Shape.SIZE, Service::memswapLimit, Service.Builder::memswapLimit, COMPOSE_ONLY, Merge.DEFAULT, 59),
      key("models", Shape.COMPLEX, Service::models, Service.Builder::putAllModels, COMPOSE_ONLY, Merge.DEFAULT, 60),
      key("network_mode", Shape.STRING, Service::networkMode, Service.Builder::networkMode, Swarm.since(0), Merge.DEFAULT, 61),
      key("networks", Shape.COMPLEX, Service::networks, Service.Builder::putAllNetworks, Swarm.since(0), Merge.AS_MAPPING, 8),
      key("oom_kill_disable", Shape.BOOL, Service::oomKillDisable, Service.Builder::oomKillDisable, COMPOSE_ONLY, Merge.DEFAULT, 62),
      key("oom_score_adj", Shape.INT, Service::oomScoreAdj, Service.Builder::oomScoreAdj, Swarm.since(13), Merge.DEFAULT, 63),
      key("pid", Shape.STRING, Service::pid, Service.Builder::pid, Swarm.since(0), Merge.DEFAULT, 64),
      key("pids_limit", Shape.LONG, Service::pidsLimit, Service.Builder::pidsLimit, Swarm.no("use deploy.resources.limits.pids"), Merge.DEFAULT, 65),
      key("platform", Shape.STRING, Service::platform, Service.Builder::platform, COMPOSE_ONLY, Merge.DEFAULT, 66),
      key("ports", Shape.COMPLEX, Service::ports, Service.Builder::addAllPorts, Swarm.since(0), Merge.UNIQUE_PORT, 7),
      key("post_start", Shape.COMPLEX, Service::postStart, Service.Builder::addAllPostStart, COMPOSE_ONLY, Merge.DEFAULT, 68),
      key("pre_start", Shape.COMPLEX, Service::preStart, Service.Builder::addAllPreStart, COMPOSE_ONLY, Merge.DEFAULT, 67),
      key("pre_stop", Shape.COMPLEX, Service::preStop, Service.Builder::addAllPreStop, COMPOSE_ONLY, Merge.DEFAULT, 69),
      key("privileged", Shape.BOOL, Service::privileged, Service.Builder::privileged, Swarm.since(0), Merge.DEFAULT, 70),
      key("profiles", Shape.STRINGS, Service::profiles, Service.Builder::addAllProfiles, Swarm.no("select services with compose4j convert --profile"), Merge.UNIQUE_TEXT, 71),
      key("provider", Shape.COMPLEX, Service::provider, Service.Builder::provider, COMPOSE_ONLY, Merge.DEFAULT, 72),
      key("pull_policy", Shape.STRING, Service::pullPolicy, Service.Builder::pullPolicy, COMPOSE_ONLY, Merge.DEFAULT, 73),
      key("pull_refresh_after", Shape.STRING, Service::pullRefreshAfter, Service.Builder::pullRefreshAfter, COMPOSE_ONLY, Merge.DEFAULT, 74),
      key("read_only", Shape.BOOL, Service::readOnly, Service.Builder::readOnly, Swarm.since(0), Merge.DEFAULT, 75),
      key("restart", Shape.STRING, Service::restart, Service.Builder::restart, Swarm.since(0), Merge.DEFAULT, 76),
      key("runtime", Shape.STRING, Service::runtime, Service.Builder::runtime, COMPOSE_ONLY, Merge.DEFAULT, 77),
      key("scale", Shape.INT, Service::scale, Service.Builder::scale, Swarm.no("use deploy.replicas"), Merge.DEFAULT, 78),
      key("secrets", Shape.COMPLEX, Service::secrets, Service.Builder::addAllSecrets, Swarm.since(1), Merge.UNIQUE_SECRET_TARGET, 10),
      key("security_opt", Shape.STRINGS, Service::securityOpt, Service.Builder::addAllSecurityOpt, Swarm.since(0), Merge.UNIQUE_TEXT, 79),
      key("shm_size", Shape.SIZE, Service::shmSize, Service.Builder::shmSize, Swarm.since(0), Merge.DEFAULT, 80),
      key("stdin_open", Shape.BOOL, Service::stdinOpen, Service.Builder::stdinOpen, Swarm.since(0), Merge.DEFAULT, 81),
      key("stop_grace_period", Shape.DURATION, Service::stopGracePeriod, Service.Builder::stopGracePeriod, Swarm.since(0), Merge.DEFAULT, 82),
      key("stop_signal", Shape.STRING, Service::stopSignal, Service.Builder::stopSignal, Swarm.since(0), Merge.DEFAULT, 83),
      key("storage_opt", Shape.STRING_MAP, Service::storageOpt, Service.Builder::putAllStorageOpt, COMPOSE_ONLY, Merge.DEFAULT, 84),
      key("sysctls", Shape.LABELS, Service::sysctls, Service.Builder::putAllSysctls, Swarm.since(0), Merge.KEY_VALUE, 85),
      key("tmpfs", Shape.STRING_OR_LIST, Service::tmpfs, Service.Builder::addAllTmpfs, Swarm.since(0), Merge.UNIQUE_TEXT, 86),
      key("tty", Shape.BOOL, Service::tty, Service.Builder::tty, Swarm.since(0), Merge.DEFAULT, 87),
      key("ulimits", Shape.COMPLEX, Service::ulimits, Service.Builder::putAllUlimits, Swarm.since(0), Merge.REPLACE_ENTRIES, 88),
      key("use_api_socket", Shape.BOOL, Service::useApiSocket, Service.Builder::useApiSocket, COMPOSE_ONLY, Merge.DEFAULT, 89),
      key("user", Shape.STRING, Service::user, Service.Builder::user, Swarm.since(0), Merge.DEFAULT, 90),
      key("userns_mode", Shape.STRING, Service::usernsMode, Service.Builder::usernsMode, Swarm.since(0), Merge.DEFAULT, 91),
      key("uts", Shape.STRING, Service::uts, Service.Builder::uts, COMPOSE_ONLY, Merge.DEFAULT, 92),
      key("volumes", Shape.COMPLEX, Service::volumes, Service.Builder::addAllVolumes, Swarm.since(0), Merge.UNIQUE_MOUNT_TARGET, 9),
      key("volumes_from", Shape.STRINGS, Service::volumesFrom, Service.Builder::addAllVolumesFrom, COMPOSE_ONLY, Merge.DEFAULT, 93),
      key("working_dir", Shape.STRING, Service::workingDir, Service.Builder::workingDir, Swarm.since(0), Merge.DEFAULT, 94)
);

  private static final List<Key<?>> CANONICAL =
      ALL.stream().sorted(Comparator.comparingInt(Key::order)).toList();

  private static final Map<String, Key<?>> BY_NAME = new LinkedHashMap<>();

  static {
    ALL.forEach(k -> BY_NAME.put(k.name(), k));
  }

  /** Returns every service key in the canonical order (the order the writer writes them in). */
  public static List<Key<?>> canonicalOrder() {
    return CANONICAL;
  }

  /** Returns the YAML names of every service key, in the order of {@link #ALL}. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** Returns the key with this YAML name. */
  public static Optional<Key<?>> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
