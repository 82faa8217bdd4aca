package io.compose4j.yaml.write;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.compose4j.model.internal.Rx;
import io.compose4j.yaml.read.Scalars;
import io.compose4j.yaml.read.YNode;
import io.compose4j.yaml.read.Yaml11;

/**
 * Decides which strings the canonical writer quotes: every string a YAML 1.1 or YAML 1.2 reader
 * (Docker's yaml.v3, compose-go, SnakeYAML, PyYAML) could read as something other than a string
 * ({@code yes}, {@code on}, {@code y}, {@code null}, {@code 1e5}, {@code 0755}, {@code 12:30},
 * {@code 8080:80}, dates), plus what plain style cannot hold, which SnakeYAML's emitter quotes.
 */
public final class QuotingRules extends StringQuotingChecker {
  private static final long serialVersionUID = 1L;
  private static final Rx NUMBERISH = Rx.compile("^[-+.]?[0-9][-+.0-9:_eExXoObBa-fA-F]*$");

  /** The single instance. */
  public static final QuotingRules INSTANCE = new QuotingRules();

  private QuotingRules() {}

  /**
   * Returns whether a YAML 1.1 reader (SnakeYAML, PyYAML) reads this plain scalar as a non-string
   * (or it is {@code =}); see {@link Yaml11}.
   */
  public static boolean yaml11ReadsDifferently(String s) {
    return Yaml11.readsDifferently(s);
  }

  /** Returns whether a string must be quoted to stay a string. */
  public static boolean mustQuote(String s) {
    if (s.isEmpty() || Yaml11.readsDifferently(s)) {
      return true;
    }
    if (Scalars.resolvePlain(s) != YNode.Kind.STRING) {
      return true;
    }
    return "-+.0123456789".indexOf(s.charAt(0)) >= 0
        && numberishChars(s)
        && NUMBERISH.matches(s)
        && (s.indexOf(':') >= 0
            || s.indexOf('-') > 0
            || s.chars().filter(c -> c == '.').count() == 1);
  }

  /** Whether every character can be part of {@link #NUMBERISH} ({@code 30s} cannot). */
  private static boolean numberishChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (NUMBERISH_CHARS.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static final String NUMBERISH_CHARS = "-+.0123456789:_eExXoObBabcdefABCDEF";

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
