package io.compose4j.examples;

import static io.compose4j.dsl.Compose.cpus;
import static io.compose4j.dsl.Compose.gib;
import static io.compose4j.dsl.Compose.mib;
import static io.compose4j.dsl.Placements.MANAGER;
import static io.compose4j.dsl.Placements.node;
import static io.compose4j.examples.Common.healthcheck;

import io.compose4j.dsl.Compose;
import io.compose4j.model.Stack;
import java.nio.file.Path;

/**
 * Prometheus, Grafana, node-exporter and cAdvisor on every node, Elasticsearch/Logstash/Kibana and
 * Alertmanager. Fixed from the seed stack, which did not deploy at all: the volumes {@code
 * prometheus_data}, {@code grafana_data} and {@code elasticsearch_data}, the configs {@code
 * prometheus_config}, {@code logstash_config} and {@code alertmanager_config} and the secret {@code
 * grafana_password} are declared (with handles, they cannot be forgotten again); configs are read
 * from files with content-hashed names so a changed file rolls out; stateful replicated services
 * keep one task per node; tags are pinned.
 */
public final class Monitoring {
  private Monitoring() {}

  /**
   * Returns the stack; files it reads (configs with content-hashed names) are resolved against
   * {@code baseDir}, the folder the stack file is written to.
   */
  public static Stack stack(Path baseDir) {
    return Compose.stack(
        "monitoring",
        s -> {
          s.baseDir(baseDir);
          var monitoring = s.network("monitoring", n -> n.overlay().attachable(true));
          var prometheusData = s.volume("prometheus_data");
          var grafanaData = s.volume("grafana_data");
          var elasticsearchData = s.volume("elasticsearch_data");
          var prometheusConfig = s.hashedConfig("prometheus_config", "monitoring/prometheus.yml");
          var logstashConfig = s.hashedConfig("logstash_config", "monitoring/logstash.conf");
          var alertmanagerConfig =
              s.hashedConfig("alertmanager_config", "monitoring/alertmanager.yml");
          var grafanaPassword = s.externalSecret("grafana_password");

          s.service(
              "prometheus",
              prometheus ->
                  prometheus
                      .image("prom/prometheus:v2.53.0")
                      .command(
                          "--config.file=/etc/prometheus/prometheus.yml",
                          "--storage.tsdb.retention.time=30d",
                          "--web.enable-lifecycle",
                          "--storage.tsdb.path=/prometheus")
                      .volume(prometheusData, "/prometheus")
                      .config(prometheusConfig, "/etc/prometheus/prometheus.yml")
                      .network(monitoring)
                      .apply(
                          healthcheck("wget", "-q", "--spider", "http://localhost:9090/-/healthy"))
                      .deploy(
                          d ->
                              d.replicas(2)
                                  .placement(
                                      p ->
                                          p.constraint(node.role().eq(MANAGER))
                                              .maxReplicasPerNode(1))
                                  .resources(r -> r.limits(cpus("1"), gib(2)))));

          s.service(
              "grafana",
              grafana ->
                  grafana
                      .image("grafana/grafana:11.1.0")
                      .port(3000, 3000)
                      .volume(grafanaData, "/var/lib/grafana")
                      .env("GF_SECURITY_ADMIN_PASSWORD__FILE", "/run/secrets/grafana_password")
                      .secret(grafanaPassword)
                      .network(monitoring)
                      .apply(
                          healthcheck("wget", "-q", "--spider", "http://localhost:3000/api/health"))
                      .deploy(d -> d.replicas(1).resources(r -> r.limits(cpus("0.5"), mib(512)))));

          s.service(
              "node-exporter",
              exporter ->
                  exporter
                      .image("prom/node-exporter:v1.8.1")
                      .global()
                      .bind("/proc", "/host/proc", true)
                      .bind("/sys", "/host/sys", true)
                      .bind("/", "/rootfs", true)
                      .command(
                          "--path.procfs=/host/proc",
                          "--path.rootfs=/rootfs",
                          "--path.sysfs=/host/sys")
                      .network(monitoring)
                      .apply(healthcheck("wget", "-q", "--spider", "http://localhost:9100/metrics"))
                      .deploy(d -> d.resources(r -> r.limits(cpus("0.2"), mib(128)))));

          s.service(
              "cadvisor",
              cadvisor ->
                  cadvisor
                      .image("gcr.io/cadvisor/cadvisor:v0.49.1")
                      .global()
                      .bind("/", "/rootfs", true)
                      .bind("/var/run", "/var/run", true)
                      .bind("/sys", "/sys", true)
                      .bind("/var/lib/docker/", "/var/lib/docker", true)
                      .bind("/dev/disk/", "/dev/disk", true)
                      .network(monitoring)
                      .apply(healthcheck("wget", "-q", "--spider", "http://localhost:8080/healthz"))
                      .deploy(d -> d.resources(r -> r.limits(cpus("0.5"), mib(256)))));

          s.service(
              "elasticsearch",
              es ->
                  es.image("elasticsearch:7.17.22")
                      .env("discovery.type", "zen")
                      .env("cluster.name", "docker-cluster")
                      .volume(elasticsearchData, "/usr/share/elasticsearch/data")
                      .network(monitoring)
                      .apply(healthcheck("curl", "-f", "http://localhost:9200/_cluster/health"))
                      .deploy(
                          d ->
                              d.replicas(3)
                                  .placement(p -> p.maxReplicasPerNode(1))
                                  .resources(r -> r.limits(cpus("2"), gib(4)))));

          s.service(
              "logstash",
              logstash ->
                  logstash
                      .image("logstash:7.17.22")
                      .config(logstashConfig, "/usr/share/logstash/pipeline/logstash.conf")
                      .network(monitoring)
                      .apply(healthcheck("curl", "-f", "http://localhost:9600"))
                      .deploy(d -> d.replicas(2).resources(r -> r.limits(cpus("1"), gib(1)))));

          s.service(
              "kibana",
              kibana ->
                  kibana
                      .image("kibana:7.17.22")
                      .port(5601, 5601)
                      .env("ELASTICSEARCH_HOSTS", "http://elasticsearch:9200")
                      .network(monitoring)
                      .apply(healthcheck("curl", "-f", "http://localhost:5601/api/status"))
                      .deploy(d -> d.replicas(1).resources(r -> r.limits(cpus("1"), gib(1)))));

          s.service(
              "alertmanager",
              alertmanager ->
                  alertmanager
                      .image("prom/alertmanager:v0.27.0")
                      .config(alertmanagerConfig, "/etc/alertmanager/alertmanager.yml")
                      .network(monitoring)
                      .apply(
                          healthcheck("wget", "-q", "--spider", "http://localhost:9093/-/healthy"))
                      .deploy(d -> d.replicas(2).resources(r -> r.limits(cpus("0.2"), mib(128)))));
        });
  }
}
