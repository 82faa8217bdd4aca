package io.compose4j.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * A mount of a service ({@code volumes[]}) in long form. The short syntax {@code
 * [source:]target[:options]} is sugar for it: a source starting with {@code .}, {@code /} or {@code
 * ~} is a bind mount, any other source a named volume, no source an anonymous volume; see {@link
 * #parse(String)}.
 */
@Value.Immutable
public interface Mount {
  /**
   * Returns {@code type}: {@code volume}, {@code bind}, {@code tmpfs}, {@code npipe}, {@code
   * cluster} or {@code image}.
   */
  String type();

  /** Returns {@code source}: the volume key, host path or cluster volume group. */
  Optional<String> source();

  /** Returns {@code target}: the path in the container. */
  Optional<String> target();

  /** Returns {@code read_only}: whether the mount is read-only. */
  Optional<Boolean> readOnly();

  /** Returns {@code consistency}: the consistency requirement (Docker Desktop). */
  Optional<String> consistency();

  /** Returns {@code bind}: bind mount options. */
  Optional<MountBind> bind();

  /** Returns {@code volume}: volume mount options. */
  Optional<MountVolume> volume();

  /** Returns {@code tmpfs}: tmpfs mount options. */
  Optional<MountTmpfs> tmpfs();

  /** Returns {@code image}: image mount options (Compose only). */
  Optional<MountImage> image();

  /** Returns the {@code x-*} extension keys of this entry, by key. */
  Map<String, RawValue> extensions();

  /**
   * Parses the short syntax as Docker does: {@code /data}, {@code data:/var/lib/data}, {@code
   * ./conf:/etc/app:ro}, {@code /src:/dst:ro,rshared}. Options {@code ro}, {@code rw}, {@code
   * nocopy}, the bind propagation modes and, on bind mounts, the SELinux labels {@code z}/{@code Z}
   * are understood; Docker ignores any other option (see {@link #ignoredOptions(String)}).
   *
   * @throws IllegalArgumentException with the input quoted if Docker would refuse it
   */
  static Mount parse(String spec) {
    return VolumeSpecs.parse(spec);
  }

  /** Returns the options of a short-syntax mount that Docker ignores ({@code cached}, ...). */
  static List<String> ignoredOptions(String spec) {
    return VolumeSpecs.ignoredOptions(spec);
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
  default Mount copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Mount} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableMount.Builder {
    /** Returns a new, empty builder; same as {@link Mount#builder()}. */
    public Builder() {}
  }
}
