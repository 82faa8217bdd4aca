package io.compose4j.model;

import io.compose4j.model.internal.Rx;
import java.util.Objects;
import java.util.Optional;

/**
 * A Swarm placement constraint ({@code deploy.placement.constraints}), such as {@code node.role ==
 * manager} or {@code node.labels.zone != eu-1}.
 *
 * <p>Swarm stores constraints as the text given, so a constraint keeps its spelling: {@link
 * #toString()} returns it unchanged. {@link #raw(String)} holds any text (the validator reports bad
 * ones); {@link #parse(String)} checks it with swarmkit's grammar: a key of letters, digits, {@code
 * _ - .}, then {@code ==} or {@code !=}, then a value.
 */
public final class Constraint {
  private static final Rx KEY = Rx.compile("(?i)^[a-z_][a-z0-9\\-_.]+$");
  private static final Rx VALUE = Rx.compile("(?i)^[a-z0-9:\\-_\\s.*()?+\\[\\]\\\\^$|/]+$");

  /** The comparison of a constraint. */
  public enum Operator {
    /** {@code ==}: the node attribute must equal the value. */
    EQ("=="),
    /** {@code !=}: the node attribute must differ from the value. */
    NE("!=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** Returns {@code ==} or {@code !=}. */
    public String symbol() {
      return symbol;
    }
  }

  private final String text;
  private final String key;
  private final Operator operator;
  private final String value;

  private Constraint(String text, String key, Operator operator, String value) {
    this.text = text;
    this.key = key;
    this.operator = operator;
    this.value = value;
  }

  /** Returns a constraint holding the text as written, whether or not it is valid. */
  public static Constraint raw(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      return new Constraint(text, null, null, null);
    }
  }

  /** Returns {@code key op value} spelled with single spaces ({@code node.role == manager}). */
  public static Constraint of(String key, Operator operator, String value) {
    return parse(key + " " + operator.symbol() + " " + value);
  }

  /**
   * Parses a constraint with swarmkit's rules.
   *
   * @throws IllegalArgumentException with the input quoted and swarmkit's reason
   */
  public static Constraint parse(String text) {
    Objects.requireNonNull(text, "text");
    for (Operator op : Operator.values()) {
      int at = text.indexOf(op.symbol());
      if (at < 0) {
        continue;
      }
      String k = text.substring(0, at).trim();
      String v = text.substring(at + 2).trim();
      if (!KEY.matches(k)) {
        throw new IllegalArgumentException(
            "invalid constraint \"" + text + "\": key '" + k + "' is invalid");
      }
      if (!VALUE.matches(v)) {
        throw new IllegalArgumentException(
            "invalid constraint \"" + text + "\": value '" + v + "' is invalid");
      }
      return new Constraint(text, k, op, v);
    }
    throw new IllegalArgumentException(
        "invalid constraint \"" + text + "\": constraint expected one operator from ==, !=");
  }

  /** Returns whether the text follows swarmkit's grammar. */
  public boolean isValid() {
    return key != null;
  }

  /** Returns the key ({@code node.role}, {@code node.labels.zone}), if the constraint is valid. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** Returns the operator, if the constraint is valid. */
  public Optional<Operator> operator() {
    return Optional.ofNullable(operator);
  }

  /** Returns the value compared against, if the constraint is valid. */
  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  /** Returns the text as written. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Constraint other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Returns the text as written. */
  @Override
  public String toString() {
    return text;
  }
}
