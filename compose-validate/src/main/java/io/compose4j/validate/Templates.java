package io.compose4j.validate;

import io.compose4j.model.internal.Rx;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks Swarm service templates ({@code {{.Node.Hostname}}}) the way swarmkit's template engine
 * would execute them: fields of the template context, Go template syntax, variables.
 */
final class Templates {
  private static final Rx NUMBER = Rx.compile("-?\\d+(\\.\\d+)?");

  private Templates() {}

  private static final Set<String> FIELDS =
      Set.of(
          ".Service.ID",
          ".Service.Name",
          ".Service.Labels",
          ".Node.ID",
          ".Node.Hostname",
          ".Node.Platform.OS",
          ".Node.Platform.Architecture",
          ".Task.ID",
          ".Task.Name",
          ".Task.Slot",
          ".Service",
          ".Node",
          ".Task",
          ".Node.Platform");
  private static final Set<String> FUNCTIONS =
      Set.of(
          "join",
          "index",
          "and",
          "or",
          "not",
          "len",
          "print",
          "printf",
          "println",
          "eq",
          "ne",
          "lt",
          "le",
          "gt",
          "ge",
          "html",
          "js",
          "urlquery",
          "slice",
          "call",
          "if",
          "else",
          "end",
          "range",
          "with",
          "nil",
          "true",
          "false");

  /**
   * The functions a secret's or config's payload template has besides Go's (swarmkit
   * PayloadContext).
   */
  private static final Set<String> PAYLOAD_FUNCTIONS = Set.of("secret", "config", "env");

  /** Returns null when every template in the text is valid, else what is wrong. */
  static String problem(String text) {
    return problem(text, false);
  }

  /**
   * Returns null when every template in a secret's or config's payload is valid, else what is
   * wrong. Payloads that use {@code range} or {@code with} (which change what {@code .} is) are not
   * checked.
   */
  static String payloadProblem(String text) {
    if (text.matches("(?s).*\\{\\{-?\\s*(range|with)\\b.*")) {
      return null;
    }
    return problem(text, true);
  }

  private static String problem(String text, boolean payload) {
    int from = 0;
    Set<String> variables = new HashSet<>();
    while (true) {
      int open = text.indexOf("{{", from);
      int stray = text.indexOf("}}", from);
      if (open < 0) {
        return null;
      }
      if (stray >= 0 && stray < open) {
        return null;
      }
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        return "unclosed action: missing }}";
      }
      String action = text.substring(open + 2, close).trim();
      if (action.startsWith("-")) {
        action = action.substring(1).trim();
      }
      if (action.endsWith("-")) {
        action = action.substring(0, action.length() - 1).trim();
      }
      String problem = action(action, variables, payload);
      if (problem != null) {
        return problem + " in {{" + text.substring(open + 2, close) + "}}";
      }
      from = close + 2;
    }
  }

  private static String action(String action, Set<String> variables, boolean payload) {
    if (action.isEmpty()) {
      return "missing value for command";
    }
    if (action.startsWith("/*")) {
      return null;
    }
    String[] tokens = tokenize(action);
    if (tokens.length == 0) {
      return "missing value for command";
    }
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.equals(":=") || t.equals("=")) {
        if (i == 0 || !tokens[i - 1].startsWith("$")) {
          return "unexpected \"" + t + "\"";
        }
        if (i + 1 >= tokens.length) {
          return "missing value for command";
        }
        variables.add(tokens[i - 1]);
      } else if (t.startsWith("$")) {
        boolean defines =
            i + 1 < tokens.length && (tokens[i + 1].equals(":=") || tokens[i + 1].equals("="));
        String name = t.contains(".") ? t.substring(0, t.indexOf('.')) : t;
        if (!defines && !name.equals("$") && !variables.contains(name)) {
          return "undefined variable \"" + name + "\"";
        }
        if (name.equals("$") && t.length() > 1 && !FIELDS.contains(t.substring(1))) {
          return "can't evaluate field " + t.substring(1);
        }
      } else if (t.startsWith(".")) {
        if (!t.equals(".") && !FIELDS.contains(t)) {
          return "can't evaluate field " + t;
        }
      } else if (t.startsWith("\"")
          || t.startsWith("`")
          || NUMBER.matches(t)
          || t.equals("|")
          || t.equals("(")
          || t.equals(")")
          || t.equals(",")) {
        // a literal, a pipe, a parenthesis or a comma: nothing to check
      } else if (!FUNCTIONS.contains(t) && !(payload && PAYLOAD_FUNCTIONS.contains(t))) {
        return "function \"" + t + "\" not defined";
      }
    }
    return null;
  }

  private static String[] tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '`') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        out.add(s.substring(i, Math.min(j + 1, s.length())));
        i = j + 1;
      } else if (c == '(' || c == ')' || c == '|' || c == ',') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
        out.add(":=");
        i += 2;
      } else {
        int j = i;
        while (j < s.length()
            && !Character.isWhitespace(s.charAt(j))
            && "()|,".indexOf(s.charAt(j)) < 0
            && !(s.charAt(j) == ':' && j + 1 < s.length() && s.charAt(j + 1) == '=')) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out.toArray(new String[0]);
  }
}
