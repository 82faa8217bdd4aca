package io.compose4j.model;

import java.util.function.Consumer;
import org.immutables.value.Value;

/** A spread preference ({@code deploy.placement.preferences[].spread}). */
@Value.Immutable
public interface PlacementPreference {
  /** Returns {@code spread}: the node attribute to spread tasks over ({@code node.labels.zone}). */
  String spread();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default PlacementPreference copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /**
   * Builds {@link PlacementPreference} values; collection setters are {@code addX}/{@code putX}.
   */
  final class Builder extends ImmutablePlacementPreference.Builder {
    /** Returns a new, empty builder; same as {@link PlacementPreference#builder()}. */
    public Builder() {}
  }
}
