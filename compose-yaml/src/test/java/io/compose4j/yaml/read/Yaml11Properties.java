package io.compose4j.yaml.read;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * {@link Yaml11} answers as SnakeYAML's YAML 1.1 resolver does: a plain scalar is a string exactly
 * when the resolver says {@code str}.
 */
class Yaml11Properties {
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
    assertThat(Yaml11.isString(s))
        .as("'%s'", s)
        .isEqualTo(Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, s, true)));
  }

  @Property(tries = 5_000)
  void anyStringResolvesAsSnakeYamlDoes(@ForAll @StringLength(max = 12) String s) {
    assertThat(Yaml11.isString(s))
        .as("'%s'", s)
        .isEqualTo(Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, s, true)));
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
          "registry.example.com/app:1.0",
          "!",
          "&",
          "*",
          "!!",
          "<<<",
          "NULL",
          "nULL",
          "OFF",
          "oFF",
          "1".repeat(1024),
          "1".repeat(1025),
          "2001-12-14 21:59:43" + " ".repeat(30) + "Z",
          "2001-12-14 21:59:43" + " ".repeat(31) + "Z",
          "12:30:45",
          "0o17",
          "1__0",
          "+.inf",
          "._1"
        }) {
      assertThat(Yaml11.isString(s))
          .as("'%s'", s)
          .isEqualTo(Tag.STR.equals(RESOLVER.resolve(NodeId.scalar, s, true)));
    }
  }
}
