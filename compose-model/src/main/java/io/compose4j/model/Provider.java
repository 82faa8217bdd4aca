package io.compose4j.model;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** An external provider that implements a service ({@code provider}, Compose only). */
@Value.Immutable
public interface Provider {
  /** Returns {@code provider.type}: the provider type. */
  String type();

  /** Returns {@code provider.options}: the provider options; each may have several values. */
  Map<String, List<String>> options();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Provider copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Provider} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableProvider.Builder {
    /** Returns a new, empty builder; same as {@link Provider#builder()}. */
    public Builder() {}
  }
}
