package com.example.shop;

import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.dsl.Compose.seconds;

import io.compose4j.dsl.Compose;
import io.compose4j.model.Stack;
import java.util.Map;

/** The shop's stacks, by the name they are deployed under. */
public final class Stacks {
  private Stacks() {}

  /** Returns the stacks: compose4j:generate writes each to target/stacks/NAME.yml. */
  public static Map<String, Stack> stacks() {
    return Map.of(
        "shop",
        Compose.stack(
            "shop",
            s -> {
              var backend = s.network("backend", n -> n.overlay().attachable(true));
              s.service(
                  "api",
                  api ->
                      api.image("registry.example.com/shop/api:1.4.2")
                          .port(8080, 80)
                          .network(backend)
                          .healthcheck(
                              h ->
                                  h.test("CMD", "curl", "-f", "http://localhost/health")
                                      .interval(seconds(30)))
                          .deploy(
                              d ->
                                  d.replicas(3).resources(r -> r.limits(l -> l.memory(mib(512))))));
            }));
  }
}
