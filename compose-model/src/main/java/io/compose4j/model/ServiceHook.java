package io.compose4j.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A lifecycle hook command ({@code post_start[]}, {@code pre_stop[]}), or a {@code pre_start[]}
 * init container (which may name its own {@code image} and run {@code per_replica}).
 */
@Value.Immutable
public interface ServiceHook {
  /** Returns {@code command}: the command. */
  List<String> command();

  /** Returns {@code user}: the user it runs as. */
  Optional<String> user();

  /** Returns {@code privileged}: whether it runs privileged. */
  Optional<Boolean> privileged();

  /** Returns {@code working_dir}: its working directory. */
  Optional<String> workingDir();

  /** Returns {@code environment}: its environment. */
  Map<String, Optional<String>> environment();

  /**
   * Returns {@code image} (pre_start only): the image of the init container, the service's by
   * default.
   */
  Optional<String> image();

  /** Returns {@code per_replica} (pre_start only): whether it runs once per replica. */
  Optional<Boolean> perReplica();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default ServiceHook copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link ServiceHook} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableServiceHook.Builder {
    /** Returns a new, empty builder; same as {@link ServiceHook#builder()}. */
    public Builder() {}
  }
}
