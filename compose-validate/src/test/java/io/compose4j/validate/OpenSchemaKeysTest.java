package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.model.Target;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the 3.x schemas leave a mapping open, an unknown key is read, left out of the model and
 * reported as ignored (SWARM-KEY-006: a warning for Swarm, an error for Compose, whose schema
 * closes these mappings); everywhere else it still makes the file unreadable.
 */
class OpenSchemaKeysTest {
  @TempDir Path dir;

  private static final String STACK =
      """
      version: "3.9"
      services:
        api:
          image: nginx:1.25
          secrets: [SECRET_ITEM]
          configs: [CONFIG_ITEM]
          volumes:
            - type: bind
              source: /srv/data
              target: /data
              bind: BIND
            - type: volume
              source: cache
              target: /cache
              volume: VOLUME
            - type: tmpfs
              target: /tmp
              tmpfs: TMPFS
      volumes:
        cache: {}
      secrets:
        token:
          external: SECRET_EXTERNAL
      configs:
        conf:
          external: CONFIG_EXTERNAL
      networks:
        NETWORK_KEY:
          driver: overlay
          NETWORK_EXTRA
      """;

  private static String stack(String place, String unknown) {
    String y =
        STACK
            .replace("SECRET_ITEM", "{source: token}")
            .replace("CONFIG_ITEM", "{source: conf}")
            .replace("BIND", "{propagation: rprivate}")
            .replace("VOLUME", "{nocopy: true}")
            .replace("TMPFS", "{size: 1000}")
            .replace("SECRET_EXTERNAL", "{name: token}")
            .replace("CONFIG_EXTERNAL", "{name: conf}")
            .replace("NETWORK_KEY", "\"odd name!\"")
            .replace("NETWORK_EXTRA", "attachable: true");
    return switch (place) {
      case "secret-item" -> y.replace("{source: token}", "{source: token, " + unknown + "}");
      case "config-item" -> y.replace("{source: conf}", "{source: conf, " + unknown + "}");
      case "bind" ->
          y.replace("{propagation: rprivate}", "{propagation: rprivate, " + unknown + "}");
      case "volume" -> y.replace("{nocopy: true}", "{nocopy: true, " + unknown + "}");
      case "tmpfs" -> y.replace("{size: 1000}", "{size: 1000, " + unknown + "}");
      case "secret-external" -> y.replace("{name: token}", "{name: token, " + unknown + "}");
      case "config-external" -> y.replace("{name: conf}", "{name: conf, " + unknown + "}");
      case "odd-network" -> y.replace("attachable: true", unknown);
      case "network" -> y.replace("\"odd name!\"", "front").replace("attachable: true", unknown);
      case "deploy" ->
          y.replace(
              "    image: nginx:1.25", "    image: nginx:1.25\n    deploy: {" + unknown + "}");
      default -> throw new IllegalArgumentException(place);
    };
  }

  @ParameterizedTest
  @CsvSource({
    "secret-item, services.api.secrets[0].traget",
    "config-item, services.api.configs[0].traget",
    "bind, services.api.volumes[0].bind.traget",
    "volume, services.api.volumes[1].volume.traget",
    "tmpfs, services.api.volumes[2].tmpfs.traget",
    "secret-external, secrets.token.external.traget",
    "config-external, configs.conf.external.traget",
    "odd-network, networks.odd name!.traget"
  })
  void anUnknownKeyWhereTheSchemaIsOpenIsIgnoredWithAWarning(String place, String path)
      throws Exception {
    String yaml = stack(place, "traget: x");
    Fixtures.Outcome swarm = Fixtures.run(yaml, Target.SWARM, dir);
    assertThat(swarm.parseError()).isNull();
    assertThat(swarm.report().forRule("SWARM-KEY-006"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.path()).isEqualTo(path);
              assertThat(d.message()).contains("'traget'").contains("ignores it");
            });
    assertThat(Fixtures.run(yaml, Target.COMPOSE, dir).report().forRule("SWARM-KEY-006"))
        .extracting(Diagnostic::severity)
        .containsExactly(Severity.ERROR);
    assertThat(
            io.compose4j.yaml.ComposeReader.create()
                .withBaseDir(dir)
                .read(yaml, "stack.yml")
                .warnings())
        .as("reading says what it leaves out (compose4j fmt shows it)")
        .anySatisfy(
            d ->
                assertThat(d.ruleId() + " " + d.path() + " " + d.message())
                    .isEqualTo(
                        "ignored-key "
                            + path
                            + " unknown key 'traget' is left out of the stack (the 3.x schema leaves this"
                            + " mapping open; see SWARM-KEY-006)"));
    assertThat(
            Fixtures.run(stack(place, "x-note: kept"), Target.SWARM, dir)
                .report()
                .forRule("SWARM-KEY-006"))
        .as("extensions are not unknown keys")
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"network", "deploy"})
  void anUnknownKeyWhereTheSchemaIsClosedMakesTheFileUnreadable(String place) throws Exception {
    assertThat(Fixtures.run(stack(place, "traget: x"), Target.SWARM, dir).parseError())
        .contains("unknown key 'traget'");
  }

  @org.junit.jupiter.api.Test
  void aTopLevelNameIsRefusedByTheSwarmSchemaButNotByCompose() throws Exception {
    String yaml = "version: \"3.8\"\nname: myproject\nservices:\n  web:\n    image: nginx:1.25\n";
    assertThat(Fixtures.run(yaml, Target.SWARM, dir).report().forRule("SWARM-VER-002"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.message())
                    .isEqualTo("(root) Additional property name is not allowed"));
    assertThat(Fixtures.run(yaml, Target.COMPOSE, dir).report().forRule("SWARM-VER-002")).isEmpty();
  }
}
