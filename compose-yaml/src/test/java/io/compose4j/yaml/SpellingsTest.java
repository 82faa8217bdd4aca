package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.model.Ulimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both YAML spellings of a key read into the same model: the model stores meaning, not spelling.
 */
class SpellingsTest {
  private static Stack read(String serviceBody, String topLevel) {
    String yaml =
        "services:\n  s:\n"
            + serviceBody.indent(4)
            + (topLevel == null ? "" : topLevel.replace("\\n", "\n"));
    return ComposeReader.create().read(yaml, "spelling.yml").stack();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "ports short/long|ports: [\"8080:80\"]|ports: [{target: 80, published: 8080, protocol: tcp, mode: ingress}]|-",
        "port udp|ports: [\"53:53/udp\"]|ports: [{target: 53, published: 53, protocol: udp, mode: ingress}]|-",
        "port number/string|ports: [80]|ports: [\"80\"]|-",
        "environment list/map|environment: [A=1, B=, C]|environment: {A: '1', B: '', C: null}|-",
        "environment numbers|environment: {N: 0755}|environment: {N: '493'}|-",
        "labels list/map|labels: [a=1, b]|labels: {a: '1', b: ''}|-",
        "sysctls list/map|sysctls: [net.core.somaxconn=1024]|sysctls: {net.core.somaxconn: 1024}|-",
        "networks list/map|networks: [a, b]|networks: {a: null, b: {}}|-",
        "build string/map|build: ./app|build: {context: ./app}|-",
        "command string/list|command: echo 'a b' c|command: [echo, a b, c]|-",
        "entrypoint string/list|entrypoint: /init --x|entrypoint: [/init, --x]|-",
        "healthcheck string/list|healthcheck: {test: curl -f x}|healthcheck: {test: [CMD-SHELL, curl -f x]}|-",
        "dns string/list|dns: 8.8.8.8|dns: [8.8.8.8]|-",
        "dns_search string/list|dns_search: example.com|dns_search: [example.com]|-",
        "tmpfs string/list|tmpfs: /run|tmpfs: [/run]|-",
        "env_file string/list/map|env_file: .env|env_file: [{path: .env}]|-",
        "depends_on list/map|depends_on: [db]|depends_on: {db: {condition: service_started, required: true}}|-",
        "secrets string/map|secrets: [pw]|secrets: [{source: pw}]|-",
        "configs string/map|configs: [cfg]|configs: [{source: cfg}]|-",
        "extends string/map|extends: base|extends: {service: base}|-",
        "extra_hosts map/list|extra_hosts: {b.x: 10.0.0.2, a.x: 10.0.0.1}|extra_hosts: ['a.x:10.0.0.1', 'b.x:10.0.0.2']|-",
        "volumes short/long named|volumes: [data:/data:ro]|volumes: [{type: volume, source: data, target: /data, read_only: true}]|-",
        "volumes short/long bind|volumes: ['/src:/dst:rshared']|volumes: [{type: bind, source: /src, target: /dst, bind: {propagation: rshared}}]|-",
        "volumes anonymous|volumes: [/cache]|volumes: [{type: volume, target: /cache}]|-",
        "devices short/long|devices: ['/dev/a:/dev/b:rw']|devices: [{source: /dev/a, target: /dev/b, permissions: rw}]|-",
        "durations|stop_grace_period: 90s|stop_grace_period: 1m30s|-",
        "memory units|deploy: {resources: {limits: {memory: 512m}}}|deploy: {resources: {limits: {memory: 536870912}}}|-",
        "cpus string/number|cpus: 0.5|cpus: '0.5'|-",
        "secret mode octal/decimal|secrets: [{source: pw, mode: 0440}]|secrets: [{source: pw, mode: 288}]|-",
        "secret mode 0o|secrets: [{source: pw, mode: 0o440}]|secrets: [{source: pw, mode: 288}]|-",
        "booleans|privileged: true|privileged: True|-",
        "logging options|logging: {options: {a: 1, b: null}}|logging: {options: {a: '1', b: ''}}|-",
      })
  void bothSpellingsReadTheSame(String name, String first, String second, String top) {
    Service a = read(first, top).services().get("s");
    Service b = read(second, top).services().get("s");
    assertThat(a).as(name).isEqualTo(b);
  }

  /**
   * The number form and the soft/hard form are two meanings the model keeps apart, each read as
   * written.
   */
  @Test
  void aUlimitIsOneNumberForBothLimitsOrASoftAndAHardLimit() {
    Service s =
        read("ulimits: {nproc: 65535, nofile: {soft: 1024, hard: 2048}}", null).services().get("s");
    assertThat(s.ulimits())
        .containsOnlyKeys("nproc", "nofile")
        .containsEntry("nproc", Ulimit.of(65535))
        .containsEntry("nofile", Ulimit.of(1024, 2048));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "external name|networks: {n: {external: {name: real}}}|networks: {n: {name: real, external: true}}",
        "volume external name|volumes: {v: {external: {name: real}}}|volumes: {v: {name: real, external: true}}",
        "null network|networks: {n: }|networks: {n: {}}",
        "null volume|volumes: {v: }|volumes: {v: {}}",
        "secret labels|secrets: {s: {file: ./x, labels: [a=b]}}|secrets: {s: {file: ./x, labels: {a: b}}}",
      })
  void topLevelSpellingsReadTheSame(String name, String first, String second) {
    Stack a = ComposeReader.create().read("services: {}\n" + first + "\n", "a.yml").stack();
    Stack b = ComposeReader.create().read("services: {}\n" + second + "\n", "b.yml").stack();
    assertThat(a).as(name).isEqualTo(b);
  }
}
