package io.compose4j.benchmarks;

import static io.compose4j.dsl.Compose.cpus;
import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.dsl.Compose.seconds;
import static io.compose4j.dsl.Placements.WORKER;
import static io.compose4j.dsl.Placements.node;

import io.compose4j.dsl.Compose;
import io.compose4j.model.RestartPolicy;
import io.compose4j.model.Stack;
import io.compose4j.model.UpdateConfig;

/**
 * The reference input of the benchmarks (docs/PERFORMANCE.md): the stack {@code
 * ../shared/tools/gen-big-stack.py N} writes, as YAML text (byte for byte the same, checked by
 * {@code BigStackTest}) and built with the DSL.
 */
public final class BigStack {
  private BigStack() {}

  /** Returns the YAML of an n-service stack. */
  public static String yaml(int n) {
    StringBuilder b = new StringBuilder(n * 820);
    b.append("version: \"3.8\"\nservices:\n");
    for (int i = 0; i < n; i++) {
      b.append("  svc")
          .append(i)
          .append(":\n")
          .append("    image: registry.example.com/team/app")
          .append(i)
          .append(":1.")
          .append(i)
          .append(".0\n")
          .append("    environment:\n")
          .append("      - APP_ID=")
          .append(i)
          .append('\n')
          .append("      - LOG_LEVEL=info\n")
          .append("      - DB_HOST=db")
          .append(i % 7)
          .append('\n')
          .append("    ports:\n")
          .append("      - \"")
          .append(10000 + i)
          .append(":8080\"\n")
          .append("    networks: [front, back]\n")
          .append("    secrets: [db_password]\n")
          .append("    healthcheck:\n")
          .append("      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:8080/health\"]\n")
          .append("      interval: 30s\n")
          .append("      timeout: 10s\n")
          .append("      retries: 3\n")
          .append("    deploy:\n")
          .append("      replicas: ")
          .append(1 + i % 5)
          .append('\n')
          .append("      update_config: {parallelism: 2, delay: 10s, failure_action: rollback}\n")
          .append("      restart_policy: {condition: on-failure, delay: 5s, max_attempts: 3}\n")
          .append("      placement:\n")
          .append("        constraints: [node.role == worker]\n")
          .append("        preferences: [{spread: node.labels.zone}]\n")
          .append("      resources:\n")
          .append("        limits: {cpus: '0.5', memory: 512M}\n")
          .append("        reservations: {cpus: '0.25', memory: 256M}\n")
          .append("      labels:\n")
          .append("        com.example.team: team")
          .append(i % 13)
          .append('\n');
    }
    b.append("networks:\n")
        .append("  front: {driver: overlay}\n")
        .append("  back: {driver: overlay, internal: true}\n")
        .append("secrets:\n")
        .append("  db_password: {external: true}\n");
    return b.toString();
  }

  /** Builds the same n-service stack with the DSL. */
  public static Stack dsl(int n) {
    return Compose.stack(
        "big",
        s -> {
          s.version("3.8");
          var front = s.network("front", net -> net.overlay());
          var back = s.network("back", net -> net.overlay().internal(true));
          var dbPassword = s.externalSecret("db_password");
          for (int i = 0; i < n; i++) {
            int id = i;
            s.service(
                "svc" + i,
                svc ->
                    svc.image("registry.example.com/team/app" + id + ":1." + id + ".0")
                        .env("APP_ID", Integer.toString(id))
                        .env("LOG_LEVEL", "info")
                        .env("DB_HOST", "db" + id % 7)
                        .port(10000 + id, 8080)
                        .network(front, back)
                        .secret(dbPassword)
                        .healthcheck(
                            h ->
                                h.test("CMD", "curl", "-f", "http://localhost:8080/health")
                                    .interval(seconds(30))
                                    .timeout(seconds(10))
                                    .retries(3))
                        .deploy(
                            d ->
                                d.replicas(1 + id % 5)
                                    .updateConfig(
                                        u ->
                                            u.parallelism(2)
                                                .delay(seconds(10))
                                                .failureAction(UpdateConfig.ROLLBACK))
                                    .restartPolicy(
                                        r ->
                                            r.condition(RestartPolicy.ON_FAILURE)
                                                .delay(seconds(5))
                                                .maxAttempts(3))
                                    .placement(
                                        p ->
                                            p.constraint(node.role().eq(WORKER))
                                                .spread(node.label("zone")))
                                    .resources(
                                        r ->
                                            r.limits(cpus("0.5"), mib(512))
                                                .reservations(cpus("0.25"), mib(256)))
                                    .label("com.example.team", "team" + id % 13)));
          }
        });
  }
}
