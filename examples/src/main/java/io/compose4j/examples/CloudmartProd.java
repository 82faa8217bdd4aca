package io.compose4j.examples;

import static io.compose4j.dsl.Compose.cpus;
import static io.compose4j.dsl.Compose.gib;
import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.dsl.Compose.seconds;
import static io.compose4j.dsl.Placements.MANAGER;
import static io.compose4j.dsl.Placements.WORKER;
import static io.compose4j.dsl.Placements.node;
import static io.compose4j.examples.Common.healthcheck;
import static io.compose4j.model.RestartPolicy.ON_FAILURE;
import static io.compose4j.model.UpdateConfig.ROLLBACK;

import io.compose4j.dsl.Compose;
import io.compose4j.dsl.Template;
import io.compose4j.model.Stack;
import java.nio.file.Path;

/**
 * The HA production stack of the founding talk: backend (5 replicas, rolling update with rollback,
 * placement constraint and zone spread, limits and reservations, health check, secrets), Patroni
 * PostgreSQL (3 members), Redis Sentinel and HAProxy. Fixed from the seed stack: pinned tags
 * instead of {@code :latest}, and Patroni gets {@code max_replicas_per_node: 1} so two members of
 * the cluster never share a node (each keeps its data on a {@code local} volume).
 */
public final class CloudmartProd {
  private CloudmartProd() {}

  /**
   * Returns the stack; files it reads (configs with content-hashed names) are resolved against
   * {@code baseDir}, the folder the stack file is written to.
   */
  public static Stack stack(Path baseDir) {
    return Compose.stack(
        "cloudmart-prod",
        s -> {
          s.baseDir(baseDir);
          var backendNetwork = s.network("backend_network", n -> n.overlay().attachable(true));
          var dbNetwork = s.network("db_network", n -> n.overlay().internal(true));
          var postgresData = s.volume("postgres_data", v -> v.driver("local"));
          var dbPassword = s.externalSecret("db_password");
          var jwtSecret = s.externalSecret("jwt_secret");
          var haproxyConfig = s.externalConfig("haproxy_config");
          var sentinelConfig = s.externalConfig("sentinel_config");

          s.service(
              "backend",
              backend ->
                  backend
                      .image("cloudmart/backend:1.4.2")
                      .deploy(
                          d ->
                              d.replicas(5)
                                  .updateConfig(
                                      u ->
                                          u.parallelism(2)
                                              .delay(seconds(10))
                                              .failureAction(ROLLBACK))
                                  .restartPolicy(
                                      r -> r.condition(ON_FAILURE).delay(seconds(5)).maxAttempts(3))
                                  .placement(
                                      p ->
                                          p.constraint(node.role().eq(WORKER))
                                              .spread(node.label("zone")))
                                  .resources(
                                      r ->
                                          r.limits(cpus("2"), gib(4))
                                              .reservations(cpus("1"), gib(2))))
                      .healthcheck(
                          h ->
                              h.test("CMD", "curl", "-f", "http://localhost:3000/health")
                                  .interval(seconds(30))
                                  .timeout(seconds(10))
                                  .retries(3)
                                  .startPeriod(seconds(40)))
                      .network(backendNetwork, dbNetwork)
                      .secret(dbPassword, jwtSecret));

          s.service(
              "postgres-ha",
              postgres ->
                  postgres
                      .image("patroni/patroni:3.3.2")
                      .deploy(
                          d ->
                              d.replicas(3)
                                  .placement(
                                      p ->
                                          p.constraint(node.label("type").eq("database"))
                                              .maxReplicasPerNode(1))
                                  .resources(
                                      r ->
                                          r.limits(cpus("2"), gib(4))
                                              .reservations(cpus("1"), gib(2))))
                      .env("PATRONI_SCOPE", "postgres-cluster")
                      .env("PATRONI_NAME", Template.nodeHostname())
                      .env("PATRONI_POSTGRESQL_DATA_DIR", "/data/postgres")
                      .secret(dbPassword)
                      .volume(postgresData, "/data/postgres")
                      .apply(healthcheck("pg_isready"))
                      .network(dbNetwork));

          s.service(
              "redis-sentinel",
              sentinel ->
                  sentinel
                      .image("redis:7.2.5-alpine")
                      .deploy(
                          d ->
                              d.replicas(3)
                                  .placement(p -> p.maxReplicasPerNode(1))
                                  .resources(r -> r.limits(cpus("0.5"), mib(256))))
                      .command("redis-sentinel", "/etc/redis/sentinel.conf")
                      .config(sentinelConfig, "/etc/redis/sentinel.conf")
                      .apply(healthcheck("redis-cli", "-p", "26379", "ping"))
                      .network(backendNetwork));

          s.service(
              "haproxy",
              haproxy ->
                  haproxy
                      .image("haproxy:2.9.7")
                      .deploy(
                          d ->
                              d.replicas(2)
                                  .placement(p -> p.constraint(node.role().eq(MANAGER)))
                                  .resources(r -> r.limits(cpus("1"), mib(512))))
                      .port(80, 80)
                      .port(443, 443)
                      .config(haproxyConfig, "/usr/local/etc/haproxy/haproxy.cfg")
                      .apply(
                          healthcheck("haproxy", "-c", "-f", "/usr/local/etc/haproxy/haproxy.cfg"))
                      .network(backendNetwork));
        });
  }
}
