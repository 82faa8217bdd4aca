package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.validate.ConstraintScreen.Bound;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The constraint screen's bounds: whole values against whole limits as {@code long}s, everything
 * else as decimals, and values the screen does not compare never admitted.
 */
class ConstraintScreenBoundTest {
  @Test
  void wholeValuesAgainstAWholeLimit() {
    Bound atLeast = new Bound("-1000", true, true);
    assertThat(atLeast.admits(-1000)).isTrue();
    assertThat(atLeast.admits(-1001L)).isFalse();
    assertThat(atLeast.admits((short) 5)).isTrue();
    Bound below = new Bound("10", false, false);
    assertThat(below.admits(9)).isTrue();
    assertThat(below.admits(10)).isFalse();
    assertThat(below.admits((byte) 11)).isFalse();
    assertThat(new Bound("65535", false, true).admits(Long.MAX_VALUE)).isFalse();
  }

  @Test
  void aLimitBeyondALongIsComparedAsADecimal() {
    Bound atMost = new Bound("-9223372036854775809", false, true); // below Long.MIN_VALUE
    assertThat(atMost.admits(Long.MIN_VALUE)).isFalse();
    Bound atLeast = new Bound("9223372036854775808", true, true); // above Long.MAX_VALUE
    assertThat(atLeast.admits(Long.MAX_VALUE)).isFalse();
    assertThat(atLeast.admits(new BigInteger("9223372036854775808"))).isTrue();
  }

  @Test
  void decimalLimitsAndValues() {
    Bound aboveHalf = new Bound("0.5", true, false);
    assertThat(aboveHalf.admits(1)).isTrue();
    assertThat(aboveHalf.admits(0)).isFalse();
    assertThat(aboveHalf.admits(0.5)).isFalse();
    assertThat(aboveHalf.admits(0.50001f)).isTrue();
    assertThat(aboveHalf.admits(new BigDecimal("0.500"))).isFalse();
    assertThat(aboveHalf.admits(new BigDecimal("0.501"))).isTrue();
    assertThat(new Bound("0", true, true).admits(-0.0)).isTrue();
    assertThat(new Bound("0", true, true).admits(-1e-300)).isFalse();
  }

  @Test
  void whatTheScreenDoesNotCompareIsNeverAdmitted() {
    Bound any = new Bound("0", true, true);
    assertThat(any.admits(Double.NaN)).isFalse();
    assertThat(any.admits(Double.POSITIVE_INFINITY)).isFalse();
    assertThat(any.admits("1")).isFalse();
    assertThat(any.admits(new Object())).isFalse();
  }
}
