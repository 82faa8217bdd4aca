package com.example.modularshop;

import static io.compose4j.dsl.Compose.cpus;
import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.dsl.Placements.WORKER;
import static io.compose4j.dsl.Placements.node;

import io.compose4j.dsl.Compose;
import io.compose4j.model.Stack;

/** The shop's production stack. */
public final class ShopStack {
  private ShopStack() {}

  /** Returns the stack with the given number of replicas of the API. */
  public static Stack stack(int replicas) {
    return Compose.stack(
        "shop",
        s -> {
          var backend = s.network("backend", n -> n.overlay().attachable(true));
          s.service(
              "api",
              api ->
                  api.image("registry.example.com/shop/api:1.4.2")
                      .port(8080, 80)
                      .network(backend)
                      .healthcheck(h -> h.test("CMD", "curl", "-f", "http://localhost/health"))
                      .deploy(
                          d ->
                              d.replicas(replicas)
                                  .placement(p -> p.constraint(node.role().eq(WORKER)))
                                  .resources(r -> r.limits(cpus("0.5"), mib(512)))));
        });
  }
}
