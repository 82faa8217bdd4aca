package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReader;
import org.junit.jupiter.api.Test;

class FieldConstraintsTest {
  private static ValidationReport validate(String yaml) {
    Stack stack = ComposeReader.create().readStack(yaml);
    return StackValidator.forTarget(Target.SWARM).validate(stack);
  }

  @Test
  void constraintsReportYamlPathsAndRuleIds() {
    ValidationReport r =
        validate(
            """
        version: "3.9"
        services:
          web:
            image: nginx:1.25
            deploy:
              replicas: -2
              update_config:
                parallelism: -1
                max_failure_ratio: 1.5
              restart_policy:
                max_attempts: -3
              rollback_config:
                parallelism: -4
            healthcheck:
              test: [CMD, "true"]
              retries: -1
            ports:
              - target: 70000
        """);
    assertThat(r.errors())
        .extracting(Diagnostic::path, Diagnostic::ruleId)
        .contains(
            org.assertj.core.groups.Tuple.tuple("services.web.deploy.replicas", "SWARM-MODE-006"),
            org.assertj.core.groups.Tuple.tuple(
                "services.web.deploy.update_config.parallelism", "SWARM-VER-008"),
            org.assertj.core.groups.Tuple.tuple(
                "services.web.deploy.update_config.max_failure_ratio", "SWARM-UPD-003"),
            org.assertj.core.groups.Tuple.tuple(
                "services.web.deploy.restart_policy.max_attempts", "SWARM-VER-008"),
            org.assertj.core.groups.Tuple.tuple(
                "services.web.deploy.rollback_config.parallelism", "SWARM-VER-008"),
            org.assertj.core.groups.Tuple.tuple("services.web.healthcheck.retries", "SWARM-HC-004"),
            org.assertj.core.groups.Tuple.tuple("services.web.ports[0].target", "SWARM-EP-009"));
    Diagnostic replicas = r.forRule("SWARM-MODE-006").get(0);
    assertThat(replicas.severity()).isEqualTo(Severity.ERROR);
    assertThat(replicas.message()).isEqualTo("replicas must not be negative (got -2)");
  }

  @Test
  void theWarmUpStackIsValidAndPrepareCanBeCalledTwice() {
    assertThat(FieldConstraints.validate(FieldConstraints.warmUpStack())).isEmpty();
    StackValidator.prepare();
    StackValidator.prepare();
    assertThat(
            validate("services:\n  web:\n    image: nginx:1.25\n    deploy: {replicas: -1}\n")
                .forRule("SWARM-MODE-006"))
        .hasSize(1);
  }

  @Test
  void validModelsHaveNoConstraintViolations() {
    assertThat(
            FieldConstraints.validate(
                ComposeReader.create()
                    .readStack(
                        """
        services:
          web:
            image: nginx:1.25
            deploy: {replicas: 3, update_config: {max_failure_ratio: 0.5}}
        """)))
        .isEmpty();
  }

  @Test
  void javaNamesBecomeYamlKeys() {
    assertThat(FieldConstraints.yamlKey("updateConfig")).isEqualTo("update_config");
    assertThat(FieldConstraints.yamlKey("maxReplicasPerNode")).isEqualTo("max_replicas_per_node");
    assertThat(FieldConstraints.yamlKey("extendsService")).isEqualTo("extends");
    assertThat(FieldConstraints.yamlKey("ipv4Address")).isEqualTo("ipv4_address");
  }
}
