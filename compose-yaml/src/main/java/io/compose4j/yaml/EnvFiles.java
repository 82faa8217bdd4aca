package io.compose4j.yaml;

import io.compose4j.model.internal.Rx;
import io.compose4j.yaml.read.Interpolator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code .env} files ({@code --env-file}, {@code env_file}): {@code KEY=value} lines, blank
 * lines and {@code #} comments, an optional {@code export} prefix, single-quoted values taken
 * literally, double-quoted values with {@code \n}, {@code \t}, {@code \"} and {@code \\} escapes,
 * and {@code #} after whitespace starting a comment in unquoted values.
 *
 * <p>As Compose does (compose-go's {@code dotenv} package), unquoted and double-quoted values
 * expand {@code $VAR}, {@code ${VAR}} and the {@code ${VAR:-default}} forms, looking a name up
 * first in the lookup given (the process environment and earlier files) and then in the lines above
 * it; single-quoted values stay literal; {@code $$} is a literal {@code $}.
 */
public final class EnvFiles {
  private static final Rx VARIABLE_NAME = Rx.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

  private EnvFiles() {}

  /**
   * Parses an env file.
   *
   * @throws ComposeReadException naming the file and line of a malformed entry
   */
  public static Map<String, String> read(Path file) {
    return read(file, name -> null);
  }

  /**
   * Parses an env file, expanding variables from {@code lookup} (null for unset) and the lines
   * above.
   *
   * @throws ComposeReadException naming the file and line of a malformed entry
   */
  public static Map<String, String> read(Path file, Function<String, String> lookup) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ComposeReadException(
          file.toString(), 0, 0, "", "cannot read the env file: " + e.getMessage());
    }
    return parse(text, file.toString(), lookup);
  }

  /** Parses env-file text without an outside environment; {@code name} is used in errors. */
  public static Map<String, String> parse(String text, String name) {
    return parse(text, name, n -> null);
  }

  /**
   * Parses env-file text, expanding variables from {@code lookup} (null for unset) and the lines
   * above; {@code name} is used in errors.
   */
  public static Map<String, String> parse(
      String text, String name, Function<String, String> lookup) {
    Map<String, String> out = new LinkedHashMap<>();
    Function<String, String> variables =
        n -> {
          String v = lookup.apply(n);
          return v != null ? v : out.get(n);
        };
    String[] lines = lines(text);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring(7).stripLeading();
      }
      int eq = line.indexOf('=');
      String key = (eq < 0 ? line : line.substring(0, eq)).strip();
      if (key.isEmpty() || !VARIABLE_NAME.matches(key)) {
        throw new ComposeReadException(
            name, i + 1, 1, "", "invalid variable name '" + key + "'; use KEY=value lines");
      }
      if (eq < 0) {
        continue;
      }
      String value = line.substring(eq + 1).stripLeading();
      int valueLine = i + 1;
      boolean expand = true;
      if (value.startsWith("'")) {
        expand = false;
        int end = value.indexOf('\'', 1);
        if (end < 0) {
          throw new ComposeReadException(
              name, i + 1, eq + 2, "", "unclosed single quote in the value of " + key);
        }
        value = value.substring(1, end);
      } else if (value.startsWith("\"")) {
        StringBuilder sb = new StringBuilder();
        int j = 1;
        boolean closed = false;
        StringBuilder rest = new StringBuilder(value);
        while (!closed) {
          for (; j < rest.length(); j++) {
            char c = rest.charAt(j);
            if (c == '\\' && j + 1 < rest.length()) {
              char n = rest.charAt(++j);
              sb.append(
                  switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                  });
            } else if (c == '"') {
              closed = true;
              break;
            } else {
              sb.append(c);
            }
          }
          if (!closed) {
            if (i + 1 >= lines.length) {
              throw new ComposeReadException(
                  name, i + 1, eq + 2, "", "unclosed double quote in the value of " + key);
            }
            sb.append('\n');
            rest = new StringBuilder(lines[++i]);
            j = 0;
          }
        }
        value = sb.toString();
      } else {
        int hash = value.indexOf(" #");
        if (hash >= 0) {
          value = value.substring(0, hash);
        }
        value = value.strip();
      }
      if (expand && value.indexOf('$') >= 0) {
        try {
          value = new Interpolator(variables, name).interpolate(value);
        } catch (IllegalArgumentException e) {
          throw new ComposeReadException(
              name, valueLine, eq + 2, "", "in the value of " + key + ": " + e.getMessage());
        }
      }
      out.put(key, value);
    }
    return out;
  }

  /** The lines of a text split at \n and \r\n, as {@code text.split("\\r?\\n", -1)} gives them. */
  static String[] lines(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', from)) {
      int end = i > from && text.charAt(i - 1) == '\r' ? i - 1 : i;
      out.add(text.substring(from, end));
      from = i + 1;
    }
    out.add(text.substring(from));
    return out.toArray(new String[0]);
  }
}
