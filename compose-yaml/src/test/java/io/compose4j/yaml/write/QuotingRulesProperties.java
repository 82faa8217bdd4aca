package io.compose4j.yaml.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** The shortcut in front of SnakeYAML's YAML 1.1 resolver never changes its answer. */
class QuotingRulesProperties {
  private static final Resolver RESOLVER = new Resolver();

  @Property(tries = 20_000)
  void numericLookingStringsResolveAsSnakeYamlDoes(
      @ForAll
          @StringLength(max = 30)
          @Chars({
            '0', '1', '5', '9', '-', '+', '.', ':', '_', 'e', 'E', 'x', 'b', 'o', 'a', 'f', 'T',
            't', 'Z', ' ', 'i', 'n', 'N', 'I', 'F', 'y', 'Y', 'g', '/', '~', '<', '='
          })
          String s) {
    assertThat(QuotingRules.yaml11Tag(s))
        .as("'%s'", s)
        .isEqualTo(RESOLVER.resolve(NodeId.scalar, s, true));
  }

  @Property(tries = 5_000)
  void anyStringResolvesAsSnakeYamlDoes(@ForAll @StringLength(max = 12) String s) {
    assertThat(QuotingRules.yaml11Tag(s))
        .as("'%s'", s)
        .isEqualTo(RESOLVER.resolve(NodeId.scalar, s, true));
  }

  @Example
  void knownSpellings() {
    for (String s :
        new String[] {
          "",
          " ",
          "~",
          "y",
          "Yes",
          "off",
          "<<",
          "=",
          "0755",
          "0x1F",
          "0b101",
          "1_000",
          "190:20:30",
          "1e5",
          ".inf",
          "-.Inf",
          ".NaN",
          "2001-12-14",
          "2001-12-14t21:59:43.10-05:00",
          "2001-12-14 21:59:43.10 -5",
          "8080:80",
          "1.2.3",
          "on-failure",
          "node.role == worker",
          "512M",
          "30s",
          "0.5",
          "registry.example.com/app:1.0"
        }) {
      assertThat(QuotingRules.yaml11Tag(s))
          .as("'%s'", s)
          .isEqualTo(RESOLVER.resolve(NodeId.scalar, s, true));
    }
  }

  @Example
  void everyYaml11WordIsQuoted() {
    for (String w :
        List.of(
            "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off",
            "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL",
            "~", "<<", "=")) {
      assertThat(QuotingRules.yaml11ReadsDifferently(w)).as(w).isTrue();
      assertThat(QuotingRules.mustQuote(w)).as(w).isTrue();
    }
    for (String w : new String[] {"yo", "Nope", "oN", "tru", "=="}) {
      assertThat(QuotingRules.yaml11ReadsDifferently(w)).as(w).isFalse();
    }
  }
}
