package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PortMappingTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "80, 80, -, -, tcp",
        "8080:80, 80, 8080, -, tcp",
        "53:53/udp, 53, 53, -, udp",
        "127.0.0.1:8001:8001, 8001, 8001, 127.0.0.1, tcp",
        "[::1]:8080:80, 80, 8080, ::1, tcp",
        "0.0.0.0:443:443/tcp, 443, 443, 0.0.0.0, tcp",
        "9000:9000/SCTP, 9000, 9000, -, sctp",
        "127.0.0.1::80, 80, -, 127.0.0.1, tcp",
      })
  void parsesOneMapping(String spec, int target, String published, String hostIp, String protocol) {
    PortMapping p = PortMapping.parse(spec);
    assertThat(p.target()).hasValue(target);
    assertThat(p.published().orElse(null)).isEqualTo(published);
    assertThat(p.hostIp().orElse(null)).isEqualTo(hostIp);
    assertThat(p.protocol()).contains(protocol);
    assertThat(p.mode()).contains("ingress");
  }

  @Test
  void expandsRangesLikeDocker() {
    List<PortMapping> pairs = PortMapping.parseAll("9090-9091:8080-8081");
    assertThat(pairs).extracting(p -> p.target().getAsInt()).containsExactly(8080, 8081);
    assertThat(pairs).extracting(p -> p.published().get()).containsExactly("9090", "9091");

    List<PortMapping> containerOnly = PortMapping.parseAll("3001-3003");
    assertThat(containerOnly)
        .extracting(p -> p.target().getAsInt())
        .containsExactly(3001, 3002, 3003);
    assertThat(containerOnly).allMatch(p -> p.published().isEmpty());

    // a host range with one container port publishes every host port
    assertThat(PortMapping.parseAll("8000-8002:80"))
        .extracting(p -> p.published().get())
        .containsExactly("8000", "8001", "8002");

    // Docker orders the expanded ports by their "port/proto" string
    assertThat(PortMapping.parseAll("9998-10001"))
        .extracting(p -> p.target().getAsInt())
        .containsExactly(10000, 10001, 9998, 9999);
  }

  @Test
  void parseRefusesRangesAndPointsToParseAll() {
    assertThatThrownBy(() -> PortMapping.parse("80-81")).hasMessageContaining("parseAll");
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(
      strings = {
        "",
        "http",
        "80/xyz",
        "70000",
        "8080:80-81",
        "1.2.3.400:80:80",
        "80:",
        "a:80",
        "81-80"
      })
  void rejectsWithTheInputQuoted(String spec) {
    assertThatThrownBy(() -> PortMapping.parseAll(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + spec + "\"");
  }

  @Test
  void publishedPortIsANumberOnlyForSinglePorts() {
    assertThat(PortMapping.builder().target(80).published("8080").build().publishedPort())
        .hasValue(8080);
    assertThat(PortMapping.builder().target(80).published("8000-8010").build().publishedPort())
        .isEmpty();
  }
}
