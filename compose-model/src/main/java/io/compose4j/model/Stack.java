package io.compose4j.model;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A Compose or Swarm stack: the root of the model, one Compose file's worth of services, networks,
 * volumes, secrets and configs. Read one with {@code ComposeReader}, build one with the DSL, write
 * one with {@code ComposeWriter}.
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

  /**
   * Returns whether the strings of the stack are Compose templates kept as written, read with
   * {@code ComposeReader.keepingVariables()}: {@code ${VAR}} and {@code $VAR} are variables that
   * Docker substitutes at deploy time and {@code $$} is a literal {@code $}; the writer writes such
   * strings as they are (it checks that each is a valid template). When false (the default: stacks
   * built in code or read with interpolation), strings are plain text and the writer doubles every
   * {@code $}.
   */
  @Value.Default
  default boolean variablesKept() {
    return false;
  }

  /**
   * Returns where in Java the DSL declared each service, network, volume, secret and config of the
   * stack, by YAML path ({@code services.api} to {@code com.example.Shop.stack(Shop.java:42)});
   * empty for a stack read from YAML. Not part of equality, never written.
   */
  @Value.Auxiliary
  Map<String, String> declaredAt();

  /**
   * Returns the Java declaration (see {@link #declaredAt()}) of the object a YAML path is in: for
   * {@code services.api.deploy.replicas}, where {@code services.api} was declared.
   */
  default Optional<String> declarationOf(String path) {
    Map<String, String> sites = declaredAt();
    if (sites.isEmpty()) {
      return Optional.empty();
    }
    String key = path;
    while (true) {
      String site = sites.get(key);
      if (site != null) {
        return Optional.of(site);
      }
      int dot = key.lastIndexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      key = key.substring(0, dot);
    }
  }

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

    /**
     * Returns the value of {@code key} this builder patches: set by an earlier call, or copied from
     * the base stack; {@code null} for a fresh builder that has none.
     *
     * @throws IllegalArgumentException if the builder is a copy and neither has {@code key}
     */
    private <T> T current(
        Map<String, T> patched, Map<String, T> original, String kind, String key) {
      if (patched.containsKey(key)) {
        return patched.get(key);
      }
      if (base != null && !original.containsKey(key)) {
        Set<String> known = new LinkedHashSet<>(original.keySet());
        known.addAll(patched.keySet());
        String adder = "add" + Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
        throw new IllegalArgumentException(
            "no "
                + kind
                + " '"
                + key
                + "' to patch; the stack has the "
                + kind
                + "s "
                + known
                + "; check the name, or add a new "
                + kind
                + " with "
                + adder
                + "(\""
                + key
                + "\", ...)");
      }
      return original.get(key);
    }

    private static <T> void requireNew(
        Map<String, T> patched, Map<String, T> original, String kind, String key) {
      if (patched.containsKey(key) || original.containsKey(key)) {
        throw new IllegalArgumentException(
            "the "
                + kind
                + " '"
                + key
                + "' is declared twice; patch it with "
                + kind
                + "(\""
                + key
                + "\", ...)");
      }
    }

    /**
     * Patches the service {@code services.<name>}: the changes apply to the service this builder
     * was copied from (or set by an earlier call); a fresh builder ({@link Stack#builder()})
     * creates it.
     *
     * @throws IllegalArgumentException if this builder is a copy ({@link Stack#copy}, {@link
     *     Stack#toBuilder()}) of a stack without that service: the message names the services it
     *     has; add a new service with {@link #addService}
     */
    public Builder service(String name, Consumer<Service.Builder> changes) {
      Service existing =
          current(services, base == null ? Map.of() : base.services(), "service", name);
      Service.Builder b = existing == null ? Service.builder() : existing.toBuilder();
      changes.accept(b);
      Service updated = b.build();
      services.put(name, updated);
      putService(name, updated);
      return this;
    }

    /** Patches the network {@code networks.<name>} the same way as {@link #service}. */
    public Builder network(String name, Consumer<Network.Builder> changes) {
      Network existing =
          current(networks, base == null ? Map.of() : base.networks(), "network", name);
      Network.Builder b = existing == null ? Network.builder() : existing.toBuilder();
      changes.accept(b);
      Network updated = b.build();
      networks.put(name, updated);
      putNetwork(name, updated);
      return this;
    }

    /** Patches the volume {@code volumes.<name>} the same way as {@link #service}. */
    public Builder volume(String name, Consumer<Volume.Builder> changes) {
      Volume existing = current(volumes, base == null ? Map.of() : base.volumes(), "volume", name);
      Volume.Builder b = existing == null ? Volume.builder() : existing.toBuilder();
      changes.accept(b);
      Volume updated = b.build();
      volumes.put(name, updated);
      putVolume(name, updated);
      return this;
    }

    /** Patches the secret {@code secrets.<name>} the same way as {@link #service}. */
    public Builder secret(String name, Consumer<Secret.Builder> changes) {
      Secret existing = current(secrets, base == null ? Map.of() : base.secrets(), "secret", name);
      Secret.Builder b = existing == null ? Secret.builder() : existing.toBuilder();
      changes.accept(b);
      Secret updated = b.build();
      secrets.put(name, updated);
      putSecret(name, updated);
      return this;
    }

    /** Patches the config {@code configs.<name>} the same way as {@link #service}. */
    public Builder config(String name, Consumer<Config.Builder> changes) {
      Config existing = current(configs, base == null ? Map.of() : base.configs(), "config", name);
      Config.Builder b = existing == null ? Config.builder() : existing.toBuilder();
      changes.accept(b);
      Config updated = b.build();
      configs.put(name, updated);
      putConfig(name, updated);
      return this;
    }

    /**
     * Adds a new service {@code services.<name>}, built by the consumer.
     *
     * @throws IllegalArgumentException if the stack already has a service of that name
     */
    public Builder addService(String name, Consumer<Service.Builder> settings) {
      requireNew(services, base == null ? Map.of() : base.services(), "service", name);
      Service.Builder b = Service.builder();
      settings.accept(b);
      Service built = b.build();
      services.put(name, built);
      putService(name, built);
      return this;
    }

    /**
     * Adds a new network {@code networks.<name>}, built by the consumer.
     *
     * @throws IllegalArgumentException if the stack already has a network of that name
     */
    public Builder addNetwork(String name, Consumer<Network.Builder> settings) {
      requireNew(networks, base == null ? Map.of() : base.networks(), "network", name);
      Network.Builder b = Network.builder();
      settings.accept(b);
      Network built = b.build();
      networks.put(name, built);
      putNetwork(name, built);
      return this;
    }

    /**
     * Adds a new volume {@code volumes.<name>}, built by the consumer.
     *
     * @throws IllegalArgumentException if the stack already has a volume of that name
     */
    public Builder addVolume(String name, Consumer<Volume.Builder> settings) {
      requireNew(volumes, base == null ? Map.of() : base.volumes(), "volume", name);
      Volume.Builder b = Volume.builder();
      settings.accept(b);
      Volume built = b.build();
      volumes.put(name, built);
      putVolume(name, built);
      return this;
    }

    /**
     * Adds a new secret {@code secrets.<name>}, built by the consumer.
     *
     * @throws IllegalArgumentException if the stack already has a secret of that name
     */
    public Builder addSecret(String name, Consumer<Secret.Builder> settings) {
      requireNew(secrets, base == null ? Map.of() : base.secrets(), "secret", name);
      Secret.Builder b = Secret.builder();
      settings.accept(b);
      Secret built = b.build();
      secrets.put(name, built);
      putSecret(name, built);
      return this;
    }

    /**
     * Adds a new config {@code configs.<name>}, built by the consumer.
     *
     * @throws IllegalArgumentException if the stack already has a config of that name
     */
    public Builder addConfig(String name, Consumer<Config.Builder> settings) {
      requireNew(configs, base == null ? Map.of() : base.configs(), "config", name);
      Config.Builder b = Config.builder();
      settings.accept(b);
      Config built = b.build();
      configs.put(name, built);
      putConfig(name, built);
      return this;
    }
  }
}
