package io.compose4j.examples;

import static io.compose4j.dsl.Compose.seconds;

import io.compose4j.dsl.Presets;
import io.compose4j.dsl.ServiceDsl;
import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.model.Deploy;
import java.util.function.Consumer;

/** Presets the founding stacks share. */
final class Common {
  private Common() {}

  /** Rolling updates with rollback, restart on failure, CPU and memory limits. */
  static Consumer<Deploy.Builder> production(String cpus, ByteSize memory) {
    return Presets.rollingUpdate(1, seconds(10))
        .andThen(Presets.restartOnFailure(5, seconds(120)))
        .andThen(Presets.limits(Cpus.parse(cpus), memory));
  }

  /** A stateful service: one task at a time, never two on one node (its volume is node-local). */
  static Consumer<Deploy.Builder> stateful(String cpus, ByteSize memory) {
    return Presets.restartOnFailure(5, seconds(120))
        .andThen(Presets.limits(Cpus.parse(cpus), memory))
        .andThen(
            d ->
                d.updateConfig(u -> u.parallelism(1).order("stop-first"))
                    .placement(p -> p.maxReplicasPerNode(1)));
  }

  /** A health check that runs a command in the container. */
  static Consumer<ServiceDsl> healthcheck(String... command) {
    String[] test = new String[command.length + 1];
    test[0] = "CMD";
    System.arraycopy(command, 0, test, 1, command.length);
    return svc ->
        svc.healthcheck(
            h ->
                h.test(test)
                    .interval(seconds(30))
                    .timeout(seconds(5))
                    .retries(3)
                    .startPeriod(seconds(30)));
  }
}
