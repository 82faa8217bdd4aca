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
 * Nextcloud (apache image, PostgreSQL, Redis). Fixed from the seed stack: restart policies instead
 * of {@code restart: always} (ignored by Swarm), the database password as a Docker secret ({@code
 * POSTGRES_PASSWORD_FILE}, which both images read) instead of plain text, pinned tags.
 */
public final class Nextcloud {
  private Nextcloud() {}

  /**
   * Returns the stack; files it reads (configs with content-hashed names) are resolved against
   * {@code baseDir}, the folder the stack file is written to.
   */
  public static Stack stack(Path baseDir) {
    return Compose.stack(
        "nextcloud",
        s -> {
          s.baseDir(baseDir);
          var front = s.network("front", n -> n.overlay());
          var back = s.network("back", n -> n.overlay().internal(true));
          var html = s.volume("nextcloud");
          var db = s.volume("db");
          var dbPassword = s.externalSecret("nextcloud_db_password");

          s.service(
              "nextcloud",
              app ->
                  app.image("nextcloud:29.0.4-apache")
                      .port(8080, 80)
                      .env("POSTGRES_HOST", "db")
                      .env("POSTGRES_DB", "nextcloud")
                      .env("POSTGRES_USER", "nextcloud")
                      .env("POSTGRES_PASSWORD_FILE", "/run/secrets/nextcloud_db_password")
                      .env("REDIS_HOST", "redis")
                      .secret(dbPassword)
                      .volume(html, "/var/www/html")
                      .network(front, back)
                      .apply(healthcheck("curl", "-f", "http://localhost/status.php"))
                      .deploy(production("2", gib(2)))
                      .replicas(1));

          s.service(
              "db",
              postgres ->
                  postgres
                      .image("postgres:16.3-alpine")
                      .env("POSTGRES_DB", "nextcloud")
                      .env("POSTGRES_USER", "nextcloud")
                      .env("POSTGRES_PASSWORD_FILE", "/run/secrets/nextcloud_db_password")
                      .secret(dbPassword)
                      .volume(db, "/var/lib/postgresql/data")
                      .network(back)
                      .apply(healthcheck("pg_isready", "-U", "nextcloud"))
                      .deploy(stateful("1", gib(1)))
                      .replicas(1));

          s.service(
              "redis",
              redis ->
                  redis
                      .image("redis:7.2.5-alpine")
                      .network(back)
                      .apply(healthcheck("redis-cli", "ping"))
                      .deploy(production("0.5", mib(256)))
                      .replicas(1));
        });
  }
}
