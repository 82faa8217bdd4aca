package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.Logging;
import io.compose4j.model.internal.Rx;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * SWARM-LOG: logging drivers and their options, checked by the engine when a task's container is
 * created.
 */
final class LoggingRules {
  private static final Rx SYSLOG_ADDRESS = Rx.compile("(tcp|udp|unix|unixgram|tcp\\+tls)://.*");
  private static final Rx ONE_OR_TWO_DIGITS = Rx.compile("\\d{1,2}");
  private static final Rx GELF_LEVEL = Rx.compile("-1|[0-9]");

  private LoggingRules() {}

  private static final Set<String> COMMON =
      Set.of("env", "env-regex", "labels", "labels-regex", "tag");

  /**
   * The option names each built-in driver's validator accepts on current engines (moby
   * daemon/logger/&lt;driver&gt; ValidateLogOpt); {@code mode}, {@code max-buffer-size} and the
   * {@code cache-*} options are accepted for every driver.
   */
  static final Map<String, Set<String>> OPTIONS =
      Map.ofEntries(
          Map.entry("json-file", union(COMMON, Set.of("max-file", "max-size", "compress"))),
          Map.entry("local", union(COMMON, Set.of("max-file", "max-size", "compress"))),
          Map.entry(
              "syslog",
              union(
                  COMMON,
                  Set.of(
                      "syslog-address",
                      "syslog-facility",
                      "syslog-tls-ca-cert",
                      "syslog-tls-cert",
                      "syslog-tls-key",
                      "syslog-tls-skip-verify",
                      "syslog-format"))),
          Map.entry("journald", COMMON),
          Map.entry(
              "gelf",
              union(
                  COMMON,
                  Set.of(
                      "gelf-address",
                      "gelf-compression-level",
                      "gelf-compression-type",
                      "gelf-tcp-max-reconnect",
                      "gelf-tcp-reconnect-delay"))),
          Map.entry(
              "fluentd",
              union(
                  COMMON,
                  Set.of(
                      "fluentd-address",
                      "fluentd-async",
                      "fluentd-async-connect",
                      "fluentd-async-reconnect-interval",
                      "fluentd-buffer-limit",
                      "fluentd-max-retries",
                      "fluentd-request-ack",
                      "fluentd-retry-wait",
                      "fluentd-sub-second-precision",
                      "fluentd-write-timeout",
                      "fluentd-read-timeout"))),
          Map.entry(
              "awslogs",
              Set.of(
                  "tag",
                  "awslogs-group",
                  "awslogs-stream",
                  "awslogs-create-group",
                  "awslogs-create-stream",
                  "awslogs-region",
                  "awslogs-endpoint",
                  "awslogs-datetime-format",
                  "awslogs-multiline-pattern",
                  "awslogs-credentials-endpoint",
                  "awslogs-force-flush-interval-seconds",
                  "awslogs-max-buffered-events",
                  "awslogs-format")),
          Map.entry(
              "splunk",
              union(
                  COMMON,
                  Set.of(
                      "splunk-url",
                      "splunk-token",
                      "splunk-source",
                      "splunk-sourcetype",
                      "splunk-index",
                      "splunk-capath",
                      "splunk-caname",
                      "splunk-insecureskipverify",
                      "splunk-format",
                      "splunk-verify-connection",
                      "splunk-gzip",
                      "splunk-gzip-level",
                      "splunk-index-acknowledgment"))),
          Map.entry(
              "gcplogs",
              Set.of(
                  "env",
                  "env-regex",
                  "labels",
                  "labels-regex",
                  "gcp-project",
                  "gcp-log-cmd",
                  "gcp-meta-zone",
                  "gcp-meta-name",
                  "gcp-meta-id")));

  /**
   * Options one engine generation accepts and another refuses: {@code local}'s common attributes
   * and the newest fluentd/awslogs options (not in Engine 20.10), {@code fluentd-async-connect}
   * (removed from current engines).
   */
  static final Set<String> VERSION_DEPENDENT =
      Set.of(
          "local/env",
          "local/env-regex",
          "local/labels",
          "local/labels-regex",
          "local/tag",
          "fluentd/fluentd-async-reconnect-interval",
          "fluentd/fluentd-write-timeout",
          "fluentd/fluentd-read-timeout",
          "fluentd/fluentd-async-connect",
          "awslogs/awslogs-create-stream",
          "awslogs/awslogs-format");

  /**
   * The newest engine major version whose {@code local} driver refuses the common attributes
   * ({@code env}, {@code env-regex}, {@code labels}, {@code labels-regex}, {@code tag}); the real
   * Swarm's Engine 20.10 rejects the task: {@code unknown log opt 'labels-regex' for log driver
   * local}.
   */
  static final int LOCAL_COMMON_UNTIL = 28;

  /** Drivers that take options without checking them, or exist only on some engines. */
  private static final Set<String> UNCHECKED = Set.of("none", "etwlogs", "logentries");

  private static Set<String> union(Set<String> a, Set<String> b) {
    HashSet<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static boolean global(String option) {
    return option.equals("mode") || option.equals("max-buffer-size") || option.startsWith("cache-");
  }

  private static void logging(RuleContext ctx, BiConsumer<String, Logging> action) {
    services(
        ctx.stack(),
        (name, s) -> s.logging().ifPresent(l -> action.accept(path(name) + ".logging", l)));
  }

  private static String value(Logging l, String key) {
    Optional<String> v = l.options().get(key);
    return v == null ? null : v.orElse("");
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-LOG-001", ERROR, "a logging option the driver does not accept")
            .stage("A")
            .source(
                "moby/moby daemon/logger/factory.go ValidateLogOpts; daemon/logger/*/ ValidateLogOpt")
            .explain(
                """
                Each built-in logging driver accepts a fixed set of option names, checked when the
                task's container is created: any other name fails it on every node (`unknown log opt
                'max_size' for json-file log driver`) and the task is rejected again and again. Every
                driver also takes `mode`, `max-buffer-size` and the `cache-*` options. `json-file` and
                `local`: `max-size`, `max-file`, `compress` (plus `env`, `env-regex`, `labels`,
                `labels-regex`, `tag`, which `local` accepts only on engines newer than 28); `syslog`,
                `journald`, `gelf`, `fluentd`, `splunk`: their own `<driver>-*` options plus those five;
                `awslogs`: `awslogs-*` and `tag`; `gcplogs`: `gcp-*`, `env`, `env-regex`, `labels`,
                `labels-regex` (no `tag`). Options only one engine generation knows are warnings (given the nodes' engine versions,
                `local`'s common attributes on engines of version 28 or older are errors), and so
                are options given without a driver (they are checked against the node's default
                driver, usually `json-file`). Drivers from plugins (`loki`, ...) are not checked; `none`
                ignores its options (a warning).""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    logging:
                      driver: json-file
                      options:
                        max_size: 10m
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    logging:
                      driver: json-file
                      options:
                        max-size: 10m
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.logging()
                                .ifPresent(
                                    l -> {
                                      String p = path(name) + ".logging";
                                      String driver = l.driver().orElse("");
                                      if (driver.equals("none")) {
                                        if (!l.options().isEmpty()) {
                                          ctx.report(
                                              WARNING,
                                              p + ".options",
                                              "the none driver ignores its options",
                                              "remove the options");
                                        }
                                        return;
                                      }
                                      boolean defaulted = driver.isEmpty();
                                      Set<String> known =
                                          OPTIONS.get(defaulted ? "json-file" : driver);
                                      if (known == null || UNCHECKED.contains(driver)) {
                                        return;
                                      }
                                      for (String option : l.options().keySet()) {
                                        if (global(option)
                                            || (known.contains(option)
                                                && !VERSION_DEPENDENT.contains(
                                                    driver + "/" + option))) {
                                          continue;
                                        }
                                        String d = defaulted ? "json-file" : driver;
                                        if (known.contains(option)
                                            && d.equals("local")
                                            && PlacementRules.noEligibleNode(
                                                ctx,
                                                s,
                                                n -> n.engineMajor() > 0,
                                                n -> n.engineMajor() > LOCAL_COMMON_UNTIL)) {
                                          ctx.report(
                                              p + ".options." + option,
                                              "unknown log opt '"
                                                  + option
                                                  + "' for log driver local: every node that"
                                                  + " can run the service has an engine of version "
                                                  + LOCAL_COMMON_UNTIL
                                                  + " or older",
                                              "remove it, or use json-file");
                                        } else if (known.contains(option)) {
                                          ctx.report(
                                              WARNING,
                                              p + ".options." + option,
                                              "log opt '"
                                                  + option
                                                  + "' of the "
                                                  + d
                                                  + " driver is known only to some engine versions",
                                              "make sure every node's engine accepts it");
                                        } else if (defaulted) {
                                          ctx.report(
                                              WARNING,
                                              p + ".options." + option,
                                              "unknown log opt '"
                                                  + option
                                                  + "' for json-file log driver, the usual default driver",
                                              "name the driver the options are for");
                                        } else {
                                          String close =
                                              known.stream()
                                                  .filter(
                                                      k ->
                                                          k.replace('-', '_')
                                                                  .equals(option.replace('-', '_'))
                                                              || k.equals(d + "-" + option))
                                                  .findFirst()
                                                  .orElse(null);
                                          ctx.report(
                                              p + ".options." + option,
                                              "unknown log opt '"
                                                  + option
                                                  + "' for "
                                                  + d
                                                  + " log driver",
                                              close != null
                                                  ? "write " + close
                                                  : "use one of "
                                                      + String.join(", ", new TreeSet<>(known)));
                                        }
                                      }
                                    }))),
        rule(
                "SWARM-LOG-002",
                ERROR,
                "a logging option value or a required option the engine refuses")
            .stage("A")
            .source(
                "moby/moby daemon/logger/factory.go ValidateLogOpts; awslogs, gelf, syslog, splunk")
            .explain(
                """
                Checked with the options when the container is created or its logger started, on every
                node, so the task never runs: `mode` is `blocking` or `non-blocking` (`logger: logging
                mode not supported`); `max-buffer-size` only with `mode: non-blocking`; `awslogs` needs
                `awslogs-group`; `gelf` needs a `udp://` or `tcp://` `gelf-address`, and compression
                (type `gzip`, `zlib`, `none`, level -1 to 9) only over UDP; `syslog-address` is
                `proto://address` (`syslog-address should be in form proto://address, got
                http://127.0.0.1:514`, seen on the real Swarm), `syslog-facility` a facility name or
                0-23 (`invalid syslog facility`), `syslog-format` `rfc3164`, `rfc5424` or
                `rfc5424micro`; `splunk` needs `splunk-url` and `splunk-token` (`splunk: splunk-url is
                expected`).""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    logging:
                      driver: json-file
                      options:
                        mode: nonblocking
                """)
            .passing(
                """
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
            .check(
                ctx ->
                    logging(
                        ctx,
                        (p, l) -> {
                          String driver = l.driver().orElse("");
                          if (driver.equals("none")) {
                            return;
                          }
                          String mode = value(l, "mode");
                          if (mode != null
                              && !mode.isEmpty()
                              && !mode.equals("blocking")
                              && !mode.equals("non-blocking")) {
                            ctx.report(
                                p + ".options.mode",
                                "logger: logging mode not supported: " + mode,
                                "use blocking or non-blocking");
                          }
                          if (value(l, "max-buffer-size") != null && !"non-blocking".equals(mode)) {
                            ctx.report(
                                p + ".options.max-buffer-size",
                                "logger: max-buffer-size option is only supported with 'mode=non-blocking'",
                                "add mode: non-blocking");
                          }
                          if (driver.equals("awslogs")
                              && (value(l, "awslogs-group") == null
                                  || value(l, "awslogs-group").isEmpty())) {
                            ctx.report(
                                p + ".options",
                                "must specify a value for log opt 'awslogs-group'",
                                "add awslogs-group");
                          }
                          if (driver.equals("gelf")
                              && (value(l, "gelf-address") == null
                                  || value(l, "gelf-address").isEmpty())) {
                            ctx.report(
                                p + ".options",
                                "gelf-address is a required parameter",
                                "add gelf-address: udp://host:12201");
                          }
                          valueProblems(ctx, p + ".options", driver, l);
                        })),
        rule("SWARM-LOG-003", WARNING, "a logging driver that is not built into the engine")
            .stage("A")
            .source(
                "moby/moby daemon/logger/factory.go ValidateLogOpts (no log driver named ... is registered); plugin lookup")
            .explain(
                """
                A driver name that is not built in is looked up as a plugin on the node that runs the
                task; where no such plugin is installed the task stays `Pending` (real Swarm: `no
                suitable node (missing plugin on 1 node)`). A warning, since a plugin (`loki`, ...) may
                be installed on every node; `etwlogs` exists only on Windows nodes and `logentries` was
                removed from current engines. A name close to a built-in one (`json`, `json_file`) is
                most likely a typo.

                Given the cluster's nodes with their logging drivers (`ClusterState.Node.logDrivers`, the
                `Log` plugins of `docker node inspect`), it is certain: an error when no node that can
                run the service has the driver, nothing when one has it.""")
            .failing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    logging:
                      driver: json
                """)
            .passing(
                """
                version: "3.9"
                services:
                  web:
                    image: nginx:1.25
                    logging:
                      driver: json-file
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) ->
                            s.logging()
                                .flatMap(l -> l.driver())
                                .filter(d -> !d.isEmpty())
                                .ifPresent(
                                    d -> {
                                      String p = path(name) + ".logging";
                                      if (OPTIONS.containsKey(d) || d.equals("none")) {
                                        return;
                                      }
                                      List<ClusterState.Node> eligible =
                                          PlacementRules.eligible(ctx, s).orElse(List.of());
                                      if (!eligible.isEmpty()
                                          && eligible.stream()
                                              .allMatch(n -> !n.logDrivers().isEmpty())) {
                                        if (eligible.stream()
                                            .noneMatch(n -> n.logDrivers().contains(d))) {
                                          ctx.report(
                                              ERROR,
                                              p + ".driver",
                                              "no node that can run the service has the log driver '"
                                                  + d
                                                  + "' (its tasks stay pending: no suitable node (missing plugin on "
                                                  + eligible.size()
                                                  + " node"
                                                  + (eligible.size() == 1 ? "" : "s")
                                                  + "))",
                                              "use a driver the nodes have ("
                                                  + String.join(
                                                      ", ",
                                                      new TreeSet<>(eligible.get(0).logDrivers()))
                                                  + "), or install the plugin");
                                        }
                                        return;
                                      }
                                      if (d.equals("etwlogs")) {
                                        ctx.report(
                                            p + ".driver",
                                            "the etwlogs driver exists only on Windows nodes",
                                            "constrain the service to node.platform.os == windows");
                                      } else if (d.equals("logentries")) {
                                        ctx.report(
                                            p + ".driver",
                                            "the logentries driver was removed from current engines",
                                            "use another driver");
                                      } else {
                                        String close =
                                            OPTIONS.keySet().stream()
                                                .filter(
                                                    k ->
                                                        k.replace("-", "")
                                                                .replace("_", "")
                                                                .startsWith(
                                                                    d.toLowerCase(Locale.ROOT)
                                                                        .replace("-", "")
                                                                        .replace("_", ""))
                                                            || k.replace("-", "_").equals(d))
                                                .findFirst()
                                                .orElse(null);
                                        ctx.report(
                                            p + ".driver",
                                            "no log driver named '"
                                                + d
                                                + "' is built in; the tasks stay pending on nodes without"
                                                + " such a plugin",
                                            close != null
                                                ? "did you mean " + close + "?"
                                                : "install the plugin on every node");
                                      }
                                    }))));
  }

  private static final Set<String> FACILITIES =
      Set.of(
          "kern",
          "user",
          "mail",
          "daemon",
          "auth",
          "syslog",
          "lpr",
          "news",
          "uucp",
          "cron",
          "authpriv",
          "ftp",
          "local0",
          "local1",
          "local2",
          "local3",
          "local4",
          "local5",
          "local6",
          "local7");

  /** The per-driver value checks of the engine's validators (and of the drivers' start-up). */
  private static void valueProblems(RuleContext ctx, String p, String driver, Logging l) {
    if (driver.equals("syslog")) {
      String address = value(l, "syslog-address");
      if (address != null && !address.isEmpty() && !SYSLOG_ADDRESS.matches(address)) {
        ctx.report(
            p + ".syslog-address",
            "syslog-address should be in form proto://address, got " + address,
            "use udp://host:514, tcp://host:514, tcp+tls://host:6514 or unix:///dev/log");
      }
      String facility = value(l, "syslog-facility");
      if (facility != null
          && !facility.isEmpty()
          && !FACILITIES.contains(facility)
          && !(ONE_OR_TWO_DIGITS.matches(facility) && Integer.parseInt(facility) <= 23)) {
        ctx.report(
            p + ".syslog-facility",
            "invalid syslog facility: " + facility,
            "use daemon, user or local0 to local7");
      }
      String format = value(l, "syslog-format");
      if (format != null
          && !format.isEmpty()
          && !Set.of("rfc3164", "rfc5424", "rfc5424micro").contains(format)) {
        ctx.report(
            p + ".syslog-format",
            "Invalid syslog format: " + format,
            "use rfc3164, rfc5424 or rfc5424micro");
      }
    } else if (driver.equals("gelf")) {
      String address = value(l, "gelf-address");
      boolean udp = address != null && address.startsWith("udp://");
      if (address != null && !address.isEmpty() && !udp && !address.startsWith("tcp://")) {
        ctx.report(
            p + ".gelf-address",
            "gelf: endpoint needs to be TCP or UDP",
            "use udp://host:12201 or tcp://host:12201");
      }
      String type = value(l, "gelf-compression-type");
      String level = value(l, "gelf-compression-level");
      if ((type != null || level != null) && address != null && !udp) {
        ctx.report(
            p,
            "compression is only supported on UDP",
            "remove the gelf-compression options, or use a udp:// address");
      }
      if (type != null && !Set.of("gzip", "zlib", "none").contains(type)) {
        ctx.report(
            p + ".gelf-compression-type",
            "unknown value \""
                + type
                + "\" for log opt \"gelf-compression-type\" for gelf log driver",
            "use gzip, zlib or none");
      }
      if (level != null && !GELF_LEVEL.matches(level)) {
        ctx.report(
            p + ".gelf-compression-level",
            "unknown value \""
                + level
                + "\" for log opt \"gelf-compression-level\" for gelf log driver",
            "use a level from -1 to 9");
      }
    } else if (driver.equals("splunk")) {
      for (String required : List.of("splunk-url", "splunk-token")) {
        if (value(l, required) == null || value(l, required).isEmpty()) {
          ctx.report(p, "splunk: " + required + " is expected", "add " + required);
        }
      }
    }
  }
}
