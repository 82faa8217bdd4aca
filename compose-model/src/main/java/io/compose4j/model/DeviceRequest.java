package io.compose4j.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** A device request ({@code deploy.resources.reservations.devices[]} or {@code gpus[]}). */
@Value.Immutable
public interface DeviceRequest {
  /** Returns {@code capabilities}: the capabilities the device must have ({@code gpu}). */
  List<String> capabilities();

  /** Returns {@code count}: how many devices: a number or {@code all}. */
  Optional<String> count();

  /** Returns {@code device_ids}: specific device ids. */
  List<String> deviceIds();

  /** Returns {@code driver}: the device driver. */
  Optional<String> driver();

  /** Returns {@code options}: driver options. */
  Map<String, String> options();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default DeviceRequest copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link DeviceRequest} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableDeviceRequest.Builder {
    /** Returns a new, empty builder; same as {@link DeviceRequest#builder()}. */
    public Builder() {}
  }
}
