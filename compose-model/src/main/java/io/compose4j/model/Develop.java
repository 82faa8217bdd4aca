package io.compose4j.model;

import java.util.List;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** Development settings ({@code develop}, Compose only). */
@Value.Immutable
public interface Develop {
  /** Returns {@code develop.watch}: the file watch rules. */
  List<WatchRule> watch();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Develop copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Develop} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableDevelop.Builder {
    /** Returns a new, empty builder; same as {@link Develop#builder()}. */
    public Builder() {}
  }
}
