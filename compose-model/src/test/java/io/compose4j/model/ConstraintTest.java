package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "node.role == manager|node.role|EQ|manager",
        "node.role==worker|node.role|EQ|worker",
        "node.labels.zone != eu-1|node.labels.zone|NE|eu-1",
        "engine.labels.os==linux|engine.labels.os|EQ|linux",
        "node.hostname == node-1.example.com|node.hostname|EQ|node-1.example.com",
        "node.platform.os == linux|node.platform.os|EQ|linux",
      })
  void parsesKeyOperatorValue(String text, String key, Constraint.Operator op, String value) {
    Constraint c = Constraint.parse(text);
    assertThat(c.key()).contains(key);
    assertThat(c.operator()).contains(op);
    assertThat(c.value()).contains(value);
    assertThat(c).hasToString(text);
  }

  @Test
  void ofSpellsWithSingleSpaces() {
    assertThat(Constraint.of("node.role", Constraint.Operator.EQ, "manager"))
        .hasToString("node.role == manager");
  }

  @ParameterizedTest(name = "rejects \"{0}\"")
  @ValueSource(
      strings = {
        "node.role = manager",
        "node.role",
        "== manager",
        "node.role == ",
        "1node == x",
        "node.labels.a == b;c"
      })
  void rejectsWithSwarmkitsReason(String text) {
    assertThatThrownBy(() -> Constraint.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text + "\"");
    Constraint held = Constraint.raw(text);
    assertThat(held.isValid()).isFalse();
    assertThat(held.text()).isEqualTo(text);
  }
}
