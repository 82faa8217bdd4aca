package io.compose4j.model;

import io.compose4j.model.ComposeKeys.Access;
import io.compose4j.model.ComposeKeys.Merge;
import io.compose4j.model.ComposeKeys.Shape;
import io.compose4j.model.ComposeKeys.Swarm;
import io.compose4j.model.ComposeKeys.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The keys of the objects nested in a service, in {@code deploy} and in a top-level network, and of
 * the stack's top level: one {@link Table} per object, with the same columns as {@link ComposeKeys}
 * (YAML name, spelling, accessor and setter, 3.x version or Swarm hint, merge rule) and the rows in
 * the canonical order. The reader takes its allowed keys from here, the writer its order, {@link
 * SwarmFormat} the versions and the keys the 3.x format lacks, and the merger of {@code
 * compose-yaml} the merge rules. A {@link Swarm} here is relative to its object: a key {@link
 * Swarm#since(int) since(0)} is allowed wherever its object is.
 */
public final class NestedKeys {
  private NestedKeys() {}

  private static final Swarm ANY = Swarm.since(0);

  private static final Swarm COMPOSE_ONLY = ComposeKeys.COMPOSE_ONLY;

  /** The rows of one table in order, with the accessors of its model type. */
  private static final class Rows<O, B> {
    private final ComposeKeys.Access<O, B> access;
    private final List<ComposeKeys.Key<O, B, ?>> rows = new ArrayList<>();

    Rows(ComposeKeys.Access<O, B> access) {
      this.access = access;
    }

    Rows<O, B> key(String name, Shape shape, Swarm swarm, Merge merge) {
      rows.add(access.key(name, shape, swarm, merge));
      return this;
    }

    Rows<O, B> key(String name, Shape shape, Swarm swarm) {
      return key(name, shape, swarm, Merge.DEFAULT);
    }

    Table<O, B> table() {
      return new Table<>(rows);
    }
  }

  private static final String SUBNET_ONLY = "the 3.x format allows only 'subnet' in ipam.config";

  private static final String DEPENDENCIES_ONLY =
      "the 3.x format only lists dependencies (and docker stack deploy ignores them)";

  // spotless:off (the tables keep one row per key, as a table reads best)
  /** The stack's top level (its {@code x-*} keys aside). */
  public static final Table<Stack, Stack.Builder> STACK = new Rows<>(new StackAccess())
      .key("version", Shape.COMPLEX, ANY)
      .key("name", Shape.STRING, ANY)
      .key("include", Shape.COMPLEX, Swarm.no("merge the included files first (compose4j convert)"))
      .key("services", Shape.COMPLEX, ANY)
      .key("networks", Shape.COMPLEX, ANY)
      .key("volumes", Shape.COMPLEX, ANY)
      .key("secrets", Shape.COMPLEX, Swarm.since(1))
      .key("configs", Shape.COMPLEX, Swarm.since(3))
      .key("models", Shape.COMPLEX, Swarm.no("Swarm has no models"))
      .table();

  /** An entry of {@code include} in long syntax. */
  public static final Table<Include, Include.Builder> INCLUDE = new Rows<>(new IncludeAccess())
      .key("path", Shape.STRING_OR_LIST, ANY)
      .key("project_directory", Shape.STRING, ANY)
      .key("env_file", Shape.STRING_OR_LIST, ANY)
      .table();

  /** A service's {@code build} in long syntax. */
  public static final Table<Build, Build.Builder> BUILD = new Rows<>(new BuildAccess())
      .key("context", Shape.STRING, ANY)
      .key("dockerfile", Shape.STRING, ANY)
      .key("dockerfile_inline", Shape.STRING, Swarm.since(11))
      .key("args", Shape.ENVIRONMENT, ANY, Merge.KEY_VALUE)
      .key("ssh", Shape.COMPLEX, Swarm.since(11))
      .key("labels", Shape.LABELS, Swarm.since(3), Merge.KEY_VALUE)
      .key("cache_from", Shape.STRINGS, Swarm.since(2), Merge.UNIQUE_TEXT)
      .key("cache_to", Shape.STRINGS, Swarm.since(11), Merge.UNIQUE_TEXT)
      .key("no_cache", Shape.BOOL, Swarm.since(11))
      .key("no_cache_filter", Shape.STRING_OR_LIST, Swarm.since(11))
      .key("additional_contexts", Shape.LABELS, Swarm.since(11), Merge.KEY_VALUE)
      .key("network", Shape.STRING, Swarm.since(4))
      .key("pull", Shape.BOOL, Swarm.since(11))
      .key("target", Shape.STRING, Swarm.since(4))
      .key("shm_size", Shape.SIZE, Swarm.since(5))
      .key("extra_hosts", Shape.HOSTS, Swarm.since(9))
      .key("isolation", Shape.STRING, Swarm.since(5))
      .key("privileged", Shape.BOOL, Swarm.since(11))
      .key("secrets", Shape.COMPLEX, Swarm.since(11))
      .key("tags", Shape.STRINGS, Swarm.since(11), Merge.UNIQUE_TEXT)
      .key("ulimits", Shape.COMPLEX, Swarm.since(11))
      .key("platforms", Shape.STRINGS, Swarm.since(11), Merge.UNIQUE_TEXT)
      .key("entitlements", Shape.STRINGS, Swarm.since(11))
      .key("provenance", Shape.TEXT, Swarm.since(11))
      .key("sbom", Shape.TEXT, Swarm.since(11))
      .table();

  /** A service's {@code healthcheck}. */
  public static final Table<Healthcheck, Healthcheck.Builder> HEALTHCHECK = new Rows<>(new HealthcheckAccess())
      .key("test", Shape.COMPLEX, ANY, Merge.REPLACE)
      .key("interval", Shape.DURATION, ANY)
      .key("timeout", Shape.DURATION, ANY)
      .key("retries", Shape.COMPLEX, ANY)
      .key("start_period", Shape.DURATION, Swarm.since(4))
      .key("start_interval", Shape.DURATION, Swarm.since(12))
      .key("disable", Shape.BOOL, ANY)
      .table();

  /** A service's {@code logging}. */
  public static final Table<Logging, Logging.Builder> LOGGING = new Rows<>(new LoggingAccess())
      .key("driver", Shape.STRING, ANY)
      .key("options", Shape.COMPLEX, ANY)
      .table();

  /** A service's {@code credential_spec}. */
  public static final Table<CredentialSpec, CredentialSpec.Builder> CREDENTIAL_SPEC = new Rows<>(new CredentialSpecAccess())
      .key("config", Shape.STRING, Swarm.since(8))
      .key("file", Shape.STRING, ANY)
      .key("registry", Shape.STRING, ANY)
      .table();

  /** A service's {@code extends} in long syntax. */
  public static final Table<Extends, Extends.Builder> EXTENDS = new Rows<>(new ExtendsAccess())
      .key("service", Shape.STRING, ANY)
      .key("file", Shape.STRING, ANY)
      .table();

  /** An entry of {@code env_file} in long syntax (the 3.x format has only the file names). */
  public static final Table<EnvFile, EnvFile.Builder> ENV_FILE = new Rows<>(new EnvFileAccess())
      .key("path", Shape.STRING, ANY)
      .key("required", Shape.BOOL, Swarm.no("the 3.x format requires every env_file to exist"))
      .key("format", Shape.STRING, Swarm.no("the 3.x format reads env files in the default format"))
      .table();

  /** A dependency of {@code depends_on} in long syntax (the 3.x format has only the names). */
  public static final Table<DependsOn, DependsOn.Builder> DEPENDS_ON = new Rows<>(new DependsOnAccess())
      .key("condition", Shape.STRING, Swarm.no(DEPENDENCIES_ONLY))
      .key("required", Shape.BOOL, Swarm.no(DEPENDENCIES_ONLY))
      .key("restart", Shape.BOOL, Swarm.no(DEPENDENCIES_ONLY))
      .table();

  /** A device of {@code devices} in long syntax. */
  public static final Table<Device, Device.Builder> DEVICE = new Rows<>(new DeviceAccess())
      .key("source", Shape.STRING, ANY)
      .key("target", Shape.STRING, ANY)
      .key("permissions", Shape.STRING, ANY)
      .table();

  /** A limit of {@code ulimits} (and {@code build.ulimits}) as a mapping. */
  public static final Table<Ulimit, Ulimit.Builder> ULIMIT = new Rows<>(new UlimitAccess())
      .key("soft", Shape.LONG, ANY)
      .key("hard", Shape.LONG, ANY)
      .table();

  /** A network of a service's {@code networks}; read in the order the reader always had. */
  public static final Table<ServiceNetwork, ServiceNetwork.Builder> SERVICE_NETWORK = new Rows<>(new ServiceNetworkAccess())
      .key("aliases", Shape.STRINGS, ANY, Merge.UNIQUE_TEXT)
      .key("ipv4_address", Shape.STRING, ANY)
      .key("ipv6_address", Shape.STRING, ANY)
      .key("driver_opts", Shape.STRING_MAP, Swarm.since(13))
      .key("link_local_ips", Shape.STRINGS, COMPOSE_ONLY, Merge.UNIQUE_TEXT)
      .key("mac_address", Shape.STRING, COMPOSE_ONLY)
      .key("priority", Shape.INT, COMPOSE_ONLY)
      .key("gw_priority", Shape.INT, COMPOSE_ONLY)
      .key("interface_name", Shape.STRING, COMPOSE_ONLY)
      .table()
      .readIn("aliases", "ipv4_address", "ipv6_address", "link_local_ips", "mac_address", "driver_opts", "priority", "gw_priority", "interface_name");

  /** A port of {@code ports} in long syntax. */
  public static final Table<PortMapping, PortMapping.Builder> PORT = new Rows<>(new PortMappingAccess())
      .key("target", Shape.COMPLEX, ANY)
      // a number, or a range or variable as text (which the 3.x format lacks: SwarmFormat decides)
      .key("published", Shape.COMPLEX, ANY)
      .key("host_ip", Shape.STRING, Swarm.no("Swarm publishes on every address; use mode: host to bind on the node only"))
      .key("protocol", Shape.STRING, ANY)
      .key("mode", Shape.STRING, ANY)
      .key("name", Shape.STRING, Swarm.no("port names are a Compose Specification key"))
      .key("app_protocol", Shape.STRING, Swarm.no("app_protocol is a Compose Specification key"))
      .table();

  /** A mount of {@code volumes} in long syntax. */
  public static final Table<Mount, Mount.Builder> MOUNT = new Rows<>(new MountAccess())
      .key("type", Shape.STRING, ANY)
      .key("source", Shape.STRING, ANY)
      .key("target", Shape.STRING, ANY)
      .key("read_only", Shape.BOOL, ANY)
      .key("consistency", Shape.STRING, ANY)
      .key("bind", Shape.COMPLEX, ANY)
      .key("volume", Shape.COMPLEX, ANY)
      .key("tmpfs", Shape.COMPLEX, ANY)
      .key("image", Shape.COMPLEX, COMPOSE_ONLY)
      .table();

  /** The {@code bind} options of a mount. */
  public static final Table<MountBind, MountBind.Builder> MOUNT_BIND = new Rows<>(new MountBindAccess())
      .key("propagation", Shape.STRING, ANY)
      .key("create_host_path", Shape.BOOL, COMPOSE_ONLY)
      .key("selinux", Shape.STRING, COMPOSE_ONLY)
      .key("recursive", Shape.STRING, COMPOSE_ONLY)
      .table();

  /** The {@code volume} options of a mount. */
  public static final Table<MountVolume, MountVolume.Builder> MOUNT_VOLUME = new Rows<>(new MountVolumeAccess())
      .key("nocopy", Shape.BOOL, ANY)
      .key("subpath", Shape.STRING, COMPOSE_ONLY)
      .key("labels", Shape.LABELS, COMPOSE_ONLY)
      .table();

  /** The {@code tmpfs} options of a mount (the size is written as a number of bytes). */
  public static final Table<MountTmpfs, MountTmpfs.Builder> MOUNT_TMPFS = new Rows<>(new MountTmpfsAccess())
      .key("size", Shape.COMPLEX, Swarm.since(6))
      .key("mode", Shape.COMPLEX, COMPOSE_ONLY)
      .table();

  /** The {@code image} options of a mount. */
  public static final Table<MountImage, MountImage.Builder> MOUNT_IMAGE = new Rows<>(new MountImageAccess())
      .key("subpath", Shape.STRING, ANY)
      .table();

  /** A secret of a service's {@code secrets} in long syntax. */
  public static final Table<ServiceSecret, ServiceSecret.Builder> SERVICE_SECRET = new Rows<>(new ServiceSecretAccess())
      .key("source", Shape.STRING, ANY)
      .key("target", Shape.STRING, ANY)
      .key("uid", Shape.TEXT, ANY)
      .key("gid", Shape.TEXT, ANY)
      .key("mode", Shape.COMPLEX, ANY)
      .table();

  /** A config of a service's {@code configs} in long syntax. */
  public static final Table<ServiceConfig, ServiceConfig.Builder> SERVICE_CONFIG = new Rows<>(new ServiceConfigAccess())
      .key("source", Shape.STRING, ANY)
      .key("target", Shape.STRING, ANY)
      .key("uid", Shape.TEXT, ANY)
      .key("gid", Shape.TEXT, ANY)
      .key("mode", Shape.COMPLEX, ANY)
      .table();

  /** {@code deploy.update_config}. */
  public static final Table<UpdateConfig, UpdateConfig.Builder> UPDATE_CONFIG = new Rows<>(new UpdateConfigAccess())
      .key("parallelism", Shape.LONG, ANY)
      .key("delay", Shape.DURATION, ANY)
      .key("failure_action", Shape.STRING, ANY)
      .key("monitor", Shape.DURATION, ANY)
      .key("max_failure_ratio", Shape.COMPLEX, ANY)
      .key("order", Shape.STRING, Swarm.since(4))
      .table();

  /** {@code deploy.rollback_config} (itself from 3.7, so its {@code order} needs nothing more). */
  public static final Table<RollbackConfig, RollbackConfig.Builder> ROLLBACK_CONFIG = new Rows<>(new RollbackConfigAccess())
      .key("parallelism", Shape.LONG, ANY)
      .key("delay", Shape.DURATION, ANY)
      .key("failure_action", Shape.STRING, ANY)
      .key("monitor", Shape.DURATION, ANY)
      .key("max_failure_ratio", Shape.COMPLEX, ANY)
      .key("order", Shape.STRING, ANY)
      .table();

  /** {@code deploy.restart_policy}. */
  public static final Table<RestartPolicy, RestartPolicy.Builder> RESTART_POLICY = new Rows<>(new RestartPolicyAccess())
      .key("condition", Shape.STRING, ANY)
      .key("delay", Shape.DURATION, ANY)
      .key("max_attempts", Shape.LONG, ANY)
      .key("window", Shape.DURATION, ANY)
      .table();

  /** {@code deploy.placement}. */
  public static final Table<Placement, Placement.Builder> PLACEMENT = new Rows<>(new PlacementAccess())
      .key("constraints", Shape.COMPLEX, ANY)
      .key("preferences", Shape.COMPLEX, Swarm.since(3))
      .key("max_replicas_per_node", Shape.LONG, Swarm.since(8))
      .table();

  /** A preference of {@code deploy.placement.preferences}. */
  public static final Table<PlacementPreference, PlacementPreference.Builder> PLACEMENT_PREFERENCE = new Rows<>(new PlacementPreferenceAccess())
      .key("spread", Shape.STRING, ANY)
      .table();

  /** {@code deploy.resources}. */
  public static final Table<Resources, Resources.Builder> RESOURCES = new Rows<>(new ResourcesAccess())
      .key("limits", Shape.COMPLEX, ANY)
      .key("reservations", Shape.COMPLEX, ANY)
      .table();

  /** {@code deploy.resources.limits} (cpus and memory also note a number written for a string). */
  public static final Table<Resource, Resource.Builder> LIMITS = new Rows<>(new ResourceAccess())
      .key("cpus", Shape.COMPLEX, ANY)
      .key("memory", Shape.COMPLEX, ANY)
      .key("pids", Shape.LONG, Swarm.since(9))
      .key("generic_resources", Shape.COMPLEX, ANY)
      .key("devices", Shape.COMPLEX, COMPOSE_ONLY)
      .table();

  /** {@code deploy.resources.reservations}: the keys of {@link #LIMITS}, other versions. */
  public static final Table<Resource, Resource.Builder> RESERVATIONS = new Rows<>(new ResourceAccess())
      .key("cpus", Shape.COMPLEX, ANY)
      .key("memory", Shape.COMPLEX, ANY)
      .key("pids", Shape.LONG, ANY)
      .key("generic_resources", Shape.COMPLEX, Swarm.since(5))
      .key("devices", Shape.COMPLEX, Swarm.no("GPU device requests are a Compose Specification key; use generic_resources for Swarm"))
      .table();

  /** The {@code discrete_resource_spec} of an entry of {@code generic_resources}. */
  public static final Table<GenericResource, GenericResource.Builder> DISCRETE_RESOURCE_SPEC = new Rows<>(new GenericResourceAccess())
      .key("kind", Shape.STRING, ANY)
      .key("value", Shape.LONG, ANY)
      .table();

  /** A device request of {@code resources.*.devices}. */
  public static final Table<DeviceRequest, DeviceRequest.Builder> DEVICE_REQUEST = new Rows<>(new DeviceRequestAccess())
      .key("capabilities", Shape.STRINGS, ANY)
      .key("count", Shape.TEXT, ANY)
      .key("device_ids", Shape.STRINGS, ANY)
      .key("driver", Shape.STRING, ANY)
      .key("options", Shape.LABELS, ANY)
      .table();

  /** A top-level network's {@code ipam}. */
  public static final Table<Ipam, Ipam.Builder> IPAM = new Rows<>(new IpamAccess())
      .key("driver", Shape.STRING, ANY)
      .key("config", Shape.COMPLEX, ANY)
      .key("options", Shape.STRING_MAP, COMPOSE_ONLY)
      .table();

  /** An entry of {@code ipam.config}. */
  public static final Table<IpamConfig, IpamConfig.Builder> IPAM_CONFIG = new Rows<>(new IpamConfigAccess())
      .key("subnet", Shape.STRING, ANY)
      .key("gateway", Shape.STRING, Swarm.no(SUBNET_ONLY))
      .key("ip_range", Shape.STRING, Swarm.no(SUBNET_ONLY))
      .key("aux_addresses", Shape.STRING_MAP, Swarm.no(SUBNET_ONLY))
      .table();

  /** A service's {@code blkio_config} (Compose only, as the service key). */
  public static final Table<BlkioConfig, BlkioConfig.Builder> BLKIO_CONFIG = new Rows<>(new BlkioConfigAccess())
      .key("weight", Shape.INT, ANY)
      .key("weight_device", Shape.COMPLEX, ANY)
      .key("device_read_bps", Shape.COMPLEX, ANY)
      .key("device_read_iops", Shape.COMPLEX, ANY)
      .key("device_write_bps", Shape.COMPLEX, ANY)
      .key("device_write_iops", Shape.COMPLEX, ANY)
      .table();

  /** An entry of {@code blkio_config.weight_device}. */
  public static final Table<BlkioWeight, BlkioWeight.Builder> BLKIO_WEIGHT = new Rows<>(new BlkioWeightAccess())
      .key("path", Shape.STRING, ANY)
      .key("weight", Shape.INT, ANY)
      .table();

  /** An entry of {@code blkio_config.device_read_bps} and the other three rate limits. */
  public static final Table<BlkioLimit, BlkioLimit.Builder> BLKIO_LIMIT = new Rows<>(new BlkioLimitAccess())
      .key("path", Shape.STRING, ANY)
      .key("rate", Shape.TEXT, ANY)
      .table();

  /** A service's {@code provider} (Compose only). */
  public static final Table<Provider, Provider.Builder> PROVIDER = new Rows<>(new ProviderAccess())
      .key("type", Shape.STRING, ANY)
      .key("options", Shape.COMPLEX, ANY)
      .table();

  /** A model of a service's {@code models} in long syntax (Compose only). */
  public static final Table<ServiceModel, ServiceModel.Builder> SERVICE_MODEL = new Rows<>(new ServiceModelAccess())
      .key("endpoint_var", Shape.STRING, ANY)
      .key("model_var", Shape.STRING, ANY)
      .table();

  /** A top-level model (Compose only, as {@code models}). */
  public static final Table<Model, Model.Builder> MODEL = new Rows<>(new ModelAccess())
      .key("model", Shape.STRING, ANY)
      .key("name", Shape.STRING, ANY)
      .key("context_size", Shape.LONG, ANY)
      .key("runtime_flags", Shape.STRINGS, ANY)
      .table();

  /** A service's {@code develop} (Compose only). */
  public static final Table<Develop, Develop.Builder> DEVELOP = new Rows<>(new DevelopAccess())
      .key("watch", Shape.COMPLEX, ANY)
      .table();

  /** A rule of {@code develop.watch}. */
  public static final Table<WatchRule, WatchRule.Builder> WATCH_RULE = new Rows<>(new WatchRuleAccess())
      .key("path", Shape.STRING, ANY)
      .key("action", Shape.STRING, ANY)
      .key("target", Shape.STRING, ANY)
      .key("ignore", Shape.STRING_OR_LIST, ANY)
      .key("include", Shape.STRING_OR_LIST, ANY)
      .key("initial_sync", Shape.BOOL, ANY)
      .key("exec", Shape.COMPLEX, ANY)
      .table();

  /** A hook of {@code pre_start} (Compose only); read in the order the reader always had. */
  public static final Table<ServiceHook, ServiceHook.Builder> HOOK = new Rows<>(new ServiceHookAccess())
      .key("image", Shape.STRING, ANY)
      .key("command", Shape.COMPLEX, ANY)
      .key("user", Shape.STRING, ANY)
      .key("privileged", Shape.BOOL, ANY)
      .key("working_dir", Shape.STRING, ANY)
      .key("environment", Shape.ENVIRONMENT, ANY)
      .key("per_replica", Shape.BOOL, ANY)
      .table()
      .readIn("command", "image", "user", "privileged", "working_dir", "environment", "per_replica");

  /**
   * A hook of {@code post_start} and {@code pre_stop}, and {@code develop.watch.exec}: the keys of
   * {@link #HOOK} but {@code image} and {@code per_replica}.
   */
  public static final Table<ServiceHook, ServiceHook.Builder> POST_START_HOOK = new Rows<>(new ServiceHookAccess())
      .key("command", Shape.COMPLEX, ANY)
      .key("user", Shape.STRING, ANY)
      .key("privileged", Shape.BOOL, ANY)
      .key("working_dir", Shape.STRING, ANY)
      .key("environment", Shape.ENVIRONMENT, ANY)
      .table();
  // spotless:on

  /** The accessors of the keys of {@link Stack}. */
  private static final class StackAccess extends Access<Stack, Stack.Builder> {
    @Override
    Object get(String key, Stack o) {
      return switch (key) {
        case "version" -> o.version();
        case "name" -> o.name();
        case "include" -> o.include();
        case "services" -> o.services();
        case "networks" -> o.networks();
        case "volumes" -> o.volumes();
        case "secrets" -> o.secrets();
        case "configs" -> o.configs();
        case "models" -> o.models();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Stack.Builder b, Object v) {
      switch (key) {
        case "version" -> b.version((Optional<String>) v);
        case "name" -> b.name((Optional<String>) v);
        case "include" -> b.addAllInclude((List<Include>) v);
        case "services" -> b.putAllServices((Map<String, Service>) v);
        case "networks" -> b.putAllNetworks((Map<String, Network>) v);
        case "volumes" -> b.putAllVolumes((Map<String, Volume>) v);
        case "secrets" -> b.putAllSecrets((Map<String, Secret>) v);
        case "configs" -> b.putAllConfigs((Map<String, Config>) v);
        case "models" -> b.putAllModels((Map<String, Model>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Include}. */
  private static final class IncludeAccess extends Access<Include, Include.Builder> {
    @Override
    Object get(String key, Include o) {
      return switch (key) {
        case "path" -> o.path();
        case "project_directory" -> o.projectDirectory();
        case "env_file" -> o.envFile();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Include.Builder b, Object v) {
      switch (key) {
        case "path" -> b.addAllPath((List<String>) v);
        case "project_directory" -> b.projectDirectory((Optional<String>) v);
        case "env_file" -> b.addAllEnvFile((List<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Build}. */
  private static final class BuildAccess extends Access<Build, Build.Builder> {
    @Override
    Object get(String key, Build o) {
      return switch (key) {
        case "context" -> o.context();
        case "dockerfile" -> o.dockerfile();
        case "dockerfile_inline" -> o.dockerfileInline();
        case "args" -> o.args();
        case "ssh" -> o.ssh();
        case "labels" -> o.labels();
        case "cache_from" -> o.cacheFrom();
        case "cache_to" -> o.cacheTo();
        case "no_cache" -> o.noCache();
        case "no_cache_filter" -> o.noCacheFilter();
        case "additional_contexts" -> o.additionalContexts();
        case "network" -> o.network();
        case "pull" -> o.pull();
        case "target" -> o.target();
        case "shm_size" -> o.shmSize();
        case "extra_hosts" -> o.extraHosts();
        case "isolation" -> o.isolation();
        case "privileged" -> o.privileged();
        case "secrets" -> o.secrets();
        case "tags" -> o.tags();
        case "ulimits" -> o.ulimits();
        case "platforms" -> o.platforms();
        case "entitlements" -> o.entitlements();
        case "provenance" -> o.provenance();
        case "sbom" -> o.sbom();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Build.Builder b, Object v) {
      switch (key) {
        case "context" -> b.context((Optional<String>) v);
        case "dockerfile" -> b.dockerfile((Optional<String>) v);
        case "dockerfile_inline" -> b.dockerfileInline((Optional<String>) v);
        case "args" -> b.putAllArgs((Map<String, Optional<String>>) v);
        case "ssh" -> b.addAllSsh((List<String>) v);
        case "labels" -> b.putAllLabels((Map<String, String>) v);
        case "cache_from" -> b.addAllCacheFrom((List<String>) v);
        case "cache_to" -> b.addAllCacheTo((List<String>) v);
        case "no_cache" -> b.noCache((Optional<Boolean>) v);
        case "no_cache_filter" -> b.addAllNoCacheFilter((List<String>) v);
        case "additional_contexts" -> b.putAllAdditionalContexts((Map<String, String>) v);
        case "network" -> b.network((Optional<String>) v);
        case "pull" -> b.pull((Optional<Boolean>) v);
        case "target" -> b.target((Optional<String>) v);
        case "shm_size" -> b.shmSize((Optional<ByteSize>) v);
        case "extra_hosts" -> b.addAllExtraHosts((List<String>) v);
        case "isolation" -> b.isolation((Optional<String>) v);
        case "privileged" -> b.privileged((Optional<Boolean>) v);
        case "secrets" -> b.addAllSecrets((List<ServiceSecret>) v);
        case "tags" -> b.addAllTags((List<String>) v);
        case "ulimits" -> b.putAllUlimits((Map<String, Ulimit>) v);
        case "platforms" -> b.addAllPlatforms((List<String>) v);
        case "entitlements" -> b.addAllEntitlements((List<String>) v);
        case "provenance" -> b.provenance((Optional<String>) v);
        case "sbom" -> b.sbom((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Healthcheck}. */
  private static final class HealthcheckAccess extends Access<Healthcheck, Healthcheck.Builder> {
    @Override
    Object get(String key, Healthcheck o) {
      return switch (key) {
        case "test" -> o.test();
        case "interval" -> o.interval();
        case "timeout" -> o.timeout();
        case "retries" -> o.retries();
        case "start_period" -> o.startPeriod();
        case "start_interval" -> o.startInterval();
        case "disable" -> o.disable();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Healthcheck.Builder b, Object v) {
      switch (key) {
        case "test" -> b.addAllTest((List<String>) v);
        case "interval" -> b.interval((Optional<Duration>) v);
        case "timeout" -> b.timeout((Optional<Duration>) v);
        case "retries" -> b.retries((OptionalLong) v);
        case "start_period" -> b.startPeriod((Optional<Duration>) v);
        case "start_interval" -> b.startInterval((Optional<Duration>) v);
        case "disable" -> b.disable((Optional<Boolean>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Logging}. */
  private static final class LoggingAccess extends Access<Logging, Logging.Builder> {
    @Override
    Object get(String key, Logging o) {
      return switch (key) {
        case "driver" -> o.driver();
        case "options" -> o.options();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Logging.Builder b, Object v) {
      switch (key) {
        case "driver" -> b.driver((Optional<String>) v);
        case "options" -> b.putAllOptions((Map<String, Optional<String>>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link CredentialSpec}. */
  private static final class CredentialSpecAccess
      extends Access<CredentialSpec, CredentialSpec.Builder> {
    @Override
    Object get(String key, CredentialSpec o) {
      return switch (key) {
        case "config" -> o.config();
        case "file" -> o.file();
        case "registry" -> o.registry();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, CredentialSpec.Builder b, Object v) {
      switch (key) {
        case "config" -> b.config((Optional<String>) v);
        case "file" -> b.file((Optional<String>) v);
        case "registry" -> b.registry((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Extends}. */
  private static final class ExtendsAccess extends Access<Extends, Extends.Builder> {
    @Override
    Object get(String key, Extends o) {
      return switch (key) {
        case "service" -> o.service();
        case "file" -> o.file();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Extends.Builder b, Object v) {
      switch (key) {
        case "service" -> b.service((String) v);
        case "file" -> b.file((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link EnvFile}. */
  private static final class EnvFileAccess extends Access<EnvFile, EnvFile.Builder> {
    @Override
    Object get(String key, EnvFile o) {
      return switch (key) {
        case "path" -> o.path();
        case "required" -> o.required();
        case "format" -> o.format();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, EnvFile.Builder b, Object v) {
      switch (key) {
        case "path" -> b.path((String) v);
        case "required" -> b.required((Optional<Boolean>) v);
        case "format" -> b.format((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link DependsOn}. */
  private static final class DependsOnAccess extends Access<DependsOn, DependsOn.Builder> {
    @Override
    Object get(String key, DependsOn o) {
      return switch (key) {
        case "condition" -> o.condition();
        case "required" -> o.required();
        case "restart" -> o.restart();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, DependsOn.Builder b, Object v) {
      switch (key) {
        case "condition" -> b.condition((String) v);
        case "required" -> b.required((Boolean) v);
        case "restart" -> b.restart((Boolean) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Device}. */
  private static final class DeviceAccess extends Access<Device, Device.Builder> {
    @Override
    Object get(String key, Device o) {
      return switch (key) {
        case "source" -> o.source();
        case "target" -> o.target();
        case "permissions" -> o.permissions();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Device.Builder b, Object v) {
      switch (key) {
        case "source" -> b.source((String) v);
        case "target" -> b.target((Optional<String>) v);
        case "permissions" -> b.permissions((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Ulimit}. */
  private static final class UlimitAccess extends Access<Ulimit, Ulimit.Builder> {
    @Override
    Object get(String key, Ulimit o) {
      return switch (key) {
        case "soft" -> o.soft();
        case "hard" -> o.hard();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Ulimit.Builder b, Object v) {
      switch (key) {
        case "soft" -> b.soft((OptionalLong) v);
        case "hard" -> b.hard((OptionalLong) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link ServiceNetwork}. */
  private static final class ServiceNetworkAccess
      extends Access<ServiceNetwork, ServiceNetwork.Builder> {
    @Override
    Object get(String key, ServiceNetwork o) {
      return switch (key) {
        case "aliases" -> o.aliases();
        case "ipv4_address" -> o.ipv4Address();
        case "ipv6_address" -> o.ipv6Address();
        case "driver_opts" -> o.driverOpts();
        case "link_local_ips" -> o.linkLocalIps();
        case "mac_address" -> o.macAddress();
        case "priority" -> o.priority();
        case "gw_priority" -> o.gwPriority();
        case "interface_name" -> o.interfaceName();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, ServiceNetwork.Builder b, Object v) {
      switch (key) {
        case "aliases" -> b.addAllAliases((List<String>) v);
        case "ipv4_address" -> b.ipv4Address((Optional<String>) v);
        case "ipv6_address" -> b.ipv6Address((Optional<String>) v);
        case "driver_opts" -> b.putAllDriverOpts((Map<String, String>) v);
        case "link_local_ips" -> b.addAllLinkLocalIps((List<String>) v);
        case "mac_address" -> b.macAddress((Optional<String>) v);
        case "priority" -> b.priority((OptionalInt) v);
        case "gw_priority" -> b.gwPriority((OptionalInt) v);
        case "interface_name" -> b.interfaceName((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link PortMapping}. */
  private static final class PortMappingAccess extends Access<PortMapping, PortMapping.Builder> {
    @Override
    Object get(String key, PortMapping o) {
      return switch (key) {
        case "target" -> o.target();
        case "published" -> o.published();
        case "host_ip" -> o.hostIp();
        case "protocol" -> o.protocol();
        case "mode" -> o.mode();
        case "name" -> o.name();
        case "app_protocol" -> o.appProtocol();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, PortMapping.Builder b, Object v) {
      switch (key) {
        case "target" -> b.target((OptionalInt) v);
        case "published" -> b.published((Optional<String>) v);
        case "host_ip" -> b.hostIp((Optional<String>) v);
        case "protocol" -> b.protocol((Optional<String>) v);
        case "mode" -> b.mode((Optional<String>) v);
        case "name" -> b.name((Optional<String>) v);
        case "app_protocol" -> b.appProtocol((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Mount}. */
  private static final class MountAccess extends Access<Mount, Mount.Builder> {
    @Override
    Object get(String key, Mount o) {
      return switch (key) {
        case "type" -> o.type();
        case "source" -> o.source();
        case "target" -> o.target();
        case "read_only" -> o.readOnly();
        case "consistency" -> o.consistency();
        case "bind" -> o.bind();
        case "volume" -> o.volume();
        case "tmpfs" -> o.tmpfs();
        case "image" -> o.image();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Mount.Builder b, Object v) {
      switch (key) {
        case "type" -> b.type((String) v);
        case "source" -> b.source((Optional<String>) v);
        case "target" -> b.target((Optional<String>) v);
        case "read_only" -> b.readOnly((Optional<Boolean>) v);
        case "consistency" -> b.consistency((Optional<String>) v);
        case "bind" -> b.bind((Optional<MountBind>) v);
        case "volume" -> b.volume((Optional<MountVolume>) v);
        case "tmpfs" -> b.tmpfs((Optional<MountTmpfs>) v);
        case "image" -> b.image((Optional<MountImage>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link MountBind}. */
  private static final class MountBindAccess extends Access<MountBind, MountBind.Builder> {
    @Override
    Object get(String key, MountBind o) {
      return switch (key) {
        case "propagation" -> o.propagation();
        case "create_host_path" -> o.createHostPath();
        case "selinux" -> o.selinux();
        case "recursive" -> o.recursive();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, MountBind.Builder b, Object v) {
      switch (key) {
        case "propagation" -> b.propagation((Optional<String>) v);
        case "create_host_path" -> b.createHostPath((Optional<Boolean>) v);
        case "selinux" -> b.selinux((Optional<String>) v);
        case "recursive" -> b.recursive((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link MountVolume}. */
  private static final class MountVolumeAccess extends Access<MountVolume, MountVolume.Builder> {
    @Override
    Object get(String key, MountVolume o) {
      return switch (key) {
        case "nocopy" -> o.nocopy();
        case "subpath" -> o.subpath();
        case "labels" -> o.labels();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, MountVolume.Builder b, Object v) {
      switch (key) {
        case "nocopy" -> b.nocopy((Optional<Boolean>) v);
        case "subpath" -> b.subpath((Optional<String>) v);
        case "labels" -> b.putAllLabels((Map<String, String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link MountTmpfs}. */
  private static final class MountTmpfsAccess extends Access<MountTmpfs, MountTmpfs.Builder> {
    @Override
    Object get(String key, MountTmpfs o) {
      return switch (key) {
        case "size" -> o.size();
        case "mode" -> o.mode();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, MountTmpfs.Builder b, Object v) {
      switch (key) {
        case "size" -> b.size((Optional<ByteSize>) v);
        case "mode" -> b.mode((Optional<FileMode>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link MountImage}. */
  private static final class MountImageAccess extends Access<MountImage, MountImage.Builder> {
    @Override
    Object get(String key, MountImage o) {
      return switch (key) {
        case "subpath" -> o.subpath();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, MountImage.Builder b, Object v) {
      switch (key) {
        case "subpath" -> b.subpath((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link ServiceSecret}. */
  private static final class ServiceSecretAccess
      extends Access<ServiceSecret, ServiceSecret.Builder> {
    @Override
    Object get(String key, ServiceSecret o) {
      return switch (key) {
        case "source" -> o.source();
        case "target" -> o.target();
        case "uid" -> o.uid();
        case "gid" -> o.gid();
        case "mode" -> o.mode();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, ServiceSecret.Builder b, Object v) {
      switch (key) {
        case "source" -> b.source((String) v);
        case "target" -> b.target((Optional<String>) v);
        case "uid" -> b.uid((Optional<String>) v);
        case "gid" -> b.gid((Optional<String>) v);
        case "mode" -> b.mode((Optional<FileMode>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link ServiceConfig}. */
  private static final class ServiceConfigAccess
      extends Access<ServiceConfig, ServiceConfig.Builder> {
    @Override
    Object get(String key, ServiceConfig o) {
      return switch (key) {
        case "source" -> o.source();
        case "target" -> o.target();
        case "uid" -> o.uid();
        case "gid" -> o.gid();
        case "mode" -> o.mode();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, ServiceConfig.Builder b, Object v) {
      switch (key) {
        case "source" -> b.source((String) v);
        case "target" -> b.target((Optional<String>) v);
        case "uid" -> b.uid((Optional<String>) v);
        case "gid" -> b.gid((Optional<String>) v);
        case "mode" -> b.mode((Optional<FileMode>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link UpdateConfig}. */
  private static final class UpdateConfigAccess extends Access<UpdateConfig, UpdateConfig.Builder> {
    @Override
    Object get(String key, UpdateConfig o) {
      return switch (key) {
        case "parallelism" -> o.parallelism();
        case "delay" -> o.delay();
        case "failure_action" -> o.failureAction();
        case "monitor" -> o.monitor();
        case "max_failure_ratio" -> o.maxFailureRatio();
        case "order" -> o.order();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, UpdateConfig.Builder b, Object v) {
      switch (key) {
        case "parallelism" -> b.parallelism((OptionalLong) v);
        case "delay" -> b.delay((Optional<Duration>) v);
        case "failure_action" -> b.failureAction((Optional<String>) v);
        case "monitor" -> b.monitor((Optional<Duration>) v);
        case "max_failure_ratio" -> b.maxFailureRatio((Optional<Double>) v);
        case "order" -> b.order((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link RollbackConfig}. */
  private static final class RollbackConfigAccess
      extends Access<RollbackConfig, RollbackConfig.Builder> {
    @Override
    Object get(String key, RollbackConfig o) {
      return switch (key) {
        case "parallelism" -> o.parallelism();
        case "delay" -> o.delay();
        case "failure_action" -> o.failureAction();
        case "monitor" -> o.monitor();
        case "max_failure_ratio" -> o.maxFailureRatio();
        case "order" -> o.order();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, RollbackConfig.Builder b, Object v) {
      switch (key) {
        case "parallelism" -> b.parallelism((OptionalLong) v);
        case "delay" -> b.delay((Optional<Duration>) v);
        case "failure_action" -> b.failureAction((Optional<String>) v);
        case "monitor" -> b.monitor((Optional<Duration>) v);
        case "max_failure_ratio" -> b.maxFailureRatio((Optional<Double>) v);
        case "order" -> b.order((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link RestartPolicy}. */
  private static final class RestartPolicyAccess
      extends Access<RestartPolicy, RestartPolicy.Builder> {
    @Override
    Object get(String key, RestartPolicy o) {
      return switch (key) {
        case "condition" -> o.condition();
        case "delay" -> o.delay();
        case "max_attempts" -> o.maxAttempts();
        case "window" -> o.window();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, RestartPolicy.Builder b, Object v) {
      switch (key) {
        case "condition" -> b.condition((Optional<String>) v);
        case "delay" -> b.delay((Optional<Duration>) v);
        case "max_attempts" -> b.maxAttempts((OptionalLong) v);
        case "window" -> b.window((Optional<Duration>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Placement}. */
  private static final class PlacementAccess extends Access<Placement, Placement.Builder> {
    @Override
    Object get(String key, Placement o) {
      return switch (key) {
        case "constraints" -> o.constraints();
        case "preferences" -> o.preferences();
        case "max_replicas_per_node" -> o.maxReplicasPerNode();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Placement.Builder b, Object v) {
      switch (key) {
        case "constraints" -> b.addAllConstraints((List<Constraint>) v);
        case "preferences" -> b.addAllPreferences((List<PlacementPreference>) v);
        case "max_replicas_per_node" -> b.maxReplicasPerNode((OptionalLong) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link PlacementPreference}. */
  private static final class PlacementPreferenceAccess
      extends Access<PlacementPreference, PlacementPreference.Builder> {
    @Override
    Object get(String key, PlacementPreference o) {
      return switch (key) {
        case "spread" -> o.spread();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, PlacementPreference.Builder b, Object v) {
      switch (key) {
        case "spread" -> b.spread((String) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Resources}. */
  private static final class ResourcesAccess extends Access<Resources, Resources.Builder> {
    @Override
    Object get(String key, Resources o) {
      return switch (key) {
        case "limits" -> o.limits();
        case "reservations" -> o.reservations();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Resources.Builder b, Object v) {
      switch (key) {
        case "limits" -> b.limits((Optional<Resource>) v);
        case "reservations" -> b.reservations((Optional<Resource>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Resource}. */
  private static final class ResourceAccess extends Access<Resource, Resource.Builder> {
    @Override
    Object get(String key, Resource o) {
      return switch (key) {
        case "cpus" -> o.cpus();
        case "memory" -> o.memory();
        case "pids" -> o.pids();
        case "generic_resources" -> o.genericResources();
        case "devices" -> o.devices();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Resource.Builder b, Object v) {
      switch (key) {
        case "cpus" -> b.cpus((Optional<Cpus>) v);
        case "memory" -> b.memory((Optional<ByteSize>) v);
        case "pids" -> b.pids((OptionalLong) v);
        case "generic_resources" -> b.addAllGenericResources((List<GenericResource>) v);
        case "devices" -> b.addAllDevices((List<DeviceRequest>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link GenericResource}. */
  private static final class GenericResourceAccess
      extends Access<GenericResource, GenericResource.Builder> {
    @Override
    Object get(String key, GenericResource o) {
      return switch (key) {
        case "kind" -> o.kind();
        case "value" -> o.value();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, GenericResource.Builder b, Object v) {
      switch (key) {
        case "kind" -> b.kind((String) v);
        case "value" -> b.value((Long) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link DeviceRequest}. */
  private static final class DeviceRequestAccess
      extends Access<DeviceRequest, DeviceRequest.Builder> {
    @Override
    Object get(String key, DeviceRequest o) {
      return switch (key) {
        case "capabilities" -> o.capabilities();
        case "count" -> o.count();
        case "device_ids" -> o.deviceIds();
        case "driver" -> o.driver();
        case "options" -> o.options();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, DeviceRequest.Builder b, Object v) {
      switch (key) {
        case "capabilities" -> b.addAllCapabilities((List<String>) v);
        case "count" -> b.count((Optional<String>) v);
        case "device_ids" -> b.addAllDeviceIds((List<String>) v);
        case "driver" -> b.driver((Optional<String>) v);
        case "options" -> b.putAllOptions((Map<String, String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Ipam}. */
  private static final class IpamAccess extends Access<Ipam, Ipam.Builder> {
    @Override
    Object get(String key, Ipam o) {
      return switch (key) {
        case "driver" -> o.driver();
        case "config" -> o.config();
        case "options" -> o.options();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Ipam.Builder b, Object v) {
      switch (key) {
        case "driver" -> b.driver((Optional<String>) v);
        case "config" -> b.addAllConfig((List<IpamConfig>) v);
        case "options" -> b.putAllOptions((Map<String, String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link IpamConfig}. */
  private static final class IpamConfigAccess extends Access<IpamConfig, IpamConfig.Builder> {
    @Override
    Object get(String key, IpamConfig o) {
      return switch (key) {
        case "subnet" -> o.subnet();
        case "gateway" -> o.gateway();
        case "ip_range" -> o.ipRange();
        case "aux_addresses" -> o.auxAddresses();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, IpamConfig.Builder b, Object v) {
      switch (key) {
        case "subnet" -> b.subnet((Optional<String>) v);
        case "gateway" -> b.gateway((Optional<String>) v);
        case "ip_range" -> b.ipRange((Optional<String>) v);
        case "aux_addresses" -> b.putAllAuxAddresses((Map<String, String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link BlkioConfig}. */
  private static final class BlkioConfigAccess extends Access<BlkioConfig, BlkioConfig.Builder> {
    @Override
    Object get(String key, BlkioConfig o) {
      return switch (key) {
        case "weight" -> o.weight();
        case "weight_device" -> o.weightDevice();
        case "device_read_bps" -> o.deviceReadBps();
        case "device_read_iops" -> o.deviceReadIops();
        case "device_write_bps" -> o.deviceWriteBps();
        case "device_write_iops" -> o.deviceWriteIops();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, BlkioConfig.Builder b, Object v) {
      switch (key) {
        case "weight" -> b.weight((OptionalInt) v);
        case "weight_device" -> b.addAllWeightDevice((List<BlkioWeight>) v);
        case "device_read_bps" -> b.addAllDeviceReadBps((List<BlkioLimit>) v);
        case "device_read_iops" -> b.addAllDeviceReadIops((List<BlkioLimit>) v);
        case "device_write_bps" -> b.addAllDeviceWriteBps((List<BlkioLimit>) v);
        case "device_write_iops" -> b.addAllDeviceWriteIops((List<BlkioLimit>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link BlkioWeight}. */
  private static final class BlkioWeightAccess extends Access<BlkioWeight, BlkioWeight.Builder> {
    @Override
    Object get(String key, BlkioWeight o) {
      return switch (key) {
        case "path" -> o.path();
        case "weight" -> o.weight();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, BlkioWeight.Builder b, Object v) {
      switch (key) {
        case "path" -> b.path((String) v);
        case "weight" -> b.weight((Integer) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link BlkioLimit}. */
  private static final class BlkioLimitAccess extends Access<BlkioLimit, BlkioLimit.Builder> {
    @Override
    Object get(String key, BlkioLimit o) {
      return switch (key) {
        case "path" -> o.path();
        case "rate" -> o.rate();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, BlkioLimit.Builder b, Object v) {
      switch (key) {
        case "path" -> b.path((String) v);
        case "rate" -> b.rate((String) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Provider}. */
  private static final class ProviderAccess extends Access<Provider, Provider.Builder> {
    @Override
    Object get(String key, Provider o) {
      return switch (key) {
        case "type" -> o.type();
        case "options" -> o.options();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Provider.Builder b, Object v) {
      switch (key) {
        case "type" -> b.type((String) v);
        case "options" -> b.putAllOptions((Map<String, List<String>>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link ServiceModel}. */
  private static final class ServiceModelAccess extends Access<ServiceModel, ServiceModel.Builder> {
    @Override
    Object get(String key, ServiceModel o) {
      return switch (key) {
        case "endpoint_var" -> o.endpointVar();
        case "model_var" -> o.modelVar();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, ServiceModel.Builder b, Object v) {
      switch (key) {
        case "endpoint_var" -> b.endpointVar((Optional<String>) v);
        case "model_var" -> b.modelVar((Optional<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Model}. */
  private static final class ModelAccess extends Access<Model, Model.Builder> {
    @Override
    Object get(String key, Model o) {
      return switch (key) {
        case "model" -> o.model();
        case "name" -> o.name();
        case "context_size" -> o.contextSize();
        case "runtime_flags" -> o.runtimeFlags();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Model.Builder b, Object v) {
      switch (key) {
        case "model" -> b.model((String) v);
        case "name" -> b.name((Optional<String>) v);
        case "context_size" -> b.contextSize((OptionalLong) v);
        case "runtime_flags" -> b.addAllRuntimeFlags((List<String>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link Develop}. */
  private static final class DevelopAccess extends Access<Develop, Develop.Builder> {
    @Override
    Object get(String key, Develop o) {
      return switch (key) {
        case "watch" -> o.watch();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, Develop.Builder b, Object v) {
      switch (key) {
        case "watch" -> b.addAllWatch((List<WatchRule>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link WatchRule}. */
  private static final class WatchRuleAccess extends Access<WatchRule, WatchRule.Builder> {
    @Override
    Object get(String key, WatchRule o) {
      return switch (key) {
        case "path" -> o.path();
        case "action" -> o.action();
        case "target" -> o.target();
        case "ignore" -> o.ignore();
        case "include" -> o.include();
        case "initial_sync" -> o.initialSync();
        case "exec" -> o.exec();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, WatchRule.Builder b, Object v) {
      switch (key) {
        case "path" -> b.path((String) v);
        case "action" -> b.action((String) v);
        case "target" -> b.target((Optional<String>) v);
        case "ignore" -> b.addAllIgnore((List<String>) v);
        case "include" -> b.addAllInclude((List<String>) v);
        case "initial_sync" -> b.initialSync((Optional<Boolean>) v);
        case "exec" -> b.exec((Optional<ServiceHook>) v);
        default -> throw noCase(key);
      }
    }
  }

  /** The accessors of the keys of {@link ServiceHook}. */
  private static final class ServiceHookAccess extends Access<ServiceHook, ServiceHook.Builder> {
    @Override
    Object get(String key, ServiceHook o) {
      return switch (key) {
        case "image" -> o.image();
        case "command" -> o.command();
        case "user" -> o.user();
        case "privileged" -> o.privileged();
        case "working_dir" -> o.workingDir();
        case "environment" -> o.environment();
        case "per_replica" -> o.perReplica();
        default -> throw noCase(key);
      };
    }

    @Override
    @SuppressWarnings("unchecked")
    void set(String key, ServiceHook.Builder b, Object v) {
      switch (key) {
        case "image" -> b.image((Optional<String>) v);
        case "command" -> b.addAllCommand((List<String>) v);
        case "user" -> b.user((Optional<String>) v);
        case "privileged" -> b.privileged((Optional<Boolean>) v);
        case "working_dir" -> b.workingDir((Optional<String>) v);
        case "environment" -> b.putAllEnvironment((Map<String, Optional<String>>) v);
        case "per_replica" -> b.perReplica((Optional<Boolean>) v);
        default -> throw noCase(key);
      }
    }
  }
}
