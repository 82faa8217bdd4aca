package io.compose4j.dsl;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.model.Deploy;
import io.compose4j.model.Logging;
import io.compose4j.model.RestartPolicy;
import io.compose4j.model.UpdateConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reusable pieces of configuration as plain {@code Consumer<X.Builder>} values: pass them where the
 * DSL takes a consumer ({@code deploy(Presets.rollingUpdate(2, seconds(10)))}) or chain them with
 * {@code andThen}.
 */
public final class Presets {
  private Presets() {}

  /**
   * Returns a rolling update that replaces {@code parallelism} tasks at a time, starts new tasks
   * before stopping old ones, and rolls back on failure.
   */
  public static Consumer<Deploy.Builder> rollingUpdate(long parallelism, Duration delay) {
    return d ->
        d.updateConfig(
                u ->
                    u.parallelism(parallelism)
                        .delay(delay)
                        .failureAction(UpdateConfig.ROLLBACK)
                        .order(UpdateConfig.START_FIRST))
            .rollbackConfig(r -> r.parallelism(parallelism).order(UpdateConfig.STOP_FIRST));
  }

  /**
   * Returns a restart policy: restart failed tasks up to {@code attempts} times within {@code
   * window}.
   */
  public static Consumer<Deploy.Builder> restartOnFailure(long attempts, Duration window) {
    return d ->
        d.restartPolicy(
            r ->
                r.condition(RestartPolicy.ON_FAILURE)
                    .delay(Duration.ofSeconds(5))
                    .maxAttempts(attempts)
                    .window(window));
  }

  /** Returns CPU and memory limits, with reservations of half the limits. */
  public static Consumer<Deploy.Builder> limits(Cpus cpus, ByteSize memory) {
    Cpus half = Cpus.of(cpus.value().divide(BigDecimal.valueOf(2)));
    return d ->
        d.resources(
            r -> r.limits(cpus, memory).reservations(half, ByteSize.of(memory.bytes() / 2)));
  }

  /**
   * Returns json-file logging with rotation: at most {@code files} files of {@code maxSize} each.
   */
  public static Consumer<Logging.Builder> rotatedJsonLogs(ByteSize maxSize, int files) {
    return l ->
        l.driver("json-file")
            .putOption("max-size", Optional.of(maxSize.toString().toLowerCase(Locale.ROOT)))
            .putOption("max-file", Optional.of(Integer.toString(files)));
  }
}
