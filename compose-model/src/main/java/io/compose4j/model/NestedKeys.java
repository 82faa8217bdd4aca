package io.compose4j.model;

import io.compose4j.model.ComposeKeys.Merge;
import io.compose4j.model.ComposeKeys.Shape;
import io.compose4j.model.ComposeKeys.Swarm;
import io.compose4j.model.ComposeKeys.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

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

  /**
   * The rows of one table in order; the receiver's type arguments fix the model and builder types.
   */
  private static final class Rows<O, B> {
    private final List<ComposeKeys.Key<O, B, ?>> rows = new ArrayList<>();

    <T> Rows<O, B> key(
        String name,
        Shape shape,
        Function<O, T> get,
        BiConsumer<B, T> set,
        Swarm swarm,
        Merge merge) {
      rows.add(new ComposeKeys.Key<>(name, shape, get, set, swarm, merge));
      return this;
    }

    <T> Rows<O, B> key(
        String name, Shape shape, Function<O, T> get, BiConsumer<B, T> set, Swarm swarm) {
      return key(name, shape, get, set, swarm, Merge.DEFAULT);
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
  public static final Table<Stack, Stack.Builder> STACK = new Rows<Stack, Stack.Builder>()
      .key("version", Shape.COMPLEX, Stack::version, Stack.Builder::version, ANY)
      .key("name", Shape.STRING, Stack::name, Stack.Builder::name, ANY)
      .key("include", Shape.COMPLEX, Stack::include, Stack.Builder::addAllInclude, Swarm.no("merge the included files first (compose4j convert)"))
      .key("services", Shape.COMPLEX, Stack::services, Stack.Builder::putAllServices, ANY)
      .key("networks", Shape.COMPLEX, Stack::networks, Stack.Builder::putAllNetworks, ANY)
      .key("volumes", Shape.COMPLEX, Stack::volumes, Stack.Builder::putAllVolumes, ANY)
      .key("secrets", Shape.COMPLEX, Stack::secrets, Stack.Builder::putAllSecrets, Swarm.since(1))
      .key("configs", Shape.COMPLEX, Stack::configs, Stack.Builder::putAllConfigs, Swarm.since(3))
      .key("models", Shape.COMPLEX, Stack::models, Stack.Builder::putAllModels, Swarm.no("Swarm has no models"))
      .table();

  /** An entry of {@code include} in long syntax. */
  public static final Table<Include, Include.Builder> INCLUDE = new Rows<Include, Include.Builder>()
      .key("path", Shape.STRING_OR_LIST, Include::path, Include.Builder::addAllPath, ANY)
      .key("project_directory", Shape.STRING, Include::projectDirectory, Include.Builder::projectDirectory, ANY)
      .key("env_file", Shape.STRING_OR_LIST, Include::envFile, Include.Builder::addAllEnvFile, ANY)
      .table();

  /** A service's {@code build} in long syntax. */
  public static final Table<Build, Build.Builder> BUILD = new Rows<Build, Build.Builder>()
      .key("context", Shape.STRING, Build::context, Build.Builder::context, ANY)
      .key("dockerfile", Shape.STRING, Build::dockerfile, Build.Builder::dockerfile, ANY)
      .key("dockerfile_inline", Shape.STRING, Build::dockerfileInline, Build.Builder::dockerfileInline, Swarm.since(11))
      .key("args", Shape.ENVIRONMENT, Build::args, Build.Builder::putAllArgs, ANY, Merge.KEY_VALUE)
      .key("ssh", Shape.COMPLEX, Build::ssh, Build.Builder::addAllSsh, Swarm.since(11))
      .key("labels", Shape.LABELS, Build::labels, Build.Builder::putAllLabels, Swarm.since(3), Merge.KEY_VALUE)
      .key("cache_from", Shape.STRINGS, Build::cacheFrom, Build.Builder::addAllCacheFrom, Swarm.since(2), Merge.UNIQUE_TEXT)
      .key("cache_to", Shape.STRINGS, Build::cacheTo, Build.Builder::addAllCacheTo, Swarm.since(11), Merge.UNIQUE_TEXT)
      .key("no_cache", Shape.BOOL, Build::noCache, Build.Builder::noCache, Swarm.since(11))
      .key("no_cache_filter", Shape.STRING_OR_LIST, Build::noCacheFilter, Build.Builder::addAllNoCacheFilter, Swarm.since(11))
      .key("additional_contexts", Shape.LABELS, Build::additionalContexts, Build.Builder::putAllAdditionalContexts, Swarm.since(11), Merge.KEY_VALUE)
      .key("network", Shape.STRING, Build::network, Build.Builder::network, Swarm.since(4))
      .key("pull", Shape.BOOL, Build::pull, Build.Builder::pull, Swarm.since(11))
      .key("target", Shape.STRING, Build::target, Build.Builder::target, Swarm.since(4))
      .key("shm_size", Shape.SIZE, Build::shmSize, Build.Builder::shmSize, Swarm.since(5))
      .key("extra_hosts", Shape.HOSTS, Build::extraHosts, Build.Builder::addAllExtraHosts, Swarm.since(9))
      .key("isolation", Shape.STRING, Build::isolation, Build.Builder::isolation, Swarm.since(5))
      .key("privileged", Shape.BOOL, Build::privileged, Build.Builder::privileged, Swarm.since(11))
      .key("secrets", Shape.COMPLEX, Build::secrets, Build.Builder::addAllSecrets, Swarm.since(11))
      .key("tags", Shape.STRINGS, Build::tags, Build.Builder::addAllTags, Swarm.since(11), Merge.UNIQUE_TEXT)
      .key("ulimits", Shape.COMPLEX, Build::ulimits, Build.Builder::putAllUlimits, Swarm.since(11))
      .key("platforms", Shape.STRINGS, Build::platforms, Build.Builder::addAllPlatforms, Swarm.since(11), Merge.UNIQUE_TEXT)
      .key("entitlements", Shape.STRINGS, Build::entitlements, Build.Builder::addAllEntitlements, Swarm.since(11))
      .key("provenance", Shape.TEXT, Build::provenance, Build.Builder::provenance, Swarm.since(11))
      .key("sbom", Shape.TEXT, Build::sbom, Build.Builder::sbom, Swarm.since(11))
      .table();

  /** A service's {@code healthcheck}. */
  public static final Table<Healthcheck, Healthcheck.Builder> HEALTHCHECK = new Rows<Healthcheck, Healthcheck.Builder>()
      .key("test", Shape.COMPLEX, Healthcheck::test, Healthcheck.Builder::addAllTest, ANY, Merge.REPLACE)
      .key("interval", Shape.DURATION, Healthcheck::interval, Healthcheck.Builder::interval, ANY)
      .key("timeout", Shape.DURATION, Healthcheck::timeout, Healthcheck.Builder::timeout, ANY)
      .key("retries", Shape.COMPLEX, Healthcheck::retries, Healthcheck.Builder::retries, ANY)
      .key("start_period", Shape.DURATION, Healthcheck::startPeriod, Healthcheck.Builder::startPeriod, Swarm.since(4))
      .key("start_interval", Shape.DURATION, Healthcheck::startInterval, Healthcheck.Builder::startInterval, Swarm.since(12))
      .key("disable", Shape.BOOL, Healthcheck::disable, Healthcheck.Builder::disable, ANY)
      .table();

  /** A service's {@code logging}. */
  public static final Table<Logging, Logging.Builder> LOGGING = new Rows<Logging, Logging.Builder>()
      .key("driver", Shape.STRING, Logging::driver, Logging.Builder::driver, ANY)
      .key("options", Shape.COMPLEX, Logging::options, Logging.Builder::putAllOptions, ANY)
      .table();

  /** A service's {@code credential_spec}. */
  public static final Table<CredentialSpec, CredentialSpec.Builder> CREDENTIAL_SPEC = new Rows<CredentialSpec, CredentialSpec.Builder>()
      .key("config", Shape.STRING, CredentialSpec::config, CredentialSpec.Builder::config, Swarm.since(8))
      .key("file", Shape.STRING, CredentialSpec::file, CredentialSpec.Builder::file, ANY)
      .key("registry", Shape.STRING, CredentialSpec::registry, CredentialSpec.Builder::registry, ANY)
      .table();

  /** A service's {@code extends} in long syntax. */
  public static final Table<Extends, Extends.Builder> EXTENDS = new Rows<Extends, Extends.Builder>()
      .key("service", Shape.STRING, Extends::service, Extends.Builder::service, ANY)
      .key("file", Shape.STRING, Extends::file, Extends.Builder::file, ANY)
      .table();

  /** An entry of {@code env_file} in long syntax (the 3.x format has only the file names). */
  public static final Table<EnvFile, EnvFile.Builder> ENV_FILE = new Rows<EnvFile, EnvFile.Builder>()
      .key("path", Shape.STRING, EnvFile::path, EnvFile.Builder::path, ANY)
      .key("required", Shape.BOOL, EnvFile::required, EnvFile.Builder::required, Swarm.no("the 3.x format requires every env_file to exist"))
      .key("format", Shape.STRING, EnvFile::format, EnvFile.Builder::format, Swarm.no("the 3.x format reads env files in the default format"))
      .table();

  /** A dependency of {@code depends_on} in long syntax (the 3.x format has only the names). */
  public static final Table<DependsOn, DependsOn.Builder> DEPENDS_ON = new Rows<DependsOn, DependsOn.Builder>()
      .key("condition", Shape.STRING, DependsOn::condition, DependsOn.Builder::condition, Swarm.no(DEPENDENCIES_ONLY))
      .key("required", Shape.BOOL, DependsOn::required, DependsOn.Builder::required, Swarm.no(DEPENDENCIES_ONLY))
      .key("restart", Shape.BOOL, DependsOn::restart, DependsOn.Builder::restart, Swarm.no(DEPENDENCIES_ONLY))
      .table();

  /** A device of {@code devices} in long syntax. */
  public static final Table<Device, Device.Builder> DEVICE = new Rows<Device, Device.Builder>()
      .key("source", Shape.STRING, Device::source, Device.Builder::source, ANY)
      .key("target", Shape.STRING, Device::target, Device.Builder::target, ANY)
      .key("permissions", Shape.STRING, Device::permissions, Device.Builder::permissions, ANY)
      .table();

  /** A limit of {@code ulimits} (and {@code build.ulimits}) as a mapping. */
  public static final Table<Ulimit, Ulimit.Builder> ULIMIT = new Rows<Ulimit, Ulimit.Builder>()
      .key("soft", Shape.LONG, Ulimit::soft, Ulimit.Builder::soft, ANY)
      .key("hard", Shape.LONG, Ulimit::hard, Ulimit.Builder::hard, ANY)
      .table();

  /** A network of a service's {@code networks}; read in the order the reader always had. */
  public static final Table<ServiceNetwork, ServiceNetwork.Builder> SERVICE_NETWORK = new Rows<ServiceNetwork, ServiceNetwork.Builder>()
      .key("aliases", Shape.STRINGS, ServiceNetwork::aliases, ServiceNetwork.Builder::addAllAliases, ANY, Merge.UNIQUE_TEXT)
      .key("ipv4_address", Shape.STRING, ServiceNetwork::ipv4Address, ServiceNetwork.Builder::ipv4Address, ANY)
      .key("ipv6_address", Shape.STRING, ServiceNetwork::ipv6Address, ServiceNetwork.Builder::ipv6Address, ANY)
      .key("driver_opts", Shape.STRING_MAP, ServiceNetwork::driverOpts, ServiceNetwork.Builder::putAllDriverOpts, Swarm.since(13))
      .key("link_local_ips", Shape.STRINGS, ServiceNetwork::linkLocalIps, ServiceNetwork.Builder::addAllLinkLocalIps, COMPOSE_ONLY, Merge.UNIQUE_TEXT)
      .key("mac_address", Shape.STRING, ServiceNetwork::macAddress, ServiceNetwork.Builder::macAddress, COMPOSE_ONLY)
      .key("priority", Shape.INT, ServiceNetwork::priority, ServiceNetwork.Builder::priority, COMPOSE_ONLY)
      .key("gw_priority", Shape.INT, ServiceNetwork::gwPriority, ServiceNetwork.Builder::gwPriority, COMPOSE_ONLY)
      .key("interface_name", Shape.STRING, ServiceNetwork::interfaceName, ServiceNetwork.Builder::interfaceName, COMPOSE_ONLY)
      .table()
      .readIn("aliases", "ipv4_address", "ipv6_address", "link_local_ips", "mac_address", "driver_opts", "priority", "gw_priority", "interface_name");

  /** A port of {@code ports} in long syntax. */
  public static final Table<PortMapping, PortMapping.Builder> PORT = new Rows<PortMapping, PortMapping.Builder>()
      .key("target", Shape.COMPLEX, PortMapping::target, PortMapping.Builder::target, ANY)
      // a number, or a range or variable as text (which the 3.x format lacks: SwarmFormat decides)
      .key("published", Shape.COMPLEX, PortMapping::published, PortMapping.Builder::published, ANY)
      .key("host_ip", Shape.STRING, PortMapping::hostIp, PortMapping.Builder::hostIp, Swarm.no("Swarm publishes on every address; use mode: host to bind on the node only"))
      .key("protocol", Shape.STRING, PortMapping::protocol, PortMapping.Builder::protocol, ANY)
      .key("mode", Shape.STRING, PortMapping::mode, PortMapping.Builder::mode, ANY)
      .key("name", Shape.STRING, PortMapping::name, PortMapping.Builder::name, Swarm.no("port names are a Compose Specification key"))
      .key("app_protocol", Shape.STRING, PortMapping::appProtocol, PortMapping.Builder::appProtocol, Swarm.no("app_protocol is a Compose Specification key"))
      .table();

  /** A mount of {@code volumes} in long syntax. */
  public static final Table<Mount, Mount.Builder> MOUNT = new Rows<Mount, Mount.Builder>()
      .key("type", Shape.STRING, Mount::type, Mount.Builder::type, ANY)
      .key("source", Shape.STRING, Mount::source, Mount.Builder::source, ANY)
      .key("target", Shape.STRING, Mount::target, Mount.Builder::target, ANY)
      .key("read_only", Shape.BOOL, Mount::readOnly, Mount.Builder::readOnly, ANY)
      .key("consistency", Shape.STRING, Mount::consistency, Mount.Builder::consistency, ANY)
      .key("bind", Shape.COMPLEX, Mount::bind, Mount.Builder::bind, ANY)
      .key("volume", Shape.COMPLEX, Mount::volume, Mount.Builder::volume, ANY)
      .key("tmpfs", Shape.COMPLEX, Mount::tmpfs, Mount.Builder::tmpfs, ANY)
      .key("image", Shape.COMPLEX, Mount::image, Mount.Builder::image, COMPOSE_ONLY)
      .table();

  /** The {@code bind} options of a mount. */
  public static final Table<MountBind, MountBind.Builder> MOUNT_BIND = new Rows<MountBind, MountBind.Builder>()
      .key("propagation", Shape.STRING, MountBind::propagation, MountBind.Builder::propagation, ANY)
      .key("create_host_path", Shape.BOOL, MountBind::createHostPath, MountBind.Builder::createHostPath, COMPOSE_ONLY)
      .key("selinux", Shape.STRING, MountBind::selinux, MountBind.Builder::selinux, COMPOSE_ONLY)
      .key("recursive", Shape.STRING, MountBind::recursive, MountBind.Builder::recursive, COMPOSE_ONLY)
      .table();

  /** The {@code volume} options of a mount. */
  public static final Table<MountVolume, MountVolume.Builder> MOUNT_VOLUME = new Rows<MountVolume, MountVolume.Builder>()
      .key("nocopy", Shape.BOOL, MountVolume::nocopy, MountVolume.Builder::nocopy, ANY)
      .key("subpath", Shape.STRING, MountVolume::subpath, MountVolume.Builder::subpath, COMPOSE_ONLY)
      .key("labels", Shape.LABELS, MountVolume::labels, MountVolume.Builder::putAllLabels, COMPOSE_ONLY)
      .table();

  /** The {@code tmpfs} options of a mount (the size is written as a number of bytes). */
  public static final Table<MountTmpfs, MountTmpfs.Builder> MOUNT_TMPFS = new Rows<MountTmpfs, MountTmpfs.Builder>()
      .key("size", Shape.COMPLEX, MountTmpfs::size, MountTmpfs.Builder::size, Swarm.since(6))
      .key("mode", Shape.COMPLEX, MountTmpfs::mode, MountTmpfs.Builder::mode, COMPOSE_ONLY)
      .table();

  /** The {@code image} options of a mount. */
  public static final Table<MountImage, MountImage.Builder> MOUNT_IMAGE = new Rows<MountImage, MountImage.Builder>()
      .key("subpath", Shape.STRING, MountImage::subpath, MountImage.Builder::subpath, ANY)
      .table();

  /** A secret of a service's {@code secrets} in long syntax. */
  public static final Table<ServiceSecret, ServiceSecret.Builder> SERVICE_SECRET = new Rows<ServiceSecret, ServiceSecret.Builder>()
      .key("source", Shape.STRING, ServiceSecret::source, ServiceSecret.Builder::source, ANY)
      .key("target", Shape.STRING, ServiceSecret::target, ServiceSecret.Builder::target, ANY)
      .key("uid", Shape.TEXT, ServiceSecret::uid, ServiceSecret.Builder::uid, ANY)
      .key("gid", Shape.TEXT, ServiceSecret::gid, ServiceSecret.Builder::gid, ANY)
      .key("mode", Shape.COMPLEX, ServiceSecret::mode, ServiceSecret.Builder::mode, ANY)
      .table();

  /** A config of a service's {@code configs} in long syntax. */
  public static final Table<ServiceConfig, ServiceConfig.Builder> SERVICE_CONFIG = new Rows<ServiceConfig, ServiceConfig.Builder>()
      .key("source", Shape.STRING, ServiceConfig::source, ServiceConfig.Builder::source, ANY)
      .key("target", Shape.STRING, ServiceConfig::target, ServiceConfig.Builder::target, ANY)
      .key("uid", Shape.TEXT, ServiceConfig::uid, ServiceConfig.Builder::uid, ANY)
      .key("gid", Shape.TEXT, ServiceConfig::gid, ServiceConfig.Builder::gid, ANY)
      .key("mode", Shape.COMPLEX, ServiceConfig::mode, ServiceConfig.Builder::mode, ANY)
      .table();

  /** {@code deploy.update_config}. */
  public static final Table<UpdateConfig, UpdateConfig.Builder> UPDATE_CONFIG = new Rows<UpdateConfig, UpdateConfig.Builder>()
      .key("parallelism", Shape.LONG, UpdateConfig::parallelism, UpdateConfig.Builder::parallelism, ANY)
      .key("delay", Shape.DURATION, UpdateConfig::delay, UpdateConfig.Builder::delay, ANY)
      .key("failure_action", Shape.STRING, UpdateConfig::failureAction, UpdateConfig.Builder::failureAction, ANY)
      .key("monitor", Shape.DURATION, UpdateConfig::monitor, UpdateConfig.Builder::monitor, ANY)
      .key("max_failure_ratio", Shape.COMPLEX, UpdateConfig::maxFailureRatio, UpdateConfig.Builder::maxFailureRatio, ANY)
      .key("order", Shape.STRING, UpdateConfig::order, UpdateConfig.Builder::order, Swarm.since(4))
      .table();

  /** {@code deploy.rollback_config} (itself from 3.7, so its {@code order} needs nothing more). */
  public static final Table<RollbackConfig, RollbackConfig.Builder> ROLLBACK_CONFIG = new Rows<RollbackConfig, RollbackConfig.Builder>()
      .key("parallelism", Shape.LONG, RollbackConfig::parallelism, RollbackConfig.Builder::parallelism, ANY)
      .key("delay", Shape.DURATION, RollbackConfig::delay, RollbackConfig.Builder::delay, ANY)
      .key("failure_action", Shape.STRING, RollbackConfig::failureAction, RollbackConfig.Builder::failureAction, ANY)
      .key("monitor", Shape.DURATION, RollbackConfig::monitor, RollbackConfig.Builder::monitor, ANY)
      .key("max_failure_ratio", Shape.COMPLEX, RollbackConfig::maxFailureRatio, RollbackConfig.Builder::maxFailureRatio, ANY)
      .key("order", Shape.STRING, RollbackConfig::order, RollbackConfig.Builder::order, ANY)
      .table();

  /** {@code deploy.restart_policy}. */
  public static final Table<RestartPolicy, RestartPolicy.Builder> RESTART_POLICY = new Rows<RestartPolicy, RestartPolicy.Builder>()
      .key("condition", Shape.STRING, RestartPolicy::condition, RestartPolicy.Builder::condition, ANY)
      .key("delay", Shape.DURATION, RestartPolicy::delay, RestartPolicy.Builder::delay, ANY)
      .key("max_attempts", Shape.LONG, RestartPolicy::maxAttempts, RestartPolicy.Builder::maxAttempts, ANY)
      .key("window", Shape.DURATION, RestartPolicy::window, RestartPolicy.Builder::window, ANY)
      .table();

  /** {@code deploy.placement}. */
  public static final Table<Placement, Placement.Builder> PLACEMENT = new Rows<Placement, Placement.Builder>()
      .key("constraints", Shape.COMPLEX, Placement::constraints, Placement.Builder::addAllConstraints, ANY)
      .key("preferences", Shape.COMPLEX, Placement::preferences, Placement.Builder::addAllPreferences, Swarm.since(3))
      .key("max_replicas_per_node", Shape.LONG, Placement::maxReplicasPerNode, Placement.Builder::maxReplicasPerNode, Swarm.since(8))
      .table();

  /** A preference of {@code deploy.placement.preferences}. */
  public static final Table<PlacementPreference, PlacementPreference.Builder> PLACEMENT_PREFERENCE = new Rows<PlacementPreference, PlacementPreference.Builder>()
      .key("spread", Shape.STRING, PlacementPreference::spread, PlacementPreference.Builder::spread, ANY)
      .table();

  /** {@code deploy.resources}. */
  public static final Table<Resources, Resources.Builder> RESOURCES = new Rows<Resources, Resources.Builder>()
      .key("limits", Shape.COMPLEX, Resources::limits, Resources.Builder::limits, ANY)
      .key("reservations", Shape.COMPLEX, Resources::reservations, Resources.Builder::reservations, ANY)
      .table();

  /** {@code deploy.resources.limits} (cpus and memory also note a number written for a string). */
  public static final Table<Resource, Resource.Builder> LIMITS = new Rows<Resource, Resource.Builder>()
      .key("cpus", Shape.COMPLEX, Resource::cpus, Resource.Builder::cpus, ANY)
      .key("memory", Shape.COMPLEX, Resource::memory, Resource.Builder::memory, ANY)
      .key("pids", Shape.LONG, Resource::pids, Resource.Builder::pids, Swarm.since(9))
      .key("generic_resources", Shape.COMPLEX, Resource::genericResources, Resource.Builder::addAllGenericResources, ANY)
      .key("devices", Shape.COMPLEX, Resource::devices, Resource.Builder::addAllDevices, COMPOSE_ONLY)
      .table();

  /** {@code deploy.resources.reservations}: the keys of {@link #LIMITS}, other versions. */
  public static final Table<Resource, Resource.Builder> RESERVATIONS = new Rows<Resource, Resource.Builder>()
      .key("cpus", Shape.COMPLEX, Resource::cpus, Resource.Builder::cpus, ANY)
      .key("memory", Shape.COMPLEX, Resource::memory, Resource.Builder::memory, ANY)
      .key("pids", Shape.LONG, Resource::pids, Resource.Builder::pids, ANY)
      .key("generic_resources", Shape.COMPLEX, Resource::genericResources, Resource.Builder::addAllGenericResources, Swarm.since(5))
      .key("devices", Shape.COMPLEX, Resource::devices, Resource.Builder::addAllDevices, Swarm.no("GPU device requests are a Compose Specification key; use generic_resources for Swarm"))
      .table();

  /** The {@code discrete_resource_spec} of an entry of {@code generic_resources}. */
  public static final Table<GenericResource, GenericResource.Builder> DISCRETE_RESOURCE_SPEC = new Rows<GenericResource, GenericResource.Builder>()
      .key("kind", Shape.STRING, GenericResource::kind, GenericResource.Builder::kind, ANY)
      .key("value", Shape.LONG, GenericResource::value, GenericResource.Builder::value, ANY)
      .table();

  /** A device request of {@code resources.*.devices}. */
  public static final Table<DeviceRequest, DeviceRequest.Builder> DEVICE_REQUEST = new Rows<DeviceRequest, DeviceRequest.Builder>()
      .key("capabilities", Shape.STRINGS, DeviceRequest::capabilities, DeviceRequest.Builder::addAllCapabilities, ANY)
      .key("count", Shape.TEXT, DeviceRequest::count, DeviceRequest.Builder::count, ANY)
      .key("device_ids", Shape.STRINGS, DeviceRequest::deviceIds, DeviceRequest.Builder::addAllDeviceIds, ANY)
      .key("driver", Shape.STRING, DeviceRequest::driver, DeviceRequest.Builder::driver, ANY)
      .key("options", Shape.LABELS, DeviceRequest::options, DeviceRequest.Builder::putAllOptions, ANY)
      .table();

  /** A top-level network's {@code ipam}. */
  public static final Table<Ipam, Ipam.Builder> IPAM = new Rows<Ipam, Ipam.Builder>()
      .key("driver", Shape.STRING, Ipam::driver, Ipam.Builder::driver, ANY)
      .key("config", Shape.COMPLEX, Ipam::config, Ipam.Builder::addAllConfig, ANY)
      .key("options", Shape.STRING_MAP, Ipam::options, Ipam.Builder::putAllOptions, COMPOSE_ONLY)
      .table();

  /** An entry of {@code ipam.config}. */
  public static final Table<IpamConfig, IpamConfig.Builder> IPAM_CONFIG = new Rows<IpamConfig, IpamConfig.Builder>()
      .key("subnet", Shape.STRING, IpamConfig::subnet, IpamConfig.Builder::subnet, ANY)
      .key("gateway", Shape.STRING, IpamConfig::gateway, IpamConfig.Builder::gateway, Swarm.no(SUBNET_ONLY))
      .key("ip_range", Shape.STRING, IpamConfig::ipRange, IpamConfig.Builder::ipRange, Swarm.no(SUBNET_ONLY))
      .key("aux_addresses", Shape.STRING_MAP, IpamConfig::auxAddresses, IpamConfig.Builder::putAllAuxAddresses, Swarm.no(SUBNET_ONLY))
      .table();

  /** A service's {@code blkio_config} (Compose only, as the service key). */
  public static final Table<BlkioConfig, BlkioConfig.Builder> BLKIO_CONFIG = new Rows<BlkioConfig, BlkioConfig.Builder>()
      .key("weight", Shape.INT, BlkioConfig::weight, BlkioConfig.Builder::weight, ANY)
      .key("weight_device", Shape.COMPLEX, BlkioConfig::weightDevice, BlkioConfig.Builder::addAllWeightDevice, ANY)
      .key("device_read_bps", Shape.COMPLEX, BlkioConfig::deviceReadBps, BlkioConfig.Builder::addAllDeviceReadBps, ANY)
      .key("device_read_iops", Shape.COMPLEX, BlkioConfig::deviceReadIops, BlkioConfig.Builder::addAllDeviceReadIops, ANY)
      .key("device_write_bps", Shape.COMPLEX, BlkioConfig::deviceWriteBps, BlkioConfig.Builder::addAllDeviceWriteBps, ANY)
      .key("device_write_iops", Shape.COMPLEX, BlkioConfig::deviceWriteIops, BlkioConfig.Builder::addAllDeviceWriteIops, ANY)
      .table();

  /** An entry of {@code blkio_config.weight_device}. */
  public static final Table<BlkioWeight, BlkioWeight.Builder> BLKIO_WEIGHT = new Rows<BlkioWeight, BlkioWeight.Builder>()
      .key("path", Shape.STRING, BlkioWeight::path, BlkioWeight.Builder::path, ANY)
      .key("weight", Shape.INT, BlkioWeight::weight, BlkioWeight.Builder::weight, ANY)
      .table();

  /** An entry of {@code blkio_config.device_read_bps} and the other three rate limits. */
  public static final Table<BlkioLimit, BlkioLimit.Builder> BLKIO_LIMIT = new Rows<BlkioLimit, BlkioLimit.Builder>()
      .key("path", Shape.STRING, BlkioLimit::path, BlkioLimit.Builder::path, ANY)
      .key("rate", Shape.TEXT, BlkioLimit::rate, BlkioLimit.Builder::rate, ANY)
      .table();

  /** A service's {@code provider} (Compose only). */
  public static final Table<Provider, Provider.Builder> PROVIDER = new Rows<Provider, Provider.Builder>()
      .key("type", Shape.STRING, Provider::type, Provider.Builder::type, ANY)
      .key("options", Shape.COMPLEX, Provider::options, Provider.Builder::putAllOptions, ANY)
      .table();

  /** A model of a service's {@code models} in long syntax (Compose only). */
  public static final Table<ServiceModel, ServiceModel.Builder> SERVICE_MODEL = new Rows<ServiceModel, ServiceModel.Builder>()
      .key("endpoint_var", Shape.STRING, ServiceModel::endpointVar, ServiceModel.Builder::endpointVar, ANY)
      .key("model_var", Shape.STRING, ServiceModel::modelVar, ServiceModel.Builder::modelVar, ANY)
      .table();

  /** A top-level model (Compose only, as {@code models}). */
  public static final Table<Model, Model.Builder> MODEL = new Rows<Model, Model.Builder>()
      .key("model", Shape.STRING, Model::model, Model.Builder::model, ANY)
      .key("name", Shape.STRING, Model::name, Model.Builder::name, ANY)
      .key("context_size", Shape.LONG, Model::contextSize, Model.Builder::contextSize, ANY)
      .key("runtime_flags", Shape.STRINGS, Model::runtimeFlags, Model.Builder::addAllRuntimeFlags, ANY)
      .table();

  /** A service's {@code develop} (Compose only). */
  public static final Table<Develop, Develop.Builder> DEVELOP = new Rows<Develop, Develop.Builder>()
      .key("watch", Shape.COMPLEX, Develop::watch, Develop.Builder::addAllWatch, ANY)
      .table();

  /** A rule of {@code develop.watch}. */
  public static final Table<WatchRule, WatchRule.Builder> WATCH_RULE = new Rows<WatchRule, WatchRule.Builder>()
      .key("path", Shape.STRING, WatchRule::path, WatchRule.Builder::path, ANY)
      .key("action", Shape.STRING, WatchRule::action, WatchRule.Builder::action, ANY)
      .key("target", Shape.STRING, WatchRule::target, WatchRule.Builder::target, ANY)
      .key("ignore", Shape.STRING_OR_LIST, WatchRule::ignore, WatchRule.Builder::addAllIgnore, ANY)
      .key("include", Shape.STRING_OR_LIST, WatchRule::include, WatchRule.Builder::addAllInclude, ANY)
      .key("initial_sync", Shape.BOOL, WatchRule::initialSync, WatchRule.Builder::initialSync, ANY)
      .key("exec", Shape.COMPLEX, WatchRule::exec, WatchRule.Builder::exec, ANY)
      .table();

  /** A hook of {@code pre_start} (Compose only); read in the order the reader always had. */
  public static final Table<ServiceHook, ServiceHook.Builder> HOOK = new Rows<ServiceHook, ServiceHook.Builder>()
      .key("image", Shape.STRING, ServiceHook::image, ServiceHook.Builder::image, ANY)
      .key("command", Shape.COMPLEX, ServiceHook::command, ServiceHook.Builder::addAllCommand, ANY)
      .key("user", Shape.STRING, ServiceHook::user, ServiceHook.Builder::user, ANY)
      .key("privileged", Shape.BOOL, ServiceHook::privileged, ServiceHook.Builder::privileged, ANY)
      .key("working_dir", Shape.STRING, ServiceHook::workingDir, ServiceHook.Builder::workingDir, ANY)
      .key("environment", Shape.ENVIRONMENT, ServiceHook::environment, ServiceHook.Builder::putAllEnvironment, ANY)
      .key("per_replica", Shape.BOOL, ServiceHook::perReplica, ServiceHook.Builder::perReplica, ANY)
      .table()
      .readIn("command", "image", "user", "privileged", "working_dir", "environment", "per_replica");

  /**
   * A hook of {@code post_start} and {@code pre_stop}, and {@code develop.watch.exec}: the keys of
   * {@link #HOOK} but {@code image} and {@code per_replica}.
   */
  public static final Table<ServiceHook, ServiceHook.Builder> POST_START_HOOK = new Rows<ServiceHook, ServiceHook.Builder>()
      .key("command", Shape.COMPLEX, ServiceHook::command, ServiceHook.Builder::addAllCommand, ANY)
      .key("user", Shape.STRING, ServiceHook::user, ServiceHook.Builder::user, ANY)
      .key("privileged", Shape.BOOL, ServiceHook::privileged, ServiceHook.Builder::privileged, ANY)
      .key("working_dir", Shape.STRING, ServiceHook::workingDir, ServiceHook.Builder::workingDir, ANY)
      .key("environment", Shape.ENVIRONMENT, ServiceHook::environment, ServiceHook.Builder::putAllEnvironment, ANY)
      .table();
  // spotless:on
}
