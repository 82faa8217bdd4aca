package io.compose4j.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * One service: the Compose Specification service (every key compose-go knows) plus the Swarm {@code
 * deploy} section. Keys Swarm ignores are still held here; the validator reports them and the
 * {@code SWARM} writer leaves out those the 3.x format cannot express.
 */
@Value.Immutable
public interface Service {
  /** Returns {@code annotations}: OCI annotations for the container. */
  Map<String, String> annotations();

  /** Returns {@code attach}: whether {@code docker compose up} attaches to the logs. */
  Optional<Boolean> attach();

  /** Returns {@code blkio_config}: block IO limits. */
  Optional<@Valid BlkioConfig> blkioConfig();

  /** Returns {@code build}: how to build the image (ignored by {@code docker stack deploy}). */
  Optional<Build> build();

  /** Returns {@code cap_add}: kernel capabilities to add. */
  List<String> capAdd();

  /** Returns {@code cap_drop}: kernel capabilities to drop. */
  List<String> capDrop();

  /** Returns {@code cgroup}: the cgroup namespace ({@code host} or {@code private}). */
  Optional<String> cgroup();

  /** Returns {@code cgroup_parent}: the parent cgroup. */
  Optional<String> cgroupParent();

  /**
   * Returns {@code cgroupns_mode}: the cgroup namespace mode (format 3.9; not supported by stacks).
   */
  Optional<String> cgroupnsMode();

  /**
   * Returns {@code command}: the command, split into words as Docker splits a string command; empty
   * when the image default is used.
   */
  Optional<List<String>> command();

  /** Returns {@code configs}: the configs mounted into the container. */
  List<ServiceConfig> configs();

  /** Returns {@code container_name}: a fixed container name (not supported by stacks). */
  Optional<String> containerName();

  /** Returns {@code cpu_count}: the number of usable CPUs (Windows). */
  OptionalLong cpuCount();

  /** Returns {@code cpu_percent}: the usable percentage of CPUs (Windows). */
  OptionalLong cpuPercent();

  /** Returns {@code cpu_period}: the CPU CFS period in microseconds. */
  OptionalLong cpuPeriod();

  /** Returns {@code cpu_quota}: the CPU CFS quota in microseconds. */
  OptionalLong cpuQuota();

  /** Returns {@code cpu_rt_period}: the real-time scheduler period. */
  Optional<String> cpuRtPeriod();

  /** Returns {@code cpu_rt_runtime}: the real-time scheduler runtime. */
  Optional<String> cpuRtRuntime();

  /** Returns {@code cpu_shares}: the relative CPU weight. */
  OptionalLong cpuShares();

  /** Returns {@code cpus}: the number of CPUs (Compose; Swarm uses {@code deploy.resources}). */
  Optional<Cpus> cpus();

  /** Returns {@code cpuset}: the CPUs the container may use ({@code 0-3}, {@code 0,1}). */
  Optional<String> cpuset();

  /** Returns {@code credential_spec}: the managed service account credential spec (Windows). */
  Optional<CredentialSpec> credentialSpec();

  /**
   * Returns {@code depends_on}: the services this one starts after, in the order written (ignored
   * by stacks).
   */
  List<DependsOn> dependsOn();

  /** Returns {@code deploy}: the Swarm deployment settings. */
  Optional<@Valid Deploy> deploy();

  /** Returns {@code develop}: the development watch rules (Compose only). */
  Optional<Develop> develop();

  /** Returns {@code device_cgroup_rules}: device cgroup rules. */
  List<String> deviceCgroupRules();

  /** Returns {@code devices}: host devices mapped into the container. */
  List<Device> devices();

  /** Returns {@code dns}: custom DNS servers. */
  List<String> dns();

  /** Returns {@code dns_opt}: DNS resolver options. */
  List<String> dnsOpt();

  /** Returns {@code dns_search}: DNS search domains. */
  List<String> dnsSearch();

  /** Returns {@code domainname}: the container domain name. */
  Optional<String> domainname();

  /**
   * Returns {@code entrypoint}: the entrypoint, split into words as Docker splits a string
   * entrypoint.
   */
  Optional<List<String>> entrypoint();

  /** Returns {@code env_file}: files to read environment variables from, in order. */
  List<EnvFile> envFile();

  /**
   * Returns {@code environment}: the environment variables; an empty value means the variable is
   * taken from the host or left unset.
   */
  Map<String, Optional<String>> environment();

  /** Returns {@code expose}: ports exposed to linked services without publishing. */
  List<String> expose();

  /** Returns {@code extends}: the service this one extends (resolved before deployment). */
  Optional<Extends> extendsService();

  /**
   * Returns {@code external_links}: links to containers outside the project (not supported by
   * stacks).
   */
  List<String> externalLinks();

  /** Returns {@code extra_hosts}: extra {@code /etc/hosts} entries as {@code host:ip}. */
  List<String> extraHosts();

  /** Returns {@code gpus}: GPU devices ({@code all} or a list of device requests). */
  Optional<RawValue> gpus();

  /** Returns {@code group_add}: additional groups of the container user. */
  List<String> groupAdd();

  /** Returns {@code healthcheck}: the health check. */
  Optional<@Valid Healthcheck> healthcheck();

  /**
   * Returns {@code hostname}: the container host name (may be a Swarm template such as {@code
   * {{.Node.Hostname}}}).
   */
  Optional<String> hostname();

  /** Returns {@code image}: the image reference as written; see {@link ImageRef#parse}. */
  Optional<String> image();

  /** Returns {@code init}: whether to run an init process as PID 1. */
  Optional<Boolean> init();

  /** Returns {@code ipc}: the IPC namespace mode. */
  Optional<String> ipc();

  /** Returns {@code isolation}: the container isolation technology (Windows). */
  Optional<String> isolation();

  /**
   * Returns {@code labels}: container labels (for Swarm service labels see {@code deploy.labels}).
   */
  Map<String, String> labels();

  /** Returns {@code label_file}: files to read container labels from. */
  List<String> labelFile();

  /** Returns {@code links}: links to other services (not supported by stacks). */
  List<String> links();

  /** Returns {@code logging}: the logging driver and its options. */
  Optional<Logging> logging();

  /** Returns {@code mac_address}: the container MAC address. */
  Optional<String> macAddress();

  /** Returns {@code mem_limit}: the memory limit (Compose; Swarm uses {@code deploy.resources}). */
  Optional<ByteSize> memLimit();

  /** Returns {@code mem_reservation}: the memory reservation (Compose). */
  Optional<ByteSize> memReservation();

  /** Returns {@code mem_swappiness}: the swappiness, 0 to 100. */
  @Min(value = 0, message = "COMPOSE-RANGE: must be between 0 and 100")
  @Max(value = 100, message = "COMPOSE-RANGE: must be between 0 and 100")
  OptionalInt memSwappiness();

  /** Returns {@code memswap_limit}: the memory plus swap limit; -1 is unlimited. */
  Optional<ByteSize> memswapLimit();

  /** Returns {@code models}: the AI models this service uses, by model key. */
  Map<String, ServiceModel> models();

  /**
   * Returns {@code network_mode}: the network mode ({@code host}, {@code none}, {@code service:x},
   * ...).
   */
  Optional<String> networkMode();

  /**
   * Returns {@code networks}: the networks the service joins, by the stack key; an empty entry
   * means defaults.
   */
  Map<String, ServiceNetwork> networks();

  /** Returns {@code oom_kill_disable}: whether the OOM killer is disabled. */
  Optional<Boolean> oomKillDisable();

  /** Returns {@code oom_score_adj}: the OOM score adjustment, -1000 to 1000. */
  @Min(value = -1000, message = "COMPOSE-RANGE: must be between -1000 and 1000")
  @Max(value = 1000, message = "COMPOSE-RANGE: must be between -1000 and 1000")
  OptionalInt oomScoreAdj();

  /** Returns {@code pid}: the PID namespace mode. */
  Optional<String> pid();

  /**
   * Returns {@code pids_limit}: the maximum number of processes (Compose; Swarm uses {@code
   * deploy.resources.limits.pids}).
   */
  OptionalLong pidsLimit();

  /** Returns {@code platform}: the target platform ({@code linux/amd64}). */
  Optional<String> platform();

  /**
   * Returns {@code ports}: the published ports, each container port on its own entry (short- syntax
   * ranges are expanded).
   */
  List<@Valid PortMapping> ports();

  /**
   * Returns {@code pre_start}: commands run in a container before the service's container starts.
   */
  List<ServiceHook> preStart();

  /** Returns {@code post_start}: commands run after the container starts. */
  List<ServiceHook> postStart();

  /** Returns {@code pre_stop}: commands run before the container stops. */
  List<ServiceHook> preStop();

  /** Returns {@code privileged}: whether the container runs privileged. */
  Optional<Boolean> privileged();

  /** Returns {@code profiles}: the profiles that enable this service (Compose only). */
  List<String> profiles();

  /** Returns {@code provider}: an external provider that implements this service (Compose only). */
  Optional<Provider> provider();

  /** Returns {@code pull_policy}: when to pull the image (Compose only). */
  Optional<String> pullPolicy();

  /** Returns {@code pull_refresh_after}: how long a pulled image stays fresh (Compose only). */
  Optional<String> pullRefreshAfter();

  /** Returns {@code read_only}: whether the root file system is read-only. */
  Optional<Boolean> readOnly();

  /**
   * Returns {@code restart}: the container restart policy (ignored by stacks; see {@code
   * deploy.restart_policy}).
   */
  Optional<String> restart();

  /** Returns {@code runtime}: the OCI runtime. */
  Optional<String> runtime();

  /**
   * Returns {@code scale}: the number of containers (Compose; Swarm uses {@code deploy.replicas}).
   */
  OptionalInt scale();

  /** Returns {@code secrets}: the secrets mounted into the container. */
  List<ServiceSecret> secrets();

  /** Returns {@code security_opt}: security options ({@code label=...}, {@code seccomp=...}). */
  List<String> securityOpt();

  /** Returns {@code shm_size}: the size of {@code /dev/shm}. */
  Optional<ByteSize> shmSize();

  /** Returns {@code stdin_open}: whether stdin stays open. */
  Optional<Boolean> stdinOpen();

  /**
   * Returns {@code stop_grace_period}: how long to wait after the stop signal before killing the
   * container.
   */
  Optional<Duration> stopGracePeriod();

  /** Returns {@code stop_signal}: the signal that stops the container. */
  Optional<String> stopSignal();

  /** Returns {@code storage_opt}: storage driver options. */
  Map<String, String> storageOpt();

  /** Returns {@code sysctls}: kernel parameters. */
  Map<String, String> sysctls();

  /** Returns {@code tmpfs}: tmpfs mounts as {@code path[:options]}. */
  List<String> tmpfs();

  /** Returns {@code tty}: whether a TTY is allocated. */
  Optional<Boolean> tty();

  /** Returns {@code ulimits}: resource limits, by name ({@code nofile}, {@code nproc}). */
  Map<String, @Valid Ulimit> ulimits();

  /** Returns {@code use_api_socket}: whether the Docker API socket is mounted (Compose only). */
  Optional<Boolean> useApiSocket();

  /** Returns {@code user}: the user (and group) the process runs as. */
  Optional<String> user();

  /** Returns {@code userns_mode}: the user namespace mode. */
  Optional<String> usernsMode();

  /** Returns {@code uts}: the UTS namespace mode. */
  Optional<String> uts();

  /** Returns {@code volumes}: the mounts of the container. */
  List<Mount> volumes();

  /**
   * Returns {@code volumes_from}: services or containers to mount volumes from (not supported by
   * stacks).
   */
  List<String> volumesFrom();

  /** Returns {@code working_dir}: the working directory. */
  Optional<String> workingDir();

  /** Returns the {@code x-*} extension keys of this service, by key. */
  Map<String, RawValue> extensions();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Service copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Service} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableService.Builder {
    /** Returns a new, empty builder; same as {@link Service#builder()}. */
    public Builder() {}

    /** Sets {@code deploy.replicas}, keeping the rest of {@code deploy}. */
    public Builder replicas(long replicas) {
      deployBuilder().replicas(replicas);
      return this;
    }

    /** Sets {@code command} to these words (no shell splitting). */
    public Builder command(String... words) {
      return command(List.of(words));
    }

    /** Sets {@code entrypoint} to these words (no shell splitting). */
    public Builder entrypoint(String... words) {
      return entrypoint(List.of(words));
    }

    /** Sets one {@code environment} variable. */
    public Builder env(String name, String value) {
      putEnvironment(name, Optional.of(value));
      return this;
    }

    /** Sets one container {@code labels} entry. */
    public Builder label(String key, String value) {
      putLabel(key, value);
      return this;
    }
  }
}
