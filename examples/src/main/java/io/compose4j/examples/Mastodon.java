package io.compose4j.examples;

import static io.compose4j.dsl.Compose.gib;
import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.examples.Common.healthcheck;
import static io.compose4j.examples.Common.production;
import static io.compose4j.examples.Common.stateful;

import io.compose4j.dsl.Compose;
import io.compose4j.dsl.ServiceDsl;
import io.compose4j.model.Stack;
import java.nio.file.Path;

/**
 * Mastodon (web, streaming, sidekiq from one image, PostgreSQL, Redis). Fixed from the seed stack:
 * no {@code build: .} and no {@code restart: always} (both ignored by Swarm; restart policies
 * instead); no {@code "127.0.0.1:3000:3000"} ports, which Swarm would publish on every address: web
 * and streaming are unpublished on an internal network behind an nginx proxy; the database has a
 * password (a Docker secret) instead of {@code POSTGRES_HOST_AUTH_METHOD=trust}; the settings of
 * {@code .env.production} are explicit environment variables, so no file has to exist next to the
 * stack; bind mounts of relative folders are named volumes (the media folder shared by web and
 * sidekiq on every node is an NFS volume); tags are pinned.
 */
public final class Mastodon {
  private static final String IMAGE = "ghcr.io/mastodon/mastodon:v4.2.10";

  private Mastodon() {}

  /** The settings every Mastodon process reads (from .env.production in the seed stack). */
  private static void settings(ServiceDsl svc) {
    svc.env("LOCAL_DOMAIN", "social.example.com")
        .env("RAILS_ENV", "production")
        .env("NODE_ENV", "production")
        .env("DB_HOST", "db")
        .env("DB_USER", "mastodon")
        .env("DB_NAME", "mastodon_production")
        .env("REDIS_HOST", "redis");
  }

  /**
   * Returns the stack; files it reads (configs with content-hashed names) are resolved against
   * {@code baseDir}, the folder the stack file is written to.
   */
  public static Stack stack(Path baseDir) {
    return Compose.stack(
        "mastodon",
        s -> {
          s.baseDir(baseDir);
          var front = s.network("front", n -> n.overlay());
          var internal = s.network("internal", n -> n.overlay().internal(true));
          var postgres = s.volume("postgres14");
          var redisData = s.volume("redis");
          // media must be the same on every node running web or sidekiq: an NFS share, not a
          // node-local volume
          var system =
              s.volume(
                  "public_system",
                  v ->
                      v.driver("local")
                          .putDriverOpt("type", "nfs")
                          .putDriverOpt("o", "addr=nfs.example.com,nfsvers=4,rw")
                          .putDriverOpt("device", ":/exports/mastodon/system"));
          var dbPassword = s.externalSecret("mastodon_db_password");
          var secretKeyBase = s.externalSecret("mastodon_secret_key_base");
          var nginxConf = s.hashedConfig("nginx_conf", "mastodon/nginx.conf");

          s.service(
              "db",
              db ->
                  db.image("postgres:14.12-alpine")
                      .env("POSTGRES_USER", "mastodon")
                      .env("POSTGRES_DB", "mastodon_production")
                      .env("POSTGRES_PASSWORD_FILE", "/run/secrets/mastodon_db_password")
                      .secret(dbPassword)
                      .volume(postgres, "/var/lib/postgresql/data")
                      .tmpfs("/dev/shm", mib(256))
                      .network(internal)
                      .apply(healthcheck("pg_isready", "-U", "mastodon"))
                      .deploy(stateful("1", gib(1)))
                      .replicas(1));

          s.service(
              "redis",
              redis ->
                  redis
                      .image("redis:7.2.5-alpine")
                      .volume(redisData, "/data")
                      .network(internal)
                      .apply(healthcheck("redis-cli", "ping"))
                      .deploy(stateful("0.5", mib(512)))
                      .replicas(1));

          s.service(
              "web",
              web ->
                  web.image(IMAGE)
                      .command(
                          "bash",
                          "-c",
                          "rm -f /mastodon/tmp/pids/server.pid; bundle exec rails s -p 3000")
                      .apply(Mastodon::settings)
                      .secret(dbPassword, secretKeyBase)
                      .volume(system, "/mastodon/public/system")
                      .network(internal)
                      .apply(healthcheck("wget", "-q", "--spider", "http://localhost:3000/health"))
                      .deploy(production("2", gib(2)))
                      .replicas(2));

          s.service(
              "streaming",
              streaming ->
                  streaming
                      .image(IMAGE)
                      .command("node", "./streaming")
                      .apply(Mastodon::settings)
                      .secret(dbPassword)
                      .network(internal)
                      .apply(
                          healthcheck(
                              "wget",
                              "-q",
                              "--spider",
                              "http://localhost:4000/api/v1/streaming/health"))
                      .deploy(production("1", mib(512)))
                      .replicas(2));

          s.service(
              "sidekiq",
              sidekiq ->
                  sidekiq
                      .image(IMAGE)
                      .command("bundle", "exec", "sidekiq")
                      .apply(Mastodon::settings)
                      .secret(dbPassword, secretKeyBase)
                      .volume(system, "/mastodon/public/system")
                      .network(internal)
                      .apply(healthcheck("pgrep", "-f", "sidekiq"))
                      .deploy(production("1", gib(1)))
                      .replicas(1));

          s.service(
              "proxy",
              proxy ->
                  proxy
                      .image("nginx:1.27.0-alpine")
                      .port(80, 80)
                      .config(nginxConf, "/etc/nginx/nginx.conf")
                      .network(front, internal)
                      .apply(healthcheck("wget", "-q", "--spider", "http://localhost/health"))
                      .deploy(production("0.5", mib(128)))
                      .replicas(2));
        });
  }
}
