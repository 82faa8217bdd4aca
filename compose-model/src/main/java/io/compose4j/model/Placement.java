package io.compose4j.model;

import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** Where the tasks of a service may run ({@code deploy.placement}). */
@Value.Immutable
public interface Placement {
  /** Returns {@code deploy.placement.constraints}: the constraints every node must satisfy. */
  List<Constraint> constraints();

  /** Returns {@code deploy.placement.preferences}: how tasks are spread over nodes. */
  List<PlacementPreference> preferences();

  /**
   * Returns {@code deploy.placement.max_replicas_per_node}: the most tasks of this service on one
   * node.
   */
  @PositiveOrZero(message = "SWARM-VER-008: must not be negative")
  OptionalLong maxReplicasPerNode();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Placement copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Placement} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutablePlacement.Builder {
    /** Returns a new, empty builder; same as {@link Placement#builder()}. */
    public Builder() {}

    /** Adds a constraint ({@code node.role().eq(MANAGER)} in the DSL). */
    public Builder constraint(Constraint constraint) {
      return addConstraint(constraint);
    }

    /** Adds a constraint written as text ({@code node.labels.zone == eu-1}). */
    public Builder constraint(String constraint) {
      return addConstraint(Constraint.raw(constraint));
    }

    /** Adds a spread preference over a node attribute ({@code node.labels.zone}). */
    public Builder spread(NodeAttribute attribute) {
      return addPreference(PlacementPreference.builder().spread(attribute.key()).build());
    }

    /** Adds a spread preference written as text. */
    public Builder spread(String attribute) {
      return addPreference(PlacementPreference.builder().spread(attribute).build());
    }
  }
}
