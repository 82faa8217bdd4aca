package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Target;
import io.compose4j.validate.DockerCli.Result;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stage-A (task-time) errors are real defects: {@code docker stack deploy} accepts these
 * stacks, but on a real Swarm their tasks never run, while the corrected stack's task does. The
 * services use {@code local/busybox:1} (imported by {@code scripts/swarm-up.sh}), so tasks really
 * start.
 */
@Tag("swarm")
class SwarmTaskTimeTest {
  @TempDir static Path dir;

  @BeforeAll
  static void swarm() throws IOException {
    DockerCli.requireSwarm();
    Files.writeString(dir.resolve("app.conf"), "listen 80;\n", StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("tpl.conf"), "token={{ secret \"token\" }}\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("token.txt"), "s3cret\n", StandardCharsets.UTF_8);
  }

  static Stream<Arguments> defects() {
    return Stream.of(
        Arguments.of(
            "SWARM-EP-009",
            "ep",
            """
            version: "3.9"
            services:
              web:
                image: local/busybox:1
                ports:
                  - target: 80
                    published: 70000
            """,
            "70000",
            "8080",
            null),
        Arguments.of(
            "SWARM-VOL-006",
            "vol",
            """
            version: "3.9"
            services:
              web:
                image: local/busybox:1
                volumes: ["data:cache"]
            volumes:
              data: {}
            """,
            "data:cache",
            "data:/cache",
            "invalid mount target, must be an absolute path: cache"),
        Arguments.of(
            "SWARM-SEC-006",
            "tpl",
            """
            version: "3.9"
            services:
              web:
                image: local/busybox:1
                configs: [app]
            configs:
              app:
                file: ./app.conf
                template_driver: jinja2
            """,
            "jinja2",
            "golang",
            "unrecognized template type"),
        // Issue 9: task-time classes whose tasks never run on any cluster.
        Arguments.of(
            "SWARM-PLC-004",
            "plc4",
            constrained("node.name == manager"),
            "node.name",
            "node.role",
            "no suitable node"),
        Arguments.of(
            "SWARM-PLC-005",
            "plc5",
            constrained("node.platform.arch == amd64"),
            "amd64",
            "x86_64",
            "no suitable node"),
        Arguments.of(
            "SWARM-PLC-009",
            "plc9",
            constrained("node.role == manager, node.role == worker"),
            "role == worker",
            "role != worker",
            "no suitable node"),
        Arguments.of(
            "SWARM-MISC-005",
            "sysctl",
            """
            version: "3.9"
            services:
              web:
                image: local/busybox:1
                sysctls:
                  vm.swappiness: "10"
            """,
            "vm.swappiness",
            "net.core.somaxconn",
            null),
        Arguments.of(
            "SWARM-MISC-008",
            "cap",
            """
            version: "3.9"
            services:
              web:
                image: local/busybox:1
                cap_add: [NET_ADMN]
            """,
            "NET_ADMN",
            "NET_ADMIN",
            "unknown capability"),
        Arguments.of(
            "SWARM-LOG-001",
            "logopt",
            """
            version: "3.9"
            services:
              web:
                image: local/busybox:1
                logging:
                  driver: json-file
                  options:
                    max_size: 10m
            """,
            "max_size",
            "max-size",
            "unknown log opt"),
        Arguments.of(
            "SWARM-LOG-002",
            "logmode",
            """
            version: "3.9"
            services:
              web:
                image: local/busybox:1
                logging:
                  driver: json-file
                  options:
                    mode: nonblocking
            """,
            "nonblocking",
            "non-blocking",
            "logging mode not supported"),
        Arguments.of(
            "SWARM-EXEC-001",
            "exec1",
            """
            version: "3.9"
            services:
              web:
                image: local/busybox:1
                command: ["sleep 3600"]
            """,
            "\"sleep 3600\"",
            "\"sleep\", \"3600\"",
            null),
        Arguments.of(
            "SWARM-EXEC-002",
            "exec2",
            """
            version: "3.9"
            services:
              web:
                image: local/busybox:1
                command: cd /bin && sleep 3600
            """,
            "command: cd /bin && sleep 3600",
            "command: [\"sh\", \"-c\", \"cd /bin && sleep 3600\"]",
            null),
        Arguments.of(
            "SWARM-TPL-005",
            "tplref",
            """
            version: "3.9"
            services:
              web:
                image: local/busybox:1
                configs: [tpl]
                secrets: [other]
            configs:
              tpl:
                file: ./tpl.conf
                template_driver: golang
            secrets:
              other:
                file: ./token.txt
              token:
                file: ./token.txt
            """,
            "secrets: [other]",
            "secrets: [token]",
            "not found"));
  }

  /** A one-service stack whose placement constraints are these. */
  static String constrained(String constraints) {
    return """
        version: "3.9"
        services:
          web:
            image: local/busybox:1
            deploy:
              placement:
                constraints: [%s]
        """
        .formatted(constraints);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defects")
  void theSwarmAcceptsTheDeployButTheTaskNeverRuns(
      String rule, String name, String broken, String bad, String good, String taskError)
      throws Exception {
    String fixed = broken.replace(bad, good);
    assertThat(errors(broken, name + "-broken"))
        .as("the validator reports %s", rule)
        .contains(rule);
    assertThat(errors(fixed, name + "-fixed")).as("the corrected stack is clean").isEmpty();

    String brokenState = deployAndWatch(name + "b", broken, 12);
    assertThat(brokenState).as("the broken stack's task").doesNotStartWith("Running");
    if (taskError != null) {
      assertThat(brokenState).contains(taskError);
    }
    assertThat(deployAndWatch(name + "f", fixed, 60))
        .as("the corrected stack's task")
        .startsWith("Running");
  }

  private static List<String> errors(String yaml, String file) {
    ReadResult read = ComposeReader.create().withBaseDir(dir).read(yaml, file + ".yml");
    return StackValidator.forTarget(Target.SWARM)
        .baseDir(dir)
        .validate(read.stack(), read.facts())
        .errors()
        .stream()
        .map(d -> d.ruleId())
        .toList();
  }

  /**
   * Deploys a stack and watches its one task for up to {@code seconds}: returns the first state
   * that is Running, or the last state with the task errors seen.
   */
  private static String deployAndWatch(String stack, String yaml, int seconds) throws Exception {
    Path file = dir.resolve(stack + ".yml");
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    Result deploy =
        DockerCli.run(
            dir,
            null,
            "docker",
            "stack",
            "deploy",
            "--resolve-image",
            "never",
            "-c",
            file.toString(),
            stack);
    try {
      assertThat(deploy.code()).as("docker stack deploy accepts it:%n%s", deploy.output()).isZero();
      String last = "";
      for (int i = 0; i < seconds * 2; i++) {
        Result ps =
            DockerCli.run(
                dir,
                null,
                "docker",
                "service",
                "ps",
                stack + "_web",
                "--no-trunc",
                "--format",
                "{{.CurrentState}} | {{.Error}}");
        last = ps.output().strip();
        if (last.startsWith("Running")) {
          return last;
        }
        Thread.sleep(500);
      }
      return last;
    } finally {
      DockerCli.run(dir, null, "docker", "stack", "rm", stack);
    }
  }
}
