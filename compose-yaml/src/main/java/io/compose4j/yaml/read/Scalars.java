package io.compose4j.yaml.read;

import io.compose4j.model.internal.Rx;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Scalar resolution and formatting as Go's yaml.v3 and fmt do it (Docker and compose-go use them).
 */
public final class Scalars {
  private static final Rx DATE = Rx.compile("\\d{4}-\\d{2}-\\d{2}");

  private static final Rx YAML_FLOAT =
      Rx.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Rx TIMESTAMP =
      Rx.compile(
          "^\\d{4}-\\d{1,2}-\\d{1,2}(?:(?:[Tt]|[ \\t]+)\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d*)?(?:[ \\t]*(?:Z|[-+]\\d{1,2}(?::\\d{2})?))?)?$");
  private static final String TAG = "tag:yaml.org,2002:";

  private Scalars() {}

  /** Resolves the kind of a plain scalar. */
  public static YNode.Kind resolvePlain(String s) {
    switch (s) {
      case "", "~", "null", "Null", "NULL" -> {
        return YNode.Kind.NULL;
      }
      case "true", "True", "TRUE", "false", "False", "FALSE" -> {
        return YNode.Kind.BOOL;
      }
      case ".inf",
          ".Inf",
          ".INF",
          "+.inf",
          "+.Inf",
          "+.INF",
          "-.inf",
          "-.Inf",
          "-.INF",
          ".nan",
          ".NaN",
          ".NAN" -> {
        return YNode.Kind.FLOAT;
      }
      default -> {}
    }
    char c = s.charAt(0);
    if (!(Character.isDigit(c) || c == '+' || c == '-' || c == '.')) {
      return YNode.Kind.STRING;
    }
    // a timestamp starts with four digits and a dash (2001-1-1 at least)
    if (s.length() >= 8 && s.charAt(4) == '-' && TIMESTAMP.matches(s)) {
      return YNode.Kind.TIMESTAMP;
    }
    String plain = s.replace("_", "");
    if (goInt(plain) != null) {
      return YNode.Kind.INT;
    }
    if (onlyFloatChars(plain)
        && YAML_FLOAT.matches(plain)
        && Double.isFinite(Double.parseDouble(plain))) {
      // yaml.v3 keeps a float Go's ParseFloat refuses as out of range (1e400) as a string
      return YNode.Kind.FLOAT;
    }
    return YNode.Kind.STRING;
  }

  /**
   * Returns whether a scalar tagged with this kind's tag can be decoded as one (yaml.v3 refuses
   * {@code !!int abc}: "cannot decode !!str `abc` as a !!int").
   */
  static boolean fitsTag(YNode.Kind kind, String text) {
    return switch (kind) {
      case STRING -> true;
      case INT -> goInt(text) != null;
      case FLOAT -> isFloat(text);
      case BOOL -> resolvePlainOrString(text) == YNode.Kind.BOOL;
      case NULL -> resolvePlainOrString(text) == YNode.Kind.NULL;
      case TIMESTAMP -> !text.isEmpty() && TIMESTAMP.matches(text);
    };
  }

  /**
   * Whether every character can be part of a YAML 1.2 float ({@code 30s} or {@code 512M} cannot).
   */
  private static boolean onlyFloatChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("0123456789+-.eE".indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  private static YNode.Kind resolvePlainOrString(String text) {
    return text.isEmpty() ? YNode.Kind.NULL : resolvePlain(text);
  }

  /**
   * Returns whether a tagged {@code !!float} holds a number: a float, an integer, {@code .inf} or
   * {@code .nan}.
   */
  private static boolean isFloat(String text) {
    if (text.isEmpty()) {
      return false;
    }
    YNode.Kind k = resolvePlain(text);
    return k == YNode.Kind.FLOAT || k == YNode.Kind.INT;
  }

  /**
   * Returns whether a plain scalar is written like a number (digits, with a sign, underscores, a
   * point, an exponent, or a 0x/0o/0b prefix), without converting it: a cheap, linear test made
   * before the conversion.
   */
  static boolean looksNumeric(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    if (i + 1 < n && s.charAt(i) == '0' && "xXoObB".indexOf(s.charAt(i + 1)) >= 0) {
      i += 2;
      for (; i < n; i++) {
        if (Character.digit(s.charAt(i), 16) < 0 && s.charAt(i) != '_') {
          return false;
        }
      }
      return true;
    }
    if (i >= n || !((s.charAt(i) >= '0' && s.charAt(i) <= '9') || s.charAt(i) == '.')) {
      return false;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9')
          || c == '_'
          || c == '.'
          || c == 'e'
          || c == 'E'
          || c == '+'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Returns "an integer", "a number" and so on, for messages. */
  static String describe(YNode.Kind kind) {
    return switch (kind) {
      case INT -> "an integer";
      case FLOAT -> "a number";
      case BOOL -> "true or false";
      case NULL -> "null";
      case TIMESTAMP -> "a timestamp";
      case STRING -> "text";
    };
  }

  /** Resolves an explicitly tagged scalar, or returns null for an unsupported tag. */
  static YNode.Kind resolveTagged(String tag, String text, boolean plain) {
    if (tag.equals("!") || tag.equals(TAG + "str")) {
      return YNode.Kind.STRING;
    }
    if (tag.equals("!reset") || tag.equals("!override")) {
      // yaml.v3 (Docker) decodes a scalar with a local tag as its text; merging interprets the tag
      return YNode.Kind.STRING;
    }
    return switch (tag.startsWith(TAG) ? tag.substring(TAG.length()) : "") {
      case "int" -> YNode.Kind.INT;
      case "float" -> YNode.Kind.FLOAT;
      case "bool" -> YNode.Kind.BOOL;
      case "null" -> YNode.Kind.NULL;
      case "timestamp" -> YNode.Kind.TIMESTAMP;
      default -> null;
    };
  }

  /** Returns whether a tag is one a Compose file may use on a collection. */
  static boolean collectionTagAllowed(String tag) {
    return tag.equals("!reset")
        || tag.equals("!override")
        || tag.equals(TAG + "map")
        || tag.equals(TAG + "seq")
        || tag.equals(TAG + "omap");
  }

  /**
   * Parses an integer the way yaml.v3 does (Go's {@code strconv.ParseInt(s, 0, 64)} after removing
   * underscores, then the unsigned range and the {@code 0b}/{@code 0o} prefixes); null if not one.
   */
  public static BigInteger goInt(String s) {
    String t = s.replace("_", "");
    if (t.isEmpty()) {
      return null;
    }
    boolean neg = false;
    int i = 0;
    if (t.charAt(0) == '+' || t.charAt(0) == '-') {
      neg = t.charAt(0) == '-';
      i = 1;
    }
    String body = t.substring(i);
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = body.charAt(1);
      if (p == 'x' || p == 'X') {
        radix = 16;
        body = body.substring(2);
      } else if (p == 'o' || p == 'O') {
        radix = 8;
        body = body.substring(2);
      } else if (p == 'b' || p == 'B') {
        radix = 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    int zeros = 0;
    while (zeros < body.length() - 1 && body.charAt(zeros) == '0') {
      zeros++;
    }
    body = body.substring(zeros);
    if (body.length() > 64) {
      // no 64-bit value has more than 64 significant digits in any radix; BigInteger would be
      // quadratic
      return null;
    }
    for (int k = 0; k < body.length(); k++) {
      if (Character.digit(body.charAt(k), radix) < 0) {
        return null;
      }
    }
    BigInteger v = new BigInteger(body, radix);
    if (neg) {
      v = v.negate();
    }
    if (v.bitLength() > 64 || (neg && v.bitLength() > 63)) {
      return null;
    }
    return v;
  }

  /** Returns a float scalar's value (including .inf and .nan). */
  public static double goFloat(String s) {
    String t = s.replace("_", "");
    return switch (t) {
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF" -> Double.NEGATIVE_INFINITY;
      case ".nan", ".NaN", ".NAN" -> Double.NaN;
      default -> Double.parseDouble(t);
    };
  }

  /**
   * Formats a float like Go's {@code fmt.Sprint} ({@code %v}): shortest form, exponent outside
   * 1e-4..1e21.
   */
  public static String formatGoFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1;
    if (exp < -4 || exp >= 21) {
      String digits = bd.unscaledValue().abs().toString();
      String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      String sign = d < 0 ? "-" : "";
      return sign
          + mant
          + "e"
          + (exp < 0 ? "-" : "+")
          + (Math.abs(exp) < 10 ? "0" : "")
          + Math.abs(exp);
    }
    return bd.toPlainString();
  }

  /**
   * Returns the text Docker gets when it turns a scalar into a string (env values, labels,
   * options).
   */
  public static String goString(YNode.YScalar s) {
    return switch (s.kind) {
      case INT -> goInt(s.text).toString();
      case FLOAT -> formatGoFloat(goFloat(s.text));
      case BOOL -> Boolean.toString(s.text.equalsIgnoreCase("true"));
      case NULL -> "";
      case TIMESTAMP -> goTimestamp(s.text);
      case STRING -> s.text;
    };
  }

  private static String goTimestamp(String text) {
    if (DATE.matches(text)) {
      return text + " 00:00:00 +0000 UTC";
    }
    return text;
  }
}
