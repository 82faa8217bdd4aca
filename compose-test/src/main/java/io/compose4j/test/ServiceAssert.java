package io.compose4j.test;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Constraint;
import io.compose4j.model.Cpus;
import io.compose4j.model.Deploy;
import io.compose4j.model.Mount;
import io.compose4j.model.PortMapping;
import io.compose4j.model.Resource;
import io.compose4j.model.Service;
import io.compose4j.model.ServiceConfig;
import io.compose4j.model.ServiceSecret;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one service of a stack. A failure names the service, the YAML path and quotes the
 * YAML at that path (from the user's file, or the stack's canonical YAML when it was built in
 * code).
 *
 * <pre>{@code
 * assertThat(stack).service("api")
 *     .hasReplicas(3)
 *     .isConstrainedTo("node.role == worker")
 *     .publishes(443)
 *     .usesSecret("db_password")
 *     .hasHealthcheck()
 *     .hasMemoryLimitAtMost("512M");
 * }</pre>
 */
public final class ServiceAssert extends AbstractAssert<ServiceAssert, Service> {
  private final StackAssert stack;
  private final StackSource source;
  private final String name;
  private final String path;

  ServiceAssert(StackAssert stack, StackSource source, String name, Service service) {
    super(service, ServiceAssert.class);
    this.stack = stack;
    this.source = source;
    this.name = name;
    this.path = "services." + name;
  }

  /** Returns to the stack, to go on with another service. */
  public StackAssert and() {
    return stack;
  }

  private Deploy deploy() {
    return actual.deploy().orElse(Deploy.builder().build());
  }

  private ServiceAssert fail(String at, String expectation, String found) {
    String message =
        "Expecting service \""
            + name
            + "\" "
            + expectation
            + "\nbut "
            + found
            + " ("
            + at
            + ")\n"
            + source.fragment(at, 12);
    failWithMessage("%s", message.stripTrailing());
    return this;
  }

  /** Checks the image reference as written ({@code nginx:1.25}). */
  public ServiceAssert hasImage(String image) {
    isNotNull();
    if (!actual.image().equals(Optional.of(image))) {
      return fail(
          path + ".image",
          "to use image " + image,
          actual.image().map(i -> "it uses " + i).orElse("it has no image"));
    }
    return this;
  }

  /** Checks {@code deploy.replicas} of a replicated service (Swarm's default is 1). */
  public ServiceAssert hasReplicas(long replicas) {
    isNotNull();
    Deploy d = deploy();
    if (d.mode().map(m -> m.equals(Deploy.GLOBAL)).orElse(false)) {
      return fail(
          path + ".deploy.mode",
          "to have " + replicas + " replicas",
          "it is global (one task per node)");
    }
    long actualReplicas = d.replicas().orElse(1);
    if (actualReplicas != replicas) {
      return fail(
          path + ".deploy.replicas",
          "to have " + replicas + " replicas",
          d.replicas().isPresent()
              ? "it has " + actualReplicas
              : "deploy.replicas is not set (Swarm runs 1)");
    }
    return this;
  }

  /** Checks that the service runs one task on every eligible node ({@code deploy.mode: global}). */
  public ServiceAssert isGlobal() {
    isNotNull();
    String mode = deploy().mode().orElse(Deploy.REPLICATED);
    if (!mode.equals(Deploy.GLOBAL)) {
      return fail(path + ".deploy.mode", "to be global", "its mode is " + mode);
    }
    return this;
  }

  /**
   * Checks that a placement constraint is present, compared by meaning ({@code
   * "node.role==manager"} matches {@code node.role == manager}).
   */
  public ServiceAssert isConstrainedTo(String constraint) {
    isNotNull();
    Constraint wanted = Constraint.parse(constraint);
    List<Constraint> constraints = deploy().placement().map(p -> p.constraints()).orElse(List.of());
    boolean found = constraints.stream().anyMatch(c -> sameConstraint(c, wanted));
    if (!found) {
      return fail(
          path + ".deploy.placement.constraints",
          "to be constrained to " + wanted,
          constraints.isEmpty()
              ? "it has no placement constraints"
              : "its constraints are " + constraints);
    }
    return this;
  }

  private static boolean sameConstraint(Constraint a, Constraint b) {
    if (a.isValid() && b.isValid()) {
      return a.key().equals(b.key())
          && a.operator().equals(b.operator())
          && a.value().equals(b.value());
    }
    return a.text().strip().equals(b.text().strip());
  }

  /** Checks that the service publishes this port (on the routing mesh or the host). */
  public ServiceAssert publishes(int published) {
    isNotNull();
    if (actual.ports().stream()
        .noneMatch(p -> p.publishedPort().equals(OptionalInt.of(published)))) {
      return fail(path + ".ports", "to publish port " + published, describePorts());
    }
    return this;
  }

  /** Checks that the service publishes {@code published} to container port {@code target}. */
  public ServiceAssert publishes(int published, int target) {
    isNotNull();
    boolean found =
        actual.ports().stream()
            .anyMatch(
                p ->
                    p.publishedPort().equals(OptionalInt.of(published))
                        && p.target().equals(OptionalInt.of(target)));
    if (!found) {
      return fail(
          path + ".ports",
          "to publish port " + published + " to container port " + target,
          describePorts());
    }
    return this;
  }

  /** Checks that the service publishes no port at all (reachable only inside its networks). */
  public ServiceAssert publishesNoPorts() {
    isNotNull();
    if (!actual.ports().isEmpty()) {
      return fail(path + ".ports", "to publish no ports", describePorts());
    }
    return this;
  }

  private String describePorts() {
    if (actual.ports().isEmpty()) {
      return "it publishes no ports";
    }
    return "it publishes " + actual.ports().stream().map(ServiceAssert::describe).toList();
  }

  private static String describe(PortMapping p) {
    return p.published().orElse("(any)")
        + "->"
        + (p.target().isPresent() ? p.target().getAsInt() : "?")
        + "/"
        + p.protocol().orElse("tcp");
  }

  /** Checks that the service mounts the secret declared under this key. */
  public ServiceAssert usesSecret(String secret) {
    isNotNull();
    List<String> used = actual.secrets().stream().map(ServiceSecret::source).toList();
    if (!used.contains(secret)) {
      return fail(
          path + ".secrets",
          "to use secret " + secret,
          used.isEmpty() ? "it uses no secrets" : "it uses " + used);
    }
    return this;
  }

  /** Checks that the service mounts the config declared under this key. */
  public ServiceAssert usesConfig(String config) {
    isNotNull();
    List<String> used = actual.configs().stream().map(ServiceConfig::source).toList();
    if (!used.contains(config)) {
      return fail(
          path + ".configs",
          "to use config " + config,
          used.isEmpty() ? "it uses no configs" : "it uses " + used);
    }
    return this;
  }

  /** Checks that the service is attached to the network declared under this key. */
  public ServiceAssert isAttachedTo(String network) {
    isNotNull();
    if (!actual.networks().containsKey(network)) {
      return fail(
          path + ".networks",
          "to be attached to network " + network,
          actual.networks().isEmpty()
              ? "it lists no networks (only the stack's default network)"
              : "it is attached to " + actual.networks().keySet());
    }
    return this;
  }

  /** Checks that the named volume is mounted at {@code target}. */
  public ServiceAssert mountsVolume(String volume, String target) {
    isNotNull();
    boolean found =
        actual.volumes().stream()
            .anyMatch(
                m ->
                    m.type().equals("volume")
                        && m.source().equals(Optional.of(volume))
                        && m.target().equals(Optional.of(target)));
    if (!found) {
      return fail(
          path + ".volumes",
          "to mount volume " + volume + " at " + target,
          actual.volumes().isEmpty()
              ? "it mounts nothing"
              : "it mounts " + actual.volumes().stream().map(ServiceAssert::describe).toList());
    }
    return this;
  }

  private static String describe(Mount m) {
    return m.type() + " " + m.source().orElse("(anonymous)") + ":" + m.target().orElse("?");
  }

  /** Checks that the service defines a health check that is not disabled. */
  public ServiceAssert hasHealthcheck() {
    isNotNull();
    boolean has =
        actual
            .healthcheck()
            .map(h -> !h.disable().orElse(false) && !h.test().equals(List.of("NONE")))
            .orElse(false);
    if (!has) {
      return fail(
          path,
          "to have a health check",
          actual.healthcheck().isPresent() ? "its health check is disabled" : "it has none");
    }
    return this;
  }

  /**
   * Checks {@code deploy.resources.limits.memory} is set and at most {@code max} ({@code "512M"}).
   */
  public ServiceAssert hasMemoryLimitAtMost(String max) {
    isNotNull();
    ByteSize limit = ByteSize.parse(max);
    Optional<ByteSize> memory =
        deploy().resources().flatMap(r -> r.limits()).flatMap(Resource::memory);
    if (memory.isEmpty()) {
      return fail(
          path + ".deploy.resources.limits.memory",
          "to have a memory limit of at most " + max,
          "it has no memory limit");
    }
    if (memory.get().compareTo(limit) > 0) {
      return fail(
          path + ".deploy.resources.limits.memory",
          "to have a memory limit of at most " + max,
          "its limit is " + memory.get());
    }
    return this;
  }

  /** Checks {@code deploy.resources.limits.cpus} is set and at most {@code max} ({@code "0.5"}). */
  public ServiceAssert hasCpuLimitAtMost(String max) {
    isNotNull();
    Cpus limit = Cpus.parse(max);
    Optional<Cpus> cpus = deploy().resources().flatMap(r -> r.limits()).flatMap(Resource::cpus);
    if (cpus.isEmpty()) {
      return fail(
          path + ".deploy.resources.limits.cpus",
          "to have a CPU limit of at most " + max,
          "it has no CPU limit");
    }
    if (cpus.get().compareTo(limit) > 0) {
      return fail(
          path + ".deploy.resources.limits.cpus",
          "to have a CPU limit of at most " + max,
          "its limit is " + cpus.get());
    }
    return this;
  }

  /** Checks an environment variable's value. */
  public ServiceAssert hasEnvironment(String variable, String value) {
    isNotNull();
    Optional<String> actualValue = actual.environment().getOrDefault(variable, Optional.empty());
    if (!actual.environment().containsKey(variable) || !actualValue.equals(Optional.of(value))) {
      return fail(
          path + ".environment." + variable,
          "to set " + variable + "=" + value,
          !actual.environment().containsKey(variable)
              ? variable + " is not set"
              : actualValue
                  .map(v -> "it sets " + variable + "=" + v)
                  .orElse(variable + " has no value (taken from the host)"));
    }
    return this;
  }

  /** Checks a Swarm service label ({@code deploy.labels}). */
  public ServiceAssert hasDeployLabel(String key, String value) {
    isNotNull();
    String actualValue = deploy().labels().get(key);
    if (!value.equals(actualValue)) {
      return fail(
          path + ".deploy.labels." + key,
          "to have deploy label " + key + "=" + value,
          actualValue == null ? "the label is not set" : "it is " + key + "=" + actualValue);
    }
    return this;
  }

  /**
   * Checks {@code deploy.restart_policy.condition} ({@code none}, {@code on-failure}, {@code any};
   * default any).
   */
  public ServiceAssert hasRestartCondition(String condition) {
    isNotNull();
    String actualCondition = deploy().restartPolicy().flatMap(r -> r.condition()).orElse("any");
    if (!actualCondition.equals(condition)) {
      return fail(
          path + ".deploy.restart_policy.condition",
          "to restart on condition " + condition,
          "its condition is " + actualCondition);
    }
    return this;
  }
}
