package io.compose4j.yaml.write;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.compose4j.yaml.read.Scalars;
import io.compose4j.yaml.read.YNode;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Decides which strings the canonical writer quotes: every string a YAML 1.1 or YAML 1.2 reader
 * (Docker's yaml.v3, compose-go, SnakeYAML, PyYAML) could read as something other than a string
 * ({@code yes}, {@code on}, {@code y}, {@code null}, {@code 1e5}, {@code 0755}, {@code 12:30},
 * {@code 8080:80}, dates), plus what plain style cannot hold, which SnakeYAML's emitter quotes.
 */
public final class QuotingRules extends StringQuotingChecker {
  private static final long serialVersionUID = 1L;
  private static final Resolver YAML11 = new Resolver();
  private static final Set<String> YAML11_WORDS =
      Set.of(
          "y", "Y", "n", "N", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off",
          "OFF", "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~",
          "<<", "=");

  /** The first characters of the YAML 1.1 words SnakeYAML's resolver knows (" " is null). */
  private static final String WORD_STARTS = "yYnNtTfFoO~<!&* \0";

  /** Every character a YAML 1.1 int, float or timestamp can contain. */
  static final String NUMERIC_CHARS = "0123456789abcdefABCDEFxXoObB_.:+-eEtTzZ \tinfaINFA";

  private static final Pattern NUMBERISH =
      Pattern.compile("^[-+.]?[0-9][-+.0-9:_eExXoObBa-fA-F]*$");

  /** The single instance. */
  public static final QuotingRules INSTANCE = new QuotingRules();

  private QuotingRules() {}

  /**
   * Returns whether a YAML 1.1 reader (SnakeYAML, PyYAML) reads this plain scalar as a non-string.
   */
  public static boolean yaml11ReadsDifferently(String s) {
    return (s.length() <= 5 && YAML11_WORDS.contains(s)) || !Tag.STR.equals(yaml11Tag(s));
  }

  /**
   * What SnakeYAML's YAML 1.1 resolver makes of a plain scalar, without running its regular
   * expressions on strings that cannot match them: the word types (bool, null, merge, {@code =},
   * {@code ! & *}) are at most five characters long, and the numeric types (int, float,
   * sexagesimal, timestamp, {@code .inf}, {@code .nan}) use only the characters of {@link
   * #NUMERIC_CHARS} and start with a sign, a digit or a dot.
   */
  static Tag yaml11Tag(String s) {
    if (s.isEmpty()) {
      return YAML11.resolve(NodeId.scalar, s, true);
    }
    char first = s.charAt(0);
    if ("-+0123456789.".indexOf(first) < 0) {
      // the resolver tries its patterns by first character: bool (yYnNtTfFoO), null (~nN), merge
      // (<) and the YAML indicators (!&*), and null (which includes " ") for any first character;
      // any other first character is a string without running a regular expression
      return s.length() > 5 || WORD_STARTS.indexOf(first) < 0
          ? Tag.STR
          : YAML11.resolve(NodeId.scalar, s, true);
    }
    for (int i = 0; i < s.length(); i++) {
      if (NUMERIC_CHARS.indexOf(s.charAt(i)) < 0) {
        return Tag.STR;
      }
    }
    return YAML11.resolve(NodeId.scalar, s, true);
  }

  /** Returns whether a string must be quoted to stay a string. */
  public static boolean mustQuote(String s) {
    if (s.isEmpty() || (s.length() <= 5 && YAML11_WORDS.contains(s))) {
      return true;
    }
    if (Scalars.resolvePlain(s) != YNode.Kind.STRING) {
      return true;
    }
    Tag tag = yaml11Tag(s);
    if (!Tag.STR.equals(tag)) {
      return true;
    }
    return "-+.0123456789".indexOf(s.charAt(0)) >= 0
        && NUMBERISH.matcher(s).matches()
        && (s.indexOf(':') >= 0
            || s.indexOf('-') > 0
            || s.chars().filter(c -> c == '.').count() == 1);
  }

  /**
   * Returns whether plain style cannot hold the string (indicator first, surrounding spaces, ': '
   * or ' #' inside); those are double-quoted rather than left to the emitter's single quotes.
   */
  static boolean notPlain(String s) {
    if (s.isEmpty()) {
      return true;
    }
    char first = s.charAt(0);
    char last = s.charAt(s.length() - 1);
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0
        && !(first == '-' && s.length() > 1 && s.charAt(1) != ' ')) {
      return true;
    }
    if (first == ' ' || first == '\t' || last == ' ' || last == '\t' || last == ':') {
      return true;
    }
    return s.contains(": ") || s.contains(" #") || s.contains(":\t") || s.contains("\t#");
  }

  @Override
  public boolean needToQuoteName(String name) {
    return mustQuote(name) || notPlain(name) || nameHasQuotableChar(name);
  }

  @Override
  public boolean needToQuoteValue(String value) {
    return mustQuote(value)
        || (value.indexOf('\n') < 0 && notPlain(value))
        || valueHasQuotableChar(value);
  }
}
