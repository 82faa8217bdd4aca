package io.compose4j.model;

import java.time.Duration;
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
 * {@code compose-yaml} all read these tables: adding a key is one row here, its two cases in its
 * type's {@code Access} (at the end of the file) and the model accessor (and, for a {@link
 * Shape#COMPLEX} value, its reader and writer). {@link NestedKeys} holds the tables of the objects
 * nested in these and of the stack's top level.
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
      List<String> n = new ArrayList<>(reading.size());
      for (Key<O, B, ?> k : reading) {
        n.add(k.name());
      }
      this.names = List.copyOf(n); // a loop, not a stream: see Rx
      rows.forEach(
          k -> {
            if (byName.put(k.name(), k) != null) {
              throw new IllegalStateException("two rows for the key " + k.name());
            }
          });
    }

    /** Returns the same rows, read in the order of a comparator (the service: by name). */
    Table<O, B> readBy(Comparator<Key<O, B, ?>> order) {
      List<Key<O, B, ?>> sorted = new ArrayList<>(rows);
      sorted.sort(order);
      return new Table<>(rows, sorted);
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

  /**
   * Reads and sets the keys of one model type by YAML name: the accessor and the setter of its
   * tables' rows, one switch per type. A method reference per row would be simpler to read, but
   * each is linked through {@code invokedynamic} at its first use, about 60 microseconds on Java 17
   * even from the start-up archive; the tables had 650 of them, 40 ms of every short run of the
   * CLI. A row without its case in both switches fails {@code ComposeKeysTest} (and any use of the
   * row).
   *
   * @param <O> the model type
   * @param <B> its builder
   */
  abstract static class Access<O, B> {
    /** Returns the value of the key with this YAML name in an object. */
    abstract Object get(String key, O object);

    /** Sets the key with this YAML name in a builder (for a collection: adds the values). */
    abstract void set(String key, B builder, Object value);

    /** Returns a row of a table of this type. */
    final Key<O, B, Object> key(String name, Shape shape, Swarm swarm, Merge merge) {
      Accessor<O, B> accessor = new Accessor<>(this, name);
      return new Key<>(name, shape, accessor, accessor, swarm, merge);
    }

    /** The error of a switch without a case for a key: its row has no accessor. */
    static IllegalStateException noCase(String key) {
      return new IllegalStateException("no accessor for the key " + key + " (add its cases)");
    }
  }

  /** The {@code get} and {@code set} of one row: its {@link Access} and its YAML name. */
  private static final class Accessor<O, B> implements Function<O, Object>, BiConsumer<B, Object> {
    private final Access<O, B> access;
    private final String key;

    Accessor(Access<O, B> access, String key) {
      this.access = access;
      this.key = key;
    }

    @Override
    public Object apply(O object) {
      return access.get(key, object);
    }

    @Override
    public void accept(B builder, Object value) {
      access.set(key, builder, value);
    }
  }

  private static final Access<Service, Service.Builder> SERVICE_ACCESS = new ServiceAccess();
  private static final Access<Deploy, Deploy.Builder> DEPLOY_ACCESS = new DeployAccess();
  private static final Access<Network, Network.Builder> NETWORK_ACCESS = new NetworkAccess();
  private static final Access<Volume, Volume.Builder> VOLUME_ACCESS = new VolumeAccess();
  private static final Access<Secret, Secret.Builder> SECRET_ACCESS = new SecretAccess();
  private static final Access<Config, Config.Builder> CONFIG_ACCESS = new ConfigAccess();

  private static Key<Service, Service.Builder, Object> service(
      String name, Shape shape, Swarm swarm, Merge merge) {
    return SERVICE_ACCESS.key(name, shape, swarm, merge);
  }

  private static Key<Deploy, Deploy.Builder, Object> deploy(
      String name, Shape shape, Swarm swarm, Merge merge) {
    return DEPLOY_ACCESS.key(name, shape, swarm, merge);
  }

  private static Key<Network, Network.Builder, Object> network(
      String name, Shape shape, Swarm swarm, Merge merge) {
    return NETWORK_ACCESS.key(name, shape, swarm, merge);
  }

  private static Key<Volume, Volume.Builder, Object> volume(
      String name, Shape shape, Swarm swarm, Merge merge) {
    return VOLUME_ACCESS.key(name, shape, swarm, merge);
  }

  private static Key<Secret, Secret.Builder, Object> secret(
      String name, Shape shape, Swarm swarm, Merge merge) {
    return SECRET_ACCESS.key(name, shape, swarm, merge);
  }

  private static Key<Config, Config.Builder, Object> config(
      String name, Shape shape, Swarm swarm, Merge merge) {
    return CONFIG_ACCESS.key(name, shape, swarm, merge);
  }

  private static final Swarm ANY = Swarm.since(0);

  /**
   * A service key's place in the reader's order: its name, {@code label_file} right after {@code
   * labels}. (A comparator written out: {@code Comparator.comparing} links a lambda of the JDK's at
   * every start.)
   */
  private static String readingName(Key<?, ?, ?> k) {
    return k.name().equals("label_file") ? "labels~" : k.name();
  }

  // spotless:off (the tables keep one row per key, as a table reads best)
  /** The keys of a service, in the canonical order; read by name (see below). */
  public static final Table<Service, Service.Builder> SERVICE = new Table<>(List.of(
      service("image", Shape.STRING, ANY, Merge.DEFAULT),
      service("build", Shape.COMPLEX, ANY, Merge.BUILD),
      service("command", Shape.COMPLEX, ANY, Merge.REPLACE),
      service("entrypoint", Shape.COMPLEX, ANY, Merge.REPLACE),
      service("environment", Shape.ENVIRONMENT, ANY, Merge.KEY_VALUE),
      service("env_file", Shape.COMPLEX, ANY, Merge.UNIQUE_ENV_FILE),
      service("ports", Shape.COMPLEX, ANY, Merge.UNIQUE_PORT),
      service("networks", Shape.COMPLEX, ANY, Merge.AS_MAPPING),
      service("volumes", Shape.COMPLEX, ANY, Merge.UNIQUE_MOUNT_TARGET),
      service("secrets", Shape.COMPLEX, Swarm.since(1), Merge.UNIQUE_SECRET_TARGET),
      service("configs", Shape.COMPLEX, Swarm.since(3), Merge.UNIQUE_CONFIG_TARGET),
      service("healthcheck", Shape.COMPLEX, ANY, Merge.DEFAULT),
      service("deploy", Shape.COMPLEX, ANY, Merge.DEFAULT),
      service("annotations", Shape.LABELS, COMPOSE_ONLY, Merge.KEY_VALUE),
      service("attach", Shape.BOOL, COMPOSE_ONLY, Merge.DEFAULT),
      service("blkio_config", Shape.COMPLEX, COMPOSE_ONLY, Merge.DEFAULT),
      service("cap_add", Shape.STRINGS, ANY, Merge.UNIQUE_TEXT),
      service("cap_drop", Shape.STRINGS, ANY, Merge.UNIQUE_TEXT),
      service("cgroup", Shape.STRING, COMPOSE_ONLY, Merge.DEFAULT),
      service("cgroup_parent", Shape.STRING, ANY, Merge.DEFAULT),
      service("cgroupns_mode", Shape.STRING, Swarm.since(9), Merge.DEFAULT),
      service("container_name", Shape.STRING, ANY, Merge.DEFAULT),
      service("cpu_count", Shape.LONG, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_percent", Shape.LONG, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_period", Shape.LONG, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_quota", Shape.LONG, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_rt_period", Shape.TEXT, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_rt_runtime", Shape.TEXT, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpu_shares", Shape.LONG, COMPOSE_ONLY, Merge.DEFAULT),
      service("cpus", Shape.CPUS, Swarm.no("use deploy.resources.limits.cpus"), Merge.DEFAULT),
      service("cpuset", Shape.STRING, COMPOSE_ONLY, Merge.DEFAULT),
      service("credential_spec", Shape.COMPLEX, Swarm.since(3), Merge.DEFAULT),
      service("depends_on", Shape.COMPLEX, ANY, Merge.AS_MAPPING),
      service("develop", Shape.COMPLEX, COMPOSE_ONLY, Merge.DEFAULT),
      service("device_cgroup_rules", Shape.STRINGS, COMPOSE_ONLY, Merge.DEFAULT),
      service("devices", Shape.COMPLEX, ANY, Merge.UNIQUE_DEVICE_TARGET),
      service("dns", Shape.STRING_OR_LIST, ANY, Merge.UNIQUE_TEXT),
      service("dns_opt", Shape.STRINGS, COMPOSE_ONLY, Merge.UNIQUE_TEXT),
      service("dns_search", Shape.STRING_OR_LIST, ANY, Merge.UNIQUE_TEXT),
      service("domainname", Shape.STRING, ANY, Merge.DEFAULT),
      service("expose", Shape.TEXTS, ANY, Merge.UNIQUE_TEXT),
      service("extends", Shape.COMPLEX, Swarm.no("resolve extends first (compose4j convert)"), Merge.DEFAULT),
      service("external_links", Shape.STRINGS, ANY, Merge.DEFAULT),
      service("extra_hosts", Shape.HOSTS, ANY, Merge.HOSTS),
      service("gpus", Shape.RAW, COMPOSE_ONLY, Merge.DEFAULT),
      service("group_add", Shape.TEXTS, COMPOSE_ONLY, Merge.UNIQUE_TEXT),
      service("hostname", Shape.STRING, ANY, Merge.DEFAULT),
      service("init", Shape.BOOL, Swarm.since(7), Merge.DEFAULT),
      service("ipc", Shape.STRING, ANY, Merge.DEFAULT),
      service("isolation", Shape.STRING, Swarm.since(5), Merge.DEFAULT),
      service("label_file", Shape.STRING_OR_LIST, COMPOSE_ONLY, Merge.DEFAULT),
      service("labels", Shape.LABELS, ANY, Merge.KEY_VALUE),
      service("links", Shape.STRINGS, ANY, Merge.UNIQUE_TEXT),
      service("logging", Shape.COMPLEX, ANY, Merge.LOGGING),
      service("mac_address", Shape.STRING, ANY, Merge.DEFAULT),
      service("mem_limit", Shape.SIZE, Swarm.no("use deploy.resources.limits.memory"), Merge.DEFAULT),
      service("mem_reservation", Shape.SIZE, Swarm.no("use deploy.resources.reservations.memory"), Merge.DEFAULT),
      service("mem_swappiness", Shape.INT, COMPOSE_ONLY, Merge.DEFAULT),
      service("memswap_limit", Shape.SIZE, COMPOSE_ONLY, Merge.DEFAULT),
      service("models", Shape.COMPLEX, COMPOSE_ONLY, Merge.DEFAULT),
      service("network_mode", Shape.STRING, ANY, Merge.DEFAULT),
      service("oom_kill_disable", Shape.BOOL, COMPOSE_ONLY, Merge.DEFAULT),
      service("oom_score_adj", Shape.INT, Swarm.since(13), Merge.DEFAULT),
      service("pid", Shape.STRING, ANY, Merge.DEFAULT),
      service("pids_limit", Shape.LONG, Swarm.no("use deploy.resources.limits.pids"), Merge.DEFAULT),
      service("platform", Shape.STRING, COMPOSE_ONLY, Merge.DEFAULT),
      service("pre_start", Shape.COMPLEX, COMPOSE_ONLY, Merge.DEFAULT),
      service("post_start", Shape.COMPLEX, COMPOSE_ONLY, Merge.DEFAULT),
      service("pre_stop", Shape.COMPLEX, COMPOSE_ONLY, Merge.DEFAULT),
      service("privileged", Shape.BOOL, ANY, Merge.DEFAULT),
      service("profiles", Shape.STRINGS, Swarm.no("select services with compose4j convert --profile"), Merge.UNIQUE_TEXT),
      service("provider", Shape.COMPLEX, COMPOSE_ONLY, Merge.DEFAULT),
      service("pull_policy", Shape.STRING, COMPOSE_ONLY, Merge.DEFAULT),
      service("pull_refresh_after", Shape.STRING, COMPOSE_ONLY, Merge.DEFAULT),
      service("read_only", Shape.BOOL, ANY, Merge.DEFAULT),
      service("restart", Shape.STRING, ANY, Merge.DEFAULT),
      service("runtime", Shape.STRING, COMPOSE_ONLY, Merge.DEFAULT),
      service("scale", Shape.INT, Swarm.no("use deploy.replicas"), Merge.DEFAULT),
      service("security_opt", Shape.STRINGS, ANY, Merge.UNIQUE_TEXT),
      service("shm_size", Shape.SIZE, ANY, Merge.DEFAULT),
      service("stdin_open", Shape.BOOL, ANY, Merge.DEFAULT),
      service("stop_grace_period", Shape.DURATION, ANY, Merge.DEFAULT),
      service("stop_signal", Shape.STRING, ANY, Merge.DEFAULT),
      service("storage_opt", Shape.STRING_MAP, COMPOSE_ONLY, Merge.DEFAULT),
      service("sysctls", Shape.LABELS, ANY, Merge.KEY_VALUE),
      service("tmpfs", Shape.STRING_OR_LIST, ANY, Merge.UNIQUE_TEXT),
      service("tty", Shape.BOOL, ANY, Merge.DEFAULT),
      service("ulimits", Shape.COMPLEX, ANY, Merge.REPLACE_ENTRIES),
      service("use_api_socket", Shape.BOOL, COMPOSE_ONLY, Merge.DEFAULT),
      service("user", Shape.STRING, ANY, Merge.DEFAULT),
      service("userns_mode", Shape.STRING, ANY, Merge.DEFAULT),
      service("uts", Shape.STRING, COMPOSE_ONLY, Merge.DEFAULT),
      service("volumes_from", Shape.STRINGS, COMPOSE_ONLY, Merge.DEFAULT),
      service("working_dir", Shape.STRING, ANY, Merge.DEFAULT)))
      // read by name, label_file right after labels: the reader has always listed it there (the
      // allowed keys of an unknown-key error)
      .readBy((a, b) -> readingName(a).compareTo(readingName(b)));

  /** The keys of {@code deploy}, in the canonical order; read in the order the reader always had. */
  public static final Table<Deploy, Deploy.Builder> DEPLOY = new Table<>(List.of(
      deploy("mode", Shape.STRING, ANY, Merge.DEFAULT),
      deploy("replicas", Shape.LONG, ANY, Merge.DEFAULT),
      deploy("endpoint_mode", Shape.STRING, Swarm.since(2), Merge.DEFAULT),
      deploy("placement", Shape.COMPLEX, ANY, Merge.DEFAULT),
      deploy("resources", Shape.COMPLEX, ANY, Merge.DEFAULT),
      deploy("update_config", Shape.COMPLEX, ANY, Merge.DEFAULT),
      deploy("rollback_config", Shape.COMPLEX, Swarm.since(7), Merge.DEFAULT),
      deploy("restart_policy", Shape.COMPLEX, ANY, Merge.DEFAULT),
      deploy("labels", Shape.LABELS, ANY, Merge.KEY_VALUE)))
      .readIn("mode", "replicas", "labels", "update_config", "rollback_config", "resources", "restart_policy",
          "placement", "endpoint_mode");

  /** The keys of a top-level network. */
  public static final Table<Network, Network.Builder> NETWORK = new Table<>(List.of(
      network("name", Shape.STRING, Swarm.since(5), Merge.DEFAULT),
      network("driver", Shape.STRING, ANY, Merge.DEFAULT),
      network("driver_opts", Shape.STRING_MAP, ANY, Merge.KEY_VALUE),
      network("ipam", Shape.COMPLEX, ANY, Merge.DEFAULT),
      network("external", Shape.EXTERNAL, ANY, Merge.DEFAULT),
      network("internal", Shape.BOOL, ANY, Merge.DEFAULT),
      network("attachable", Shape.BOOL, Swarm.since(2), Merge.DEFAULT),
      network("enable_ipv4", Shape.BOOL, COMPOSE_ONLY, Merge.DEFAULT),
      network("enable_ipv6", Shape.BOOL, COMPOSE_ONLY, Merge.DEFAULT),
      network("labels", Shape.LABELS, ANY, Merge.KEY_VALUE)));

  /** The keys of a top-level volume. */
  public static final Table<Volume, Volume.Builder> VOLUME = new Table<>(List.of(
      volume("name", Shape.STRING, Swarm.since(4), Merge.DEFAULT),
      volume("driver", Shape.STRING, ANY, Merge.DEFAULT),
      volume("driver_opts", Shape.STRING_MAP, ANY, Merge.KEY_VALUE),
      volume("external", Shape.EXTERNAL, ANY, Merge.DEFAULT),
      volume("labels", Shape.LABELS, ANY, Merge.KEY_VALUE)));

  /** The keys of a top-level secret. */
  public static final Table<Secret, Secret.Builder> SECRET = new Table<>(List.of(
      secret("name", Shape.STRING, Swarm.since(5), Merge.DEFAULT),
      secret("file", Shape.PATH, ANY, Merge.DEFAULT),
      secret("environment", Shape.STRING, Swarm.no("write the value to a file and use 'file', or create the secret with docker secret create"), Merge.DEFAULT),
      secret("external", Shape.EXTERNAL_OPEN, ANY, Merge.DEFAULT),
      secret("labels", Shape.LABELS, ANY, Merge.KEY_VALUE),
      secret("driver", Shape.STRING, Swarm.since(8), Merge.DEFAULT),
      secret("driver_opts", Shape.STRING_MAP, Swarm.since(8), Merge.DEFAULT),
      secret("template_driver", Shape.STRING, Swarm.since(8), Merge.DEFAULT)));

  /** The keys of a top-level config. */
  public static final Table<Config, Config.Builder> CONFIG = new Table<>(List.of(
      config("name", Shape.STRING, Swarm.since(5), Merge.DEFAULT),
      config("file", Shape.PATH, ANY, Merge.DEFAULT),
      config("content", Shape.STRING, Swarm.no("write the content to a file and use 'file'"), Merge.DEFAULT),
      config("environment", Shape.STRING, Swarm.no("write the value to a file and use 'file'"), Merge.DEFAULT),
      config("external", Shape.EXTERNAL_OPEN, ANY, Merge.DEFAULT),
      config("labels", Shape.LABELS, ANY, Merge.KEY_VALUE),
      config("template_driver", Shape.STRING, Swarm.since(8), Merge.DEFAULT)));
  // spotless:on

  /** The accessors of the keys of {@link Service}. */
  private static final class ServiceAccess extends Access<Service, Service.Builder> {
    @Override
    Object get(String key, Service o) {
      return switch (key) {
        case "image" -> o.image();
        case "build" -> o.build();
        case "command" -> o.command();
        case "entrypoint" -> o.entrypoint();
        case "environment" -> o.environment();
        case "env_file" -> o.envFile();
        case "ports" -> o.ports();
        case "networks" -> o.networks();
        case "volumes" -> o.volumes();
        case "secrets" -> o.secrets();
        case "configs" -> o.configs();
        case "healthcheck" -> o.healthcheck();
        case "deploy" -> o.deploy();
        case "annotations" -> o.annotations();
        case "attach" -> o.attach();
        case "blkio_config" -> o.blkioConfig();
        case "cap_add" -> o.capAdd();
        case "cap_drop" -> o.capDrop();
        case "cgroup" -> o.cgroup();
        case "cgroup_parent" -> o.cgroupParent();
        case "cgroupns_mode" -> o.cgroupnsMode();
        case "container_name" -> o.containerName();
        case "cpu_count" -> o.cpuCount();
        case "cpu_percent" -> o.cpuPercent();
        case "cpu_period" -> o.cpuPeriod();
        case "cpu_quota" -> o.cpuQuota();
        case "cpu_rt_period" -> o.cpuRtPeriod();
        case "cpu_rt_runtime" -> o.cpuRtRuntime();
        case "cpu_shares" -> o.cpuShares();
        case "cpus" -> o.cpus();
        case "cpuset" -> o.cpuset();
        case "credential_spec" -> o.credentialSpec();
        case "depends_on" -> o.dependsOn();
        case "develop" -> o.develop();
        case "device_cgroup_rules" -> o.deviceCgroupRules();
        case "devices" -> o.devices();
        case "dns" -> o.dns();
        case "dns_opt" -> o.dnsOpt();
        case "dns_search" -> o.dnsSearch();
        case "domainname" -> o.domainname();
        case "expose" -> o.expose();
        case "extends" -> o.extendsService();
        case "external_links" -> o.externalLinks();
        case "extra_hosts" -> o.extraHosts();
        case "gpus" -> o.gpus();
        case "group_add" -> o.groupAdd();
        case "hostname" -> o.hostname();
        case "init" -> o.init();
        case "ipc" -> o.ipc();
        case "isolation" -> o.isolation();
        case "label_file" -> o.labelFile();
        case "labels" -> o.labels();
        case "links" -> o.links();
        case "logging" -> o.logging();
        case "mac_address" -> o.macAddress();
        case "mem_limit" -> o.memLimit();
        case "mem_reservation" -> o.memReservation();
        case "mem_swappiness" -> o.memSwappiness();
        case "memswap_limit" -> o.memswapLimit();
        case "models" -> o.models();
        case "network_mode" -> o.networkMode();
        case "oom_kill_disable" -> o.oomKillDisable();
        case "oom_score_adj" -> o.oomScoreAdj();
        case "pid" -> o.pid();
        case "pids_limit" -> o.pidsLimit();
        case "platform" -> o.platform();
        case "pre_start" -> o.preStart();
        case "post_start" -> o.postStart();
        case "pre_stop" -> o.preStop();
        case "privileged" -> o.privileged();
        case "profiles" -> o.profiles();
        case "provider" -> o.provider();
        case "pull_policy" -> o.pullPolicy();
        case "pull_refresh_after" -> o.pullRefreshAfter();
        case "read_only" -> o.readOnly();
        case "restart" -> o.restart();
        case "runtime" -> o.runtime();
        case "scale" -> o.scale();
        case "security_opt" -> o.securityOpt();
        case "shm_size" -> o.shmSize();
        case "stdin_open" -> o.stdinOpen();
        case "stop_grace_period" -> o.stopGracePeriod();
        case "stop_signal" -> o.stopSignal();
        case "storage_opt" -> o.storageOpt();
        case "sysctls" -> o.sysctls();
        case "tmpfs" -> o.tmpfs();
        case "tty" -> o.tty();
        case "ulimits" -> o.ulimits();
        case "use_api_socket" -> o.useApiSocket();
        case "user" -> o.user();
        case "userns_mode" -> o.usernsMode();
        case "uts" -> o.uts();
        case "volumes_from" -> o.volumesFrom();
        case "working_dir" -> o.workingDir();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Service.Builder b, Object v) {
      switch (key) {
        case "image" -> b.image((Optional<String>) v);
        case "build" -> b.build((Optional<Build>) v);
        case "command" -> b.command((Optional<List<String>>) v);
        case "entrypoint" -> b.entrypoint((Optional<List<String>>) v);
        case "environment" -> b.putAllEnvironment((Map<String, Optional<String>>) v);
        case "env_file" -> b.addAllEnvFile((List<EnvFile>) v);
        case "ports" -> b.addAllPorts((List<PortMapping>) v);
        case "networks" -> b.putAllNetworks((Map<String, ServiceNetwork>) v);
        case "volumes" -> b.addAllVolumes((List<Mount>) v);
        case "secrets" -> b.addAllSecrets((List<ServiceSecret>) v);
        case "configs" -> b.addAllConfigs((List<ServiceConfig>) v);
        case "healthcheck" -> b.healthcheck((Optional<Healthcheck>) v);
        case "deploy" -> b.deploy((Optional<Deploy>) v);
        case "annotations" -> b.putAllAnnotations((Map<String, String>) v);
        case "attach" -> b.attach((Optional<Boolean>) v);
        case "blkio_config" -> b.blkioConfig((Optional<BlkioConfig>) v);
        case "cap_add" -> b.addAllCapAdd((List<String>) v);
        case "cap_drop" -> b.addAllCapDrop((List<String>) v);
        case "cgroup" -> b.cgroup((Optional<String>) v);
        case "cgroup_parent" -> b.cgroupParent((Optional<String>) v);
        case "cgroupns_mode" -> b.cgroupnsMode((Optional<String>) v);
        case "container_name" -> b.containerName((Optional<String>) v);
        case "cpu_count" -> b.cpuCount((OptionalLong) v);
        case "cpu_percent" -> b.cpuPercent((OptionalLong) v);
        case "cpu_period" -> b.cpuPeriod((OptionalLong) v);
        case "cpu_quota" -> b.cpuQuota((OptionalLong) v);
        case "cpu_rt_period" -> b.cpuRtPeriod((Optional<String>) v);
        case "cpu_rt_runtime" -> b.cpuRtRuntime((Optional<String>) v);
        case "cpu_shares" -> b.cpuShares((OptionalLong) v);
        case "cpus" -> b.cpus((Optional<Cpus>) v);
        case "cpuset" -> b.cpuset((Optional<String>) v);
        case "credential_spec" -> b.credentialSpec((Optional<CredentialSpec>) v);
        case "depends_on" -> b.addAllDependsOn((List<DependsOn>) v);
        case "develop" -> b.develop((Optional<Develop>) v);
        case "device_cgroup_rules" -> b.addAllDeviceCgroupRules((List<String>) v);
        case "devices" -> b.addAllDevices((List<Device>) v);
        case "dns" -> b.addAllDns((List<String>) v);
        case "dns_opt" -> b.addAllDnsOpt((List<String>) v);
        case "dns_search" -> b.addAllDnsSearch((List<String>) v);
        case "domainname" -> b.domainname((Optional<String>) v);
        case "expose" -> b.addAllExpose((List<String>) v);
        case "extends" -> b.extendsService((Optional<Extends>) v);
        case "external_links" -> b.addAllExternalLinks((List<String>) v);
        case "extra_hosts" -> b.addAllExtraHosts((List<String>) v);
        case "gpus" -> b.gpus((Optional<RawValue>) v);
        case "group_add" -> b.addAllGroupAdd((List<String>) v);
        case "hostname" -> b.hostname((Optional<String>) v);
        case "init" -> b.init((Optional<Boolean>) v);
        case "ipc" -> b.ipc((Optional<String>) v);
        case "isolation" -> b.isolation((Optional<String>) v);
        case "label_file" -> b.addAllLabelFile((List<String>) v);
        case "labels" -> b.putAllLabels((Map<String, String>) v);
        case "links" -> b.addAllLinks((List<String>) v);
        case "logging" -> b.logging((Optional<Logging>) v);
        case "mac_address" -> b.macAddress((Optional<String>) v);
        case "mem_limit" -> b.memLimit((Optional<ByteSize>) v);
        case "mem_reservation" -> b.memReservation((Optional<ByteSize>) v);
        case "mem_swappiness" -> b.memSwappiness((OptionalInt) v);
        case "memswap_limit" -> b.memswapLimit((Optional<ByteSize>) v);
        case "models" -> b.putAllModels((Map<String, ServiceModel>) v);
        case "network_mode" -> b.networkMode((Optional<String>) v);
        case "oom_kill_disable" -> b.oomKillDisable((Optional<Boolean>) v);
        case "oom_score_adj" -> b.oomScoreAdj((OptionalInt) v);
        case "pid" -> b.pid((Optional<String>) v);
        case "pids_limit" -> b.pidsLimit((OptionalLong) v);
        case "platform" -> b.platform((Optional<String>) v);
        case "pre_start" -> b.addAllPreStart((List<ServiceHook>) v);
        case "post_start" -> b.addAllPostStart((List<ServiceHook>) v);
        case "pre_stop" -> b.addAllPreStop((List<ServiceHook>) v);
        case "privileged" -> b.privileged((Optional<Boolean>) v);
        case "profiles" -> b.addAllProfiles((List<String>) v);
        case "provider" -> b.provider((Optional<Provider>) v);
        case "pull_policy" -> b.pullPolicy((Optional<String>) v);
        case "pull_refresh_after" -> b.pullRefreshAfter((Optional<String>) v);
        case "read_only" -> b.readOnly((Optional<Boolean>) v);
        case "restart" -> b.restart((Optional<String>) v);
        case "runtime" -> b.runtime((Optional<String>) v);
        case "scale" -> b.scale((OptionalInt) v);
        case "security_opt" -> b.addAllSecurityOpt((List<String>) v);
        case "shm_size" -> b.shmSize((Optional<ByteSize>) v);
        case "stdin_open" -> b.stdinOpen((Optional<Boolean>) v);
        case "stop_grace_period" -> b.stopGracePeriod((Optional<Duration>) v);
        case "stop_signal" -> b.stopSignal((Optional<String>) v);
        case "storage_opt" -> b.putAllStorageOpt((Map<String, String>) v);
        case "sysctls" -> b.putAllSysctls((Map<String, String>) v);
        case "tmpfs" -> b.addAllTmpfs((List<String>) v);
        case "tty" -> b.tty((Optional<Boolean>) v);
        case "ulimits" -> b.putAllUlimits((Map<String, Ulimit>) v);
        case "use_api_socket" -> b.useApiSocket((Optional<Boolean>) v);
        case "user" -> b.user((Optional<String>) v);
        case "userns_mode" -> b.usernsMode((Optional<String>) v);
        case "uts" -> b.uts((Optional<String>) v);
        case "volumes_from" -> b.addAllVolumesFrom((List<String>) v);
        case "working_dir" -> b.workingDir((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Deploy}. */
  private static final class DeployAccess extends Access<Deploy, Deploy.Builder> {
    @Override
    Object get(String key, Deploy o) {
      return switch (key) {
        case "mode" -> o.mode();
        case "replicas" -> o.replicas();
        case "endpoint_mode" -> o.endpointMode();
        case "placement" -> o.placement();
        case "resources" -> o.resources();
        case "update_config" -> o.updateConfig();
        case "rollback_config" -> o.rollbackConfig();
        case "restart_policy" -> o.restartPolicy();
        case "labels" -> o.labels();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Deploy.Builder b, Object v) {
      switch (key) {
        case "mode" -> b.mode((Optional<String>) v);
        case "replicas" -> b.replicas((OptionalLong) v);
        case "endpoint_mode" -> b.endpointMode((Optional<String>) v);
        case "placement" -> b.placement((Optional<Placement>) v);
        case "resources" -> b.resources((Optional<Resources>) v);
        case "update_config" -> b.updateConfig((Optional<UpdateConfig>) v);
        case "rollback_config" -> b.rollbackConfig((Optional<RollbackConfig>) v);
        case "restart_policy" -> b.restartPolicy((Optional<RestartPolicy>) v);
        case "labels" -> b.putAllLabels((Map<String, String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Network}. */
  private static final class NetworkAccess extends Access<Network, Network.Builder> {
    @Override
    Object get(String key, Network o) {
      return switch (key) {
        case "name" -> o.name();
        case "driver" -> o.driver();
        case "driver_opts" -> o.driverOpts();
        case "ipam" -> o.ipam();
        case "external" -> o.external();
        case "internal" -> o.internal();
        case "attachable" -> o.attachable();
        case "enable_ipv4" -> o.enableIpv4();
        case "enable_ipv6" -> o.enableIpv6();
        case "labels" -> o.labels();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Network.Builder b, Object v) {
      switch (key) {
        case "name" -> b.name((Optional<String>) v);
        case "driver" -> b.driver((Optional<String>) v);
        case "driver_opts" -> b.putAllDriverOpts((Map<String, String>) v);
        case "ipam" -> b.ipam((Optional<Ipam>) v);
        case "external" -> b.external((Optional<Boolean>) v);
        case "internal" -> b.internal((Optional<Boolean>) v);
        case "attachable" -> b.attachable((Optional<Boolean>) v);
        case "enable_ipv4" -> b.enableIpv4((Optional<Boolean>) v);
        case "enable_ipv6" -> b.enableIpv6((Optional<Boolean>) v);
        case "labels" -> b.putAllLabels((Map<String, String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Volume}. */
  private static final class VolumeAccess extends Access<Volume, Volume.Builder> {
    @Override
    Object get(String key, Volume o) {
      return switch (key) {
        case "name" -> o.name();
        case "driver" -> o.driver();
        case "driver_opts" -> o.driverOpts();
        case "external" -> o.external();
        case "labels" -> o.labels();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Volume.Builder b, Object v) {
      switch (key) {
        case "name" -> b.name((Optional<String>) v);
        case "driver" -> b.driver((Optional<String>) v);
        case "driver_opts" -> b.putAllDriverOpts((Map<String, String>) v);
        case "external" -> b.external((Optional<Boolean>) v);
        case "labels" -> b.putAllLabels((Map<String, String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Secret}. */
  private static final class SecretAccess extends Access<Secret, Secret.Builder> {
    @Override
    Object get(String key, Secret o) {
      return switch (key) {
        case "name" -> o.name();
        case "file" -> o.file();
        case "environment" -> o.environment();
        case "external" -> o.external();
        case "labels" -> o.labels();
        case "driver" -> o.driver();
        case "driver_opts" -> o.driverOpts();
        case "template_driver" -> o.templateDriver();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Secret.Builder b, Object v) {
      switch (key) {
        case "name" -> b.name((Optional<String>) v);
        case "file" -> b.file((Optional<String>) v);
        case "environment" -> b.environment((Optional<String>) v);
        case "external" -> b.external((Optional<Boolean>) v);
        case "labels" -> b.putAllLabels((Map<String, String>) v);
        case "driver" -> b.driver((Optional<String>) v);
        case "driver_opts" -> b.putAllDriverOpts((Map<String, String>) v);
        case "template_driver" -> b.templateDriver((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Config}. */
  private static final class ConfigAccess extends Access<Config, Config.Builder> {
    @Override
    Object get(String key, Config o) {
      return switch (key) {
        case "name" -> o.name();
        case "file" -> o.file();
        case "content" -> o.content();
        case "environment" -> o.environment();
        case "external" -> o.external();
        case "labels" -> o.labels();
        case "template_driver" -> o.templateDriver();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Config.Builder b, Object v) {
      switch (key) {
        case "name" -> b.name((Optional<String>) v);
        case "file" -> b.file((Optional<String>) v);
        case "content" -> b.content((Optional<String>) v);
        case "environment" -> b.environment((Optional<String>) v);
        case "external" -> b.external((Optional<Boolean>) v);
        case "labels" -> b.putAllLabels((Map<String, String>) v);
        case "template_driver" -> b.templateDriver((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }
}
