package io.compose4j.validate;

import io.compose4j.model.Deploy;
import io.compose4j.model.Network;
import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.model.internal.Rx;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Helpers the rule sets share. */
final class Checks {
  /** swarmkit's DNS-name-component pattern for service and network names. */
  static final Rx DNS_COMPONENT = Rx.compile("^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$");

  /** swarmkit's secret and config name pattern. */
  static final Rx OBJECT_NAME = Rx.compile("^[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?$");

  private Checks() {}

  /** Calls the action for each service with its YAML path ({@code services.<name>}). */
  static void services(Stack stack, BiConsumer<String, Service> action) {
    for (Map.Entry<String, Service> e : stack.services().entrySet()) {
      action.accept(e.getKey(), e.getValue());
    }
  }

  /**
   * Returns whether the service is on the external network {@code host} (by its name, or by its key
   * when it has none). A loop, not a stream: see {@code Rx} on short runs.
   */
  static boolean onHostNetwork(Stack stack, Service s) {
    for (String n : s.networks().keySet()) {
      Network net = stack.networks().get(n);
      if (net != null && net.external().orElse(false) && net.name().orElse(n).equals("host")) {
        return true;
      }
    }
    return false;
  }

  static String path(String service) {
    return "services." + service;
  }

  static Deploy deploy(Service s) {
    return s.deploy().orElse(EMPTY_DEPLOY);
  }

  private static final Deploy EMPTY_DEPLOY = Deploy.builder().build();

  /** Returns the service mode ({@code replicated} when not set). */
  static String mode(Service s) {
    return s.deploy().flatMap(Deploy::mode).filter(m -> !m.isEmpty()).orElse("replicated");
  }

  static boolean isGlobal(String mode) {
    return mode.equals("global") || mode.equals("global-job");
  }

  static boolean isJob(String mode) {
    return mode.equals("replicated-job") || mode.equals("global-job");
  }

  /**
   * Returns the name Docker gives an object: {@code name:}, the key when external, else {@code
   * <stack>_<key>}.
   */
  static String scopedName(RuleContext ctx, String key, Optional<String> name, boolean external) {
    if (name.isPresent()) {
      return name.get();
    }
    if (external) {
      return key;
    }
    return ctx.stackName().orElse("st") + "_" + key;
  }
}
