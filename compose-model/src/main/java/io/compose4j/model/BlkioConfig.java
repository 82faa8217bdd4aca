package io.compose4j.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** Block IO limits ({@code blkio_config}). */
@Value.Immutable
public interface BlkioConfig {
  /** Returns {@code blkio_config.weight}: the relative block IO weight, 10 to 1000. */
  @Min(value = 10, message = "COMPOSE-RANGE: must be between 10 and 1000")
  @Max(value = 1000, message = "COMPOSE-RANGE: must be between 10 and 1000")
  OptionalInt weight();

  /** Returns {@code blkio_config.weight_device}: per-device weights. */
  List<BlkioWeight> weightDevice();

  /**
   * Returns {@code blkio_config.device_read_bps}: per-device read rate limits in bytes per second.
   */
  List<BlkioLimit> deviceReadBps();

  /**
   * Returns {@code blkio_config.device_read_iops}: per-device read rate limits in operations per
   * second.
   */
  List<BlkioLimit> deviceReadIops();

  /**
   * Returns {@code blkio_config.device_write_bps}: per-device write rate limits in bytes per
   * second.
   */
  List<BlkioLimit> deviceWriteBps();

  /**
   * Returns {@code blkio_config.device_write_iops}: per-device write rate limits in operations per
   * second.
   */
  List<BlkioLimit> deviceWriteIops();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default BlkioConfig copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link BlkioConfig} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableBlkioConfig.Builder {
    /** Returns a new, empty builder; same as {@link BlkioConfig#builder()}. */
    public Builder() {}
  }
}
