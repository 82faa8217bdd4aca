package io.compose4j.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Rx} against {@code java.util.regex.Pattern} on every pattern the project matches with it:
 * {@code matches} and {@code find} agree on random strings over each pattern's own characters and
 * on mutants of strings that match.
 */
class RxTest {
  private static final String ALNUM = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";

  /** Each pattern with strings that match it (seeds for the mutants). */
  static List<Arguments> patterns() {
    return List.of(
        Arguments.of(
            PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*",
            List.of("library/nginx", "team/app__x-y/z.w", "a--b", "a_b")),
        Arguments.of(
            "(?:"
                + DOMAIN_COMPONENT
                + "(?:\\."
                + DOMAIN_COMPONENT
                + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?",
            List.of("registry.example.com:5000", "[::1]:80", "a-b.c", "localhost")),
        Arguments.of(
            "[\\w][\\w.-]{0,127}", List.of("1.27-alpine", "latest", "_x", "a".repeat(128))),
        Arguments.of(
            "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}",
            List.of("sha256:" + "ab12".repeat(16), "a+b.C:" + "F".repeat(32))),
        Arguments.of("[a-f0-9]{64}", List.of("0123456789abcdef".repeat(4))),
        Arguments.of("(?i)^[a-z_][a-z0-9\\-_.]+$", List.of("node.role", "Node.Labels.Zone-1")),
        Arguments.of(
            "(?i)^[a-z0-9:\\-_\\s.*()?+\\[\\]\\\\^$|/]+$", List.of("worker", "a b(c)*?+[]\\^$|/")),
        Arguments.of("\\d{1,3}(\\.\\d{1,3}){3}", List.of("10.0.0.1", "255.255.255.255")),
        Arguments.of("[0-9a-fA-F:.]+", List.of("::1", "fe80::1.2")),
        Arguments.of("\\d{1,2}", List.of("9", "13")),
        Arguments.of(
            "\\$(\\{([^{}]|\\$\\{[^{}]*})*}|[A-Za-z_][A-Za-z0-9_]*)",
            List.of("${WEB_PORT:-8080}", "$PORT", "${A:-${B}}")),
        Arguments.of("^[-+.]?[0-9][-+.0-9:_eExXoObBa-fA-F]*$", List.of("1e3", "0x1F", "+.5")),
        Arguments.of("[A-Za-z_][A-Za-z0-9_.\\-]*", List.of("A_B", "x.y-z")),
        Arguments.of("^[a-zA-Z0-9._-]+$", List.of("front", "a.b-c_d")),
        Arguments.of("[1-7][0-7]{2,3}", List.of("644", "1777")),
        Arguments.of("[-+]?\\d{1,18}", List.of("-12", "123456789012345678")),
        Arguments.of(
            "^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$",
            List.of("1.5", ".5", "-3e+10", "7.")),
        Arguments.of(
            "^\\d{4}-\\d{1,2}-\\d{1,2}(?:(?:[Tt]|[ \\t]+)\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d*)?"
                + "(?:[ \\t]*(?:Z|[-+]\\d{1,2}(?::\\d{2})?))?)?$",
            List.of("2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-1-4 1:2:3 Z")),
        Arguments.of("\\d{4}-\\d{2}-\\d{2}", List.of("2024-01-31")),
        Arguments.of(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
            List.of("yes", "OFF", "True")),
        Arguments.of(
            "^(?:[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)"
                + "|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
            List.of("0b101", "0o17", "017", "-0x1F", "1_000", "1:20:30")),
        Arguments.of(
            "^([-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
                + "|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
                + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$",
            List.of("1.5", "1e3", ".5", "1:30.5", "-.inf", ".NaN")),
        Arguments.of("^(?:~|null|Null|NULL| )$", List.of("~", "Null", " ")),
        Arguments.of(
            "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
                + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]"
                + ":[0-9][0-9](?:\\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$",
            List.of("2001-12-14", "2001-12-14T21:59:43.10Z", "2001-1-4 1:02:03 -5")),
        Arguments.of("&&|\\|\\||[|;<>`]|\\$\\(|^\\w+=", List.of("a && b", "A=1 cmd", "x | y")),
        Arguments.of("[\\w./-]+", List.of("/usr/bin/env", "a.b")),
        Arguments.of(
            "(tcp|udp|unix|unixgram|tcp\\+tls)://.*", List.of("tcp://h:514", "tcp+tls://x")),
        Arguments.of("-1|[0-9]", List.of("-1", "7")),
        Arguments.of(
            "(?i).*(password|passwd|secret|token|api_?key|private_?key|credentials?).*",
            List.of("DB_PASSWORD", "x-Api_Key-y", "credential")),
        Arguments.of("[0-9a-fA-F:.]+(/\\d{1,3})?", List.of("10.0.0.0/8", "fe80::/64")),
        Arguments.of(
            "services\\..+\\.(secrets|configs)\\[\\d+]\\.x-[^.]*",
            List.of("services.web.secrets[0].x-a", "services.a.b.configs[12].x-")),
        Arguments.of("\\d+\\.\\d*0", List.of("1.50", "3.0")),
        Arguments.of("^[A-Za-z]:\\\\.*", List.of("C:\\x", "d:\\")),
        Arguments.of("(.*,)?r?bind(,.*)?", List.of("bind", "ro,rbind,x")),
        Arguments.of("\\d+", List.of("8080")),
        Arguments.of("^[a-z]+$", List.of("nofile")),
        Arguments.of("(?i)[a-z]:[\\\\/].*", List.of("C:/x", "c:\\y")),
        Arguments.of("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})", List.of("1.2.3.4")),
        Arguments.of("\\d{1,9}", List.of("15")),
        Arguments.of("\\d{1,3}", List.of("24")),
        Arguments.of("[0-9a-fA-F:]+", List.of("fe80::")),
        Arguments.of("-?\\d+(\\.\\d+)?", List.of("-1.5", "3")),
        Arguments.of("^[a-zA-Z0-9](?:[-_]*[A-Za-z0-9]+)*$", List.of("web-1", "a__b")),
        Arguments.of("^[a-zA-Z0-9]+(?:[a-zA-Z0-9-_.]*[a-zA-Z0-9])?$", List.of("my.net-1", "a")),
        Arguments.of("^[^\\s\"']*$", List.of("abc")),
        Arguments.of("[\\s\"']*", List.of("", " \"'\t")),
        Arguments.of(
            "(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})",
            List.of("10.0.0.0/24", "1.2.3.4/8")));
  }

  private static final String EXTRA = "aZ09 ._-:/\t\n{}$[]()\\+*?|,=&;\"'é\u2028😀";

  @ParameterizedTest(name = "{0}")
  @MethodSource("patterns")
  void agreesWithJavaUtilRegex(String pattern, List<String> seeds) {
    Rx rx = Rx.compile(pattern);
    Pattern java = Pattern.compile(pattern);
    String alphabet = alphabet(pattern);
    Random r = new Random(pattern.hashCode());
    List<String> inputs = new ArrayList<>(seeds);
    for (int i = 0; i < 4000; i++) {
      int len = r.nextInt(r.nextInt(4) == 0 ? 40 : 12);
      StringBuilder s = new StringBuilder();
      for (int k = 0; k < len; k++) {
        s.appendCodePoint(
            alphabet.codePointAt(
                alphabet.offsetByCodePoints(
                    0, r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
      }
      inputs.add(s.toString());
    }
    for (String seed : seeds) {
      for (int i = 0; i < 400; i++) {
        inputs.add(mutate(seed, alphabet, r));
      }
    }
    int matched = 0;
    for (String in : inputs) {
      boolean expected = java.matcher(in).matches();
      assertThat(rx.matches(in)).as("matches(\"%s\")", in).isEqualTo(expected);
      assertThat(rx.find(in)).as("find(\"%s\")", in).isEqualTo(java.matcher(in).find());
      matched += expected ? 1 : 0;
    }
    if (!seeds.isEmpty()) {
      assertThat(matched).as("inputs that match").isGreaterThanOrEqualTo(seeds.size());
    }
  }

  private static String alphabet(String pattern) {
    StringBuilder a = new StringBuilder(EXTRA);
    pattern.codePoints().filter(c -> c != '\\').forEach(a::appendCodePoint);
    return a.toString();
  }

  private static String mutate(String seed, String alphabet, Random r) {
    StringBuilder s = new StringBuilder(seed);
    int edits = 1 + r.nextInt(3);
    for (int e = 0; e < edits; e++) {
      char c = alphabet.charAt(r.nextInt(alphabet.length()));
      int at = s.length() == 0 ? 0 : r.nextInt(s.length());
      switch (r.nextInt(3)) {
        case 0 -> s.insert(at, c);
        case 1 -> {
          if (s.length() > 0) {
            s.deleteCharAt(at);
          }
        }
        default -> {
          if (s.length() > 0) {
            s.setCharAt(at, c);
          }
        }
      }
    }
    return s.toString();
  }

  @ParameterizedTest(name = "refuses {0}")
  @ValueSource(
      strings = {
        "a*?", "a++", "(?<n>a)", "a{2", "[a-", "(a", "\\p{L}", "[[a]]", "\\1", "(?s).", "a\\b"
      })
  void refusesSyntaxOutsideTheSubset(String pattern) {
    assertThatThrownBy(() -> Rx.compile(pattern))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + pattern + "\"");
  }

  @Test
  void isLinearOnInputsThatMakeBacktrackingSlow() {
    // (a|a)*b and nested stars take exponential time in a backtracking matcher
    Rx rx = Rx.compile("(?:a|a)*(?:a*)*b");
    String input = "a".repeat(100_000);
    assertThat(rx.matches(input)).isFalse();
    assertThat(rx.find(input + "b")).isTrue();
    // a 100,000-character image tag: no recursion over the input
    assertThat(Rx.compile("[\\w][\\w.-]*").matches("a".repeat(100_000))).isTrue();
  }
}
