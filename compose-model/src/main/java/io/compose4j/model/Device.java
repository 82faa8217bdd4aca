package io.compose4j.model;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A host device mapped into a container ({@code devices[]}), {@code /dev/ttyUSB0:/dev/ttyUSB0:rwm}.
 */
@Value.Immutable
public interface Device {
  /** Returns {@code source}: the device on the host. */
  String source();

  /** Returns {@code target}: the path in the container (defaults to the source). */
  Optional<String> target();

  /**
   * Returns {@code permissions}: the cgroup permissions, a combination of {@code r}, {@code w} and
   * {@code m}.
   */
  Optional<String> permissions();

  /**
   * Parses the short syntax {@code source[:target[:permissions]]}.
   *
   * @throws IllegalArgumentException with the input quoted if it has more than three parts
   */
  static Device parse(String text) {
    String[] parts = text.split(":", -1);
    if (text.isEmpty() || parts.length > 3 || parts[0].isEmpty()) {
      throw new IllegalArgumentException(
          "invalid device \""
              + text
              + "\": use source[:target[:permissions]] such as /dev/ttyUSB0:/dev/ttyUSB0:rwm");
    }
    Builder b = builder().source(parts[0]);
    if (parts.length > 1) {
      b.target(parts[1]);
    }
    if (parts.length > 2) {
      b.permissions(parts[2]);
    }
    return b.build();
  }

  /** Returns the short syntax {@code source[:target[:permissions]]}. */
  default String shortSyntax() {
    StringBuilder sb = new StringBuilder(source());
    if (target().isPresent() || permissions().isPresent()) {
      sb.append(':').append(target().orElse(source()));
    }
    permissions().ifPresent(p -> sb.append(':').append(p));
    return sb.toString();
  }

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Device copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Device} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableDevice.Builder {
    /** Returns a new, empty builder; same as {@link Device#builder()}. */
    public Builder() {}
  }
}
