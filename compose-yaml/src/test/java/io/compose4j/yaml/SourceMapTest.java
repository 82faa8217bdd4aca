package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceMapTest {
  private static final String YAML =
      """
      services:
        web:
          image: nginx
          ports:
            - "80:80"
            - target: 443
          environment:
            - A=1
          deploy:
            replicas: 2
      networks:
        front: {}
      """;

  @Test
  void recordsEveryKeyAndListItemByYamlPath() {
    SourceMap map = ComposeReader.create().read(YAML, "stack.yml").sourceMap();
    assertThat(map.get("services.web")).contains(new SourcePosition("stack.yml", 2, 3));
    assertThat(map.get("services.web.image")).contains(new SourcePosition("stack.yml", 3, 5));
    assertThat(map.get("services.web.ports[0]")).contains(new SourcePosition("stack.yml", 5, 9));
    assertThat(map.get("services.web.ports[1].target"))
        .contains(new SourcePosition("stack.yml", 6, 9));
    assertThat(map.get("services.web.environment.A"))
        .contains(new SourcePosition("stack.yml", 8, 9));
    assertThat(map.get("services.web.deploy.replicas"))
        .contains(new SourcePosition("stack.yml", 10, 7));
    assertThat(map.get("networks.front")).contains(new SourcePosition("stack.yml", 12, 3));
  }

  @Test
  void closestFallsBackToTheNearestWrittenAncestor() {
    SourceMap map = ComposeReader.create().read(YAML, "stack.yml").sourceMap();
    assertThat(map.closest("services.web.deploy.update_config.parallelism"))
        .contains(new SourcePosition("stack.yml", 9, 5));
    assertThat(map.closest("services.web.ports[1].published"))
        .contains(new SourcePosition("stack.yml", 6, 9));
    assertThat(map.closest("volumes.data")).isEmpty();
  }

  @Test
  void anUnsetVariableIsReportedOnceAtItsFirstUse() {
    ReadResult read =
        ComposeReader.create()
            .withEnvironment(java.util.Map.of())
            .read(
                "services:\n  web:\n    image: nginx:${TAG}\n  api:\n    image: api:${TAG}\n",
                "stack.yml");
    assertThat(read.warnings())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.ruleId()).isEqualTo("variable-unset");
              assertThat(d.path()).isEqualTo("services.web.image");
              assertThat(read.sourceMap().closest(d.path()))
                  .contains(new SourcePosition("stack.yml", 3, 5));
            });
  }
}
