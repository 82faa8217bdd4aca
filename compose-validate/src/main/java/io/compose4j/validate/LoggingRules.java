package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.Logging;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SWARM-LOG: logging drivers and their options, checked by the engine when a task's container is created. */
final class LoggingRules {
  private LoggingRules() {}

  private static final Set<String> COMMON = Set.of("env", "env-regex", "labels", "labels-regex", "tag");

  /**
   * The option names each built-in driver's validator accepts on current engines (moby
   * daemon/logger/&lt;driver&gt; ValidateLogOpt); {@code mode}, {@code max-buffer-size} and the
   * {@code cache-*} options are accepted for every driver.
   */
  static final Map<String, Set<String>> OPTIONS = Map.ofEntries(
      Map.entry("json-file", union(COMMON, Set.of("max-file", "max-size", "compress"))),
      Map.entry("local", union(COMMON, Set.of("max-file", "max-size", "compress"))),
      Map.entry("syslog", union(COMMON, Set.of("syslog-address", "syslog-facility", "syslog-tls-ca-cert", "syslog-tls-cert",
          "syslog-tls-key", "syslog-tls-skip-verify", "syslog-format"))),
      Map.entry("journald", COMMON),
      Map.entry("gelf", union(COMMON, Set.of("gelf-address", "gelf-compression-level", "gelf-compression-type",
          "gelf-tcp-max-reconnect", "gelf-tcp-reconnect-delay"))),
      Map.entry("fluentd", union(COMMON, Set.of("fluentd-address", "fluentd-async", "fluentd-async-connect",
          "fluentd-async-reconnect-interval", "fluentd-buffer-limit", "fluentd-max-retries", "fluentd-request-ack",
          "fluentd-retry-wait", "fluentd-sub-second-precision", "fluentd-write-timeout", "fluentd-read-timeout"))),
      Map.entry("awslogs", Set.of("tag", "awslogs-group", "awslogs-stream", "awslogs-create-group", "awslogs-create-stream",
          "awslogs-region", "awslogs-endpoint", "awslogs-datetime-format", "awslogs-multiline-pattern",
          "awslogs-credentials-endpoint", "awslogs-force-flush-interval-seconds", "awslogs-max-buffered-events",
          "awslogs-format")),
      Map.entry("splunk", union(COMMON, Set.of("splunk-url", "splunk-token", "splunk-source", "splunk-sourcetype",
          "splunk-index", "splunk-capath", "splunk-caname", "splunk-insecureskipverify", "splunk-format",
          "splunk-verify-connection", "splunk-gzip", "splunk-gzip-level", "splunk-index-acknowledgment"))),
      Map.entry("gcplogs", Set.of("env", "env-regex", "labels", "labels-regex", "gcp-project", "gcp-log-cmd",
          "gcp-meta-zone", "gcp-meta-name", "gcp-meta-id")));

  /**
   * Options one engine generation accepts and another refuses: {@code local}'s common attributes
   * and the newest fluentd/awslogs options (not in Engine 20.10), {@code fluentd-async-connect}
   * (removed from current engines).
   */
  static final Set<String> VERSION_DEPENDENT = Set.of("local/env", "local/env-regex", "local/labels",
      "local/labels-regex", "local/tag", "fluentd/fluentd-async-reconnect-interval", "fluentd/fluentd-write-timeout",
      "fluentd/fluentd-read-timeout", "fluentd/fluentd-async-connect", "awslogs/awslogs-create-stream",
      "awslogs/awslogs-format");

  /** Drivers that take options without checking them, or exist only on some engines. */
  private static final Set<String> UNCHECKED = Set.of("none", "etwlogs", "logentries");

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static boolean global(String option) {
    return option.equals("mode") || option.equals("max-buffer-size") || option.startsWith("cache-");
  }

  private static void logging(RuleContext ctx, java.util.function.BiConsumer<String, Logging> action) {
    services(ctx.stack(), (name, s) -> s.logging().ifPresent(l -> action.accept(path(name) + ".logging", l)));
  }

  private static String value(Logging l, String key) {
    Optional<String> v = l.options().get(key);
    return v == null ? null : v.orElse("");
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-LOG-001", ERROR, "a logging option the driver does not accept")
            .stage("A").source("moby/moby daemon/logger/factory.go ValidateLogOpts; daemon/logger/*/ ValidateLogOpt")
            .explain("""
                Each built-in logging driver accepts a fixed set of option names, checked when the
                task's container is created: any other name fails it on every node (`unknown log opt
                'max_size' for json-file log driver`) and the task is rejected again and again. Every
                driver also takes `mode`, `max-buffer-size` and the `cache-*` options. `json-file` and
                `local`: `max-size`, `max-file`, `compress` (plus `env`, `env-regex`, `labels`,
                `labels-regex`, `tag`, which `local` accepts only on newer engines); `syslog`,
                `journald`, `gelf`, `fluentd`, `splunk`: their own `<driver>-*` options plus those five;
                `awslogs`: `awslogs-*` and `tag`; `gcplogs`: `gcp-*`, `env`, `env-regex`, `labels`,
                `labels-regex` (no `tag`). Options only one engine generation knows are warnings, and so
                are options given without a driver (they are checked against the node's default
                driver, usually `json-file`). Drivers from plugins (`loki`, ...) are not checked; `none`
                ignores its options (a warning).""")
            .failing("""
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    logging:
                      driver: json-file
                      options:
                        max_size: 10m
                """)
            .passing("""
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    logging:
                      driver: json-file
                      options:
                        max-size: 10m
                """)
            .check(ctx -> logging(ctx, (p, l) -> {
              String driver = l.driver().orElse("");
              if (driver.equals("none")) {
                if (!l.options().isEmpty()) {
                  ctx.report(WARNING, p + ".options", "the none driver ignores its options", "remove the options");
                }
                return;
              }
              boolean defaulted = driver.isEmpty();
              Set<String> known = OPTIONS.get(defaulted ? "json-file" : driver);
              if (known == null || UNCHECKED.contains(driver)) {
                return;
              }
              for (String option : l.options().keySet()) {
                if (global(option) || known.contains(option) && !VERSION_DEPENDENT.contains(driver + "/" + option)) {
                  continue;
                }
                String d = defaulted ? "json-file" : driver;
                if (known.contains(option)) {
                  ctx.report(WARNING, p + ".options." + option, "log opt '" + option + "' of the " + d
                      + " driver is known only to some engine versions", "make sure every node's engine accepts it");
                } else if (defaulted) {
                  ctx.report(WARNING, p + ".options." + option, "unknown log opt '" + option
                      + "' for json-file log driver, the usual default driver", "name the driver the options are for");
                } else {
                  String close = known.stream().filter(k -> k.replace('-', '_').equals(option.replace('-', '_'))
                      || k.equals(d + "-" + option)).findFirst().orElse(null);
                  ctx.report(p + ".options." + option, "unknown log opt '" + option + "' for " + d + " log driver",
                      close != null ? "write " + close : "use one of " + String.join(", ", new java.util.TreeSet<>(known)));
                }
              }
            })),
        rule("SWARM-LOG-002", ERROR, "a logging option value or a required option the engine refuses")
            .stage("A").source("moby/moby daemon/logger/factory.go ValidateLogOpts; awslogs, gelf ValidateLogOpt")
            .explain("""
                Checked with the options when the container is created, on every node: `mode` is
                `blocking` or `non-blocking` (`logger: logging mode not supported`); `max-buffer-size`
                only with `mode: non-blocking`; `awslogs` needs `awslogs-group` (`must specify a value
                for log opt 'awslogs-group'`); `gelf` needs `gelf-address`.""")
            .failing("""
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    logging:
                      driver: json-file
                      options:
                        mode: nonblocking
                """)
            .passing("""
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    logging:
                      driver: json-file
                      options:
                        mode: non-blocking
                        max-buffer-size: 4m
                """)
            .check(ctx -> logging(ctx, (p, l) -> {
              String driver = l.driver().orElse("");
              if (driver.equals("none")) {
                return;
              }
              String mode = value(l, "mode");
              if (mode != null && !mode.isEmpty() && !mode.equals("blocking") && !mode.equals("non-blocking")) {
                ctx.report(p + ".options.mode", "logger: logging mode not supported: " + mode, "use blocking or non-blocking");
              }
              if (value(l, "max-buffer-size") != null && !"non-blocking".equals(mode)) {
                ctx.report(p + ".options.max-buffer-size",
                    "logger: max-buffer-size option is only supported with 'mode=non-blocking'", "add mode: non-blocking");
              }
              if (driver.equals("awslogs") && (value(l, "awslogs-group") == null || value(l, "awslogs-group").isEmpty())) {
                ctx.report(p + ".options", "must specify a value for log opt 'awslogs-group'", "add awslogs-group");
              }
              if (driver.equals("gelf") && (value(l, "gelf-address") == null || value(l, "gelf-address").isEmpty())) {
                ctx.report(p + ".options", "gelf-address is a required parameter", "add gelf-address: udp://host:12201");
              }
            })));
  }
}
