package io.compose4j.model;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A Compose or Swarm stack: the root of the model, one Compose file's worth of services,
 * networks, volumes, secrets and configs. Read one with {@code ComposeReader}, build one with the
 * DSL, write one with {@code ComposeWriter}.
 */
@Value.Immutable
public interface Stack {
  /**
   * Returns {@code version}: the Compose file format version (Swarm files use {@code 3.x}; the
   * Compose Specification has none).
   */
  Optional<String> version();

  /**
   * Returns {@code name}: the project name (Compose Specification only; Swarm takes it from the
   * command line).
   */
  Optional<String> name();

  /** Returns {@code services}: the services, by name. */
  Map<String, @Valid Service> services();

  /** Returns {@code networks}: the networks the stack declares, by the key services use. */
  Map<String, Network> networks();

  /** Returns {@code volumes}: the named volumes the stack declares, by the key services use. */
  Map<String, Volume> volumes();

  /** Returns {@code secrets}: the secrets the stack declares, by the key services use. */
  Map<String, Secret> secrets();

  /** Returns {@code configs}: the configs the stack declares, by the key services use. */
  Map<String, Config> configs();

  /**
   * Returns {@code include}: other Compose files this one includes (Compose Specification only).
   */
  List<Include> include();

  /** Returns {@code models}: the AI models the stack declares (Compose Specification only). */
  Map<String, Model> models();

  /** Returns the top-level {@code x-*} extension keys, by key. */
  Map<String, RawValue> extensions();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Stack copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Stack} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableStack.Builder {
    /** Returns a new, empty builder; same as {@link Stack#builder()}. */
    public Builder() {}

    private Stack base;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Volume> volumes = new LinkedHashMap<>();
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final Map<String, Config> configs = new LinkedHashMap<>();

    Builder(Stack base) {
      this.base = base;
      from(base);
    }

    private static <T> T current(Map<String, T> patched, Map<String, T> original, String key) {
      return patched.containsKey(key) ? patched.get(key) : original.get(key);
    }

    /**
     * Patches the service {@code services.<name>}: the changes apply to the service this builder was
     * copied from (or set by an earlier call), or to a new service.
     */
    public Builder service(String name, Consumer<Service.Builder> changes) {
      Service existing = current(services, base == null ? Map.of() : base.services(), name);
      Service.Builder b = existing == null ? Service.builder() : existing.toBuilder();
      changes.accept(b);
      Service updated = b.build();
      services.put(name, updated);
      putService(name, updated);
      return this;
    }

    /** Patches the network {@code networks.<name>} the same way as {@link #service}. */
    public Builder network(String name, Consumer<Network.Builder> changes) {
      Network existing = current(networks, base == null ? Map.of() : base.networks(), name);
      Network.Builder b = existing == null ? Network.builder() : existing.toBuilder();
      changes.accept(b);
      Network updated = b.build();
      networks.put(name, updated);
      putNetwork(name, updated);
      return this;
    }

    /** Patches the volume {@code volumes.<name>} the same way as {@link #service}. */
    public Builder volume(String name, Consumer<Volume.Builder> changes) {
      Volume existing = current(volumes, base == null ? Map.of() : base.volumes(), name);
      Volume.Builder b = existing == null ? Volume.builder() : existing.toBuilder();
      changes.accept(b);
      Volume updated = b.build();
      volumes.put(name, updated);
      putVolume(name, updated);
      return this;
    }

    /** Patches the secret {@code secrets.<name>} the same way as {@link #service}. */
    public Builder secret(String name, Consumer<Secret.Builder> changes) {
      Secret existing = current(secrets, base == null ? Map.of() : base.secrets(), name);
      Secret.Builder b = existing == null ? Secret.builder() : existing.toBuilder();
      changes.accept(b);
      Secret updated = b.build();
      secrets.put(name, updated);
      putSecret(name, updated);
      return this;
    }

    /** Patches the config {@code configs.<name>} the same way as {@link #service}. */
    public Builder config(String name, Consumer<Config.Builder> changes) {
      Config existing = current(configs, base == null ? Map.of() : base.configs(), name);
      Config.Builder b = existing == null ? Config.builder() : existing.toBuilder();
      changes.accept(b);
      Config updated = b.build();
      configs.put(name, updated);
      putConfig(name, updated);
      return this;
    }
  }
}
