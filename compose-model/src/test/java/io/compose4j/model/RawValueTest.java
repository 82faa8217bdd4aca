package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RawValueTest {
  @Test
  void floatingNumbersOfEveryJavaTypeBecomeFloats() {
    assertThat(RawValue.from(1.5d)).isEqualTo(new RawValue.Float(1.5));
    assertThat(RawValue.from(1.5f)).isEqualTo(new RawValue.Float(1.5));
    assertThat(RawValue.from(new BigDecimal("1.5"))).isEqualTo(new RawValue.Float(1.5));
  }

  @Test
  void integralNumbersBecomeInts() {
    assertThat(RawValue.from(7)).isEqualTo(RawValue.of(7));
    assertThat(RawValue.from(7L)).isEqualTo(RawValue.of(7));
  }
}
