package io.compose4j.dsl;

import static io.compose4j.dsl.Compose.cpus;
import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.dsl.Compose.seconds;
import static io.compose4j.dsl.Placements.WORKER;
import static io.compose4j.dsl.Placements.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeWriter;
import org.junit.jupiter.api.Test;

/** The README quick start, as written there. */
class ReadmeQuickStartTest {
  @Test
  void quickStartBuildsAndPrintsASwarmService() {
    Stack stack =
        Compose.stack(
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
    String yaml = ComposeWriter.forTarget(Target.SWARM).write(stack);
    assertThat(yaml)
        .startsWith(
            "version: \"3.3\"\nservices:\n  api:\n    image: registry.example.com/shop/api:1.4.2\n")
        .contains("      - target: 80\n        published: 8080\n")
        .contains("          - node.role == worker\n")
        .contains("          memory: 512M\n");
    Stack scaled = stack.copy(s -> s.service("api", a -> a.replicas(5)));
    assertThat(scaled.services().get("api").deploy().orElseThrow().replicas()).hasValue(5);
    assertThat(scaled.services().get("api").healthcheck())
        .isEqualTo(stack.services().get("api").healthcheck());
  }
}
