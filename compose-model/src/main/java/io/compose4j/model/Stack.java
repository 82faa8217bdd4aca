package io.compose4j.model;

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
  Map<String, Service> services();

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
    return new Builder().from(this);
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
  }
}
