package io.compose4j.yaml.read;

import io.compose4j.model.internal.Rx;
import java.util.Set;

/**
 * What a YAML 1.1 reader (SnakeYAML's resolver, PyYAML) makes of a plain scalar: whether it stays a
 * string or becomes a bool, int, float, null, merge key, timestamp or YAML indicator. The reader
 * marks such scalars (the Swarm conversion quotes them) and the canonical writer quotes them.
 *
 * <p>The patterns, first characters and length limits are those of SnakeYAML 2.5's {@code Resolver}
 * (the YAML 1.1 type repository); {@code Yaml11Properties} checks the answer against SnakeYAML
 * itself. They are not SnakeYAML's objects: its {@code Tag} class starts the JDK's time zones and
 * {@code java.sql} when it is first used (about 8 ms of a ten-service run on Java 17), and its
 * resolver compiles all its patterns at once; here each pattern is compiled the first time a scalar
 * needs it, and a scalar that cannot match any (most of them) needs none.
 */
public final class Yaml11 {
  private Yaml11() {}

  /** The words a YAML 1.1 reader does not read as a string, and {@code =} (older readers). */
  private static final Set<String> WORDS =
      Set.of(
          "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off",
          "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~",
          "<<", "=");

  /**
   * The first characters of the word types: bool, null (whose pattern the resolver also tries on
   * every scalar: a single space is null too), merge and the indicators.
   */
  private static final String WORD_STARTS = "yYnNtTfFoO~ <!&*";

  /** Every character a YAML 1.1 int, float or timestamp can contain. */
  private static final String NUMERIC_CHARS = "0123456789abcdefABCDEFxXoObB_.:+-eEtTzZ \tinfaINFA";

  private static final class Bool {
    static final Rx P =
        Rx.compile(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
  }

  private static final class Ints {
    static final Rx P =
        Rx.compile(
            "^(?:[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)"
                + "|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
  }

  private static final class Floats {
    static final Rx P =
        Rx.compile(
            "^([-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
                + "|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
  }

  private static final class Null {
    static final Rx P = Rx.compile("^(?:~|null|Null|NULL| )$");
  }

  private static final class Timestamp {
    static final Rx P =
        Rx.compile(
            "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]"
                + ":[0-9][0-9](?:\\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");
  }

  /**
   * Returns whether a YAML 1.1 reader reads this plain scalar as something other than a string, or
   * it is {@code =} (a value key to older readers).
   */
  public static boolean readsDifferently(String s) {
    return isWord(s) || !isString(s);
  }

  /**
   * Whether the string is one of {@link #WORDS}: checked by length and first character before the
   * set, so that most strings are not hashed (a string read from a file has no hash yet).
   */
  private static boolean isWord(String s) {
    return s.length() <= 5
        && !s.isEmpty()
        && "yYnNoOtTfF~<=".indexOf(s.charAt(0)) >= 0
        && WORDS.contains(s);
  }

  /**
   * Returns whether SnakeYAML's YAML 1.1 resolver reads this plain scalar as a string: its patterns
   * by first character, each within its length limit (10 for the words, 50 for a timestamp, 1,024
   * for numbers), and the null pattern and the empty string (null) whatever the first character. A
   * scalar whose first character starts no pattern, or a number-like one with a character no number
   * has, is a string without a regular expression.
   */
  public static boolean isString(String s) {
    int n = s.length();
    if (n == 0) {
      return false; // null
    }
    char first = s.charAt(0);
    if ("-+0123456789.".indexOf(first) < 0) {
      if (n > 10 || WORD_STARTS.indexOf(first) < 0) {
        return true;
      }
      return !(("yYnNtTfFoO".indexOf(first) >= 0 && Bool.P.matches(s))
          || (first == '<' && s.equals("<<"))
          || ("~nN ".indexOf(first) >= 0 && Null.P.matches(s))
          || ("!&*".indexOf(first) >= 0 && n == 1));
    }
    for (int i = 0; i < n; i++) {
      if (NUMERIC_CHARS.indexOf(s.charAt(i)) < 0) {
        return true;
      }
    }
    if (n > 1024) {
      return true;
    }
    boolean digitFirst = first >= '0' && first <= '9';
    return !((first != '.' && Ints.P.matches(s))
        || Floats.P.matches(s)
        || (digitFirst && n <= 50 && Timestamp.P.matches(s)));
  }
}
