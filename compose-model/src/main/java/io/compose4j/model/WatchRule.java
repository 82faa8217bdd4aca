package io.compose4j.model;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** A file watch rule ({@code develop.watch[]}). */
@Value.Immutable
public interface WatchRule {
  /** Returns {@code path}: the path watched. */
  String path();

  /**
   * Returns {@code action}: {@code rebuild}, {@code sync}, {@code restart}, {@code sync+restart} or
   * {@code sync+exec}.
   */
  String action();

  /** Returns {@code target}: where synced files go in the container. */
  Optional<String> target();

  /** Returns {@code ignore}: patterns that are not watched. */
  List<String> ignore();

  /** Returns {@code include}: patterns that are watched. */
  List<String> include();

  /** Returns {@code initial_sync}: whether files are synced when watching starts. */
  Optional<Boolean> initialSync();

  /** Returns {@code exec}: the command run after a sync. */
  Optional<ServiceHook> exec();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default WatchRule copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link WatchRule} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableWatchRule.Builder {
    /** Returns a new, empty builder; same as {@link WatchRule#builder()}. */
    public Builder() {}
  }
}
