package io.compose4j.examples;

import static io.compose4j.dsl.Compose.gib;
import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.examples.Common.healthcheck;
import static io.compose4j.examples.Common.production;
import static io.compose4j.examples.Common.stateful;

import io.compose4j.dsl.Compose;
import io.compose4j.model.Stack;
import java.nio.file.Path;

/**
 * The Discourse forum (web, PostgreSQL, Redis). Fixed from the seed stack: the database password is
 * a Docker secret instead of {@code POSTGRES_PASSWORD=password} in plain text, every image tag is
 * pinned instead of {@code :latest}, and {@code depends_on} (which {@code docker stack deploy}
 * ignores) is replaced by health checks and restart policies.
 */
public final class Discourse {
  private Discourse() {}

  /**
   * Returns the stack; files it reads (configs with content-hashed names) are resolved against
   * {@code baseDir}, the folder the stack file is written to.
   */
  public static Stack stack(Path baseDir) {
    return Compose.stack(
        "discourse",
        s -> {
          s.baseDir(baseDir);
          var front = s.network("front", n -> n.overlay());
          var back = s.network("back", n -> n.overlay().internal(true));
          var discourseData = s.volume("discourse_data");
          var postgresData = s.volume("postgres_data");
          var redisData = s.volume("redis_data");
          var dbPassword = s.externalSecret("discourse_db_password");

          s.service(
              "web",
              web ->
                  web.image("discourse/discourse:3.2.1")
                      .port(80, 80)
                      .env("DISCOURSE_HOSTNAME", "forum.example.com")
                      .env("DISCOURSE_DB_HOST", "postgres")
                      .env("DISCOURSE_DB_PASSWORD_FILE", "/run/secrets/discourse_db_password")
                      .env("DISCOURSE_REDIS_HOST", "redis")
                      .secret(dbPassword)
                      .volume(discourseData, "/var/www/discourse")
                      .network(front, back)
                      .apply(healthcheck("curl", "-f", "http://localhost/srv/status"))
                      .deploy(production("2", gib(2)))
                      .replicas(1));

          s.service(
              "postgres",
              db ->
                  db.image("postgres:13.15")
                      .env("POSTGRES_DB", "discourse")
                      .env("POSTGRES_USER", "discourse")
                      .env("POSTGRES_PASSWORD_FILE", "/run/secrets/discourse_db_password")
                      .secret(dbPassword)
                      .volume(postgresData, "/var/lib/postgresql/data")
                      .network(back)
                      .apply(healthcheck("pg_isready", "-U", "discourse"))
                      .deploy(stateful("1", gib(1)))
                      .replicas(1));

          s.service(
              "redis",
              redis ->
                  redis
                      .image("redis:6.2.14-alpine")
                      .volume(redisData, "/data")
                      .network(back)
                      .apply(healthcheck("redis-cli", "ping"))
                      .deploy(stateful("0.5", mib(256)))
                      .replicas(1));
        });
  }
}
