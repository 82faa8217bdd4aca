package com.example.shop;

import static io.compose4j.dsl.Compose.cpus;
import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.dsl.Compose.seconds;
import static io.compose4j.dsl.Placements.WORKER;
import static io.compose4j.dsl.Placements.node;

import io.compose4j.dsl.Compose;
import io.compose4j.model.Stack;

/** The shop's production stack. */
public final class ShopStack {
  private ShopStack() {}

  /** Returns the stack. */
  public static Stack stack() {
    return Compose.stack(
        "shop",
        s -> {
          var backend = s.network("backend", n -> n.overlay().attachable(true));
          var dbPassword = s.externalSecret("db_password");
          s.service(
              "api",
              api ->
                  api.image("registry.example.com/shop/api:1.4.2")
                      .port(8080, 80)
                      .network(backend)
                      .secret(dbPassword)
                      .healthcheck(
                          h ->
                              h.test("CMD", "curl", "-f", "http://localhost/health")
                                  .interval(seconds(30)))
                      .deploy(
                          d ->
                              d.replicas(3)
                                  .updateConfig(
                                      u ->
                                          u.parallelism(1)
                                              .delay(seconds(10))
                                              .failureAction("rollback"))
                                  .placement(
                                      p ->
                                          p.constraint(node.role().eq(WORKER))
                                              .spread(node.label("zone")))
                                  .resources(r -> r.limits(cpus("0.5"), mib(512)))));
        });
  }
}
