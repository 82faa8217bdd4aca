package io.compose4j.yaml.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ReaderLimits;
import io.compose4j.yaml.SharedCorpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link FastYamlReader} against the general parser: wherever the fast path answers, the general
 * parser must read the same text without an error and build the same tree (kinds of node, 1-based
 * positions of every node and key, texts, scalar styles, resolved kinds, tags, key order); where
 * the general parser refuses a text, the fast path must give up. Compared on the corpus, the
 * module's test files, hand-written cases and seeded mutants of all of them.
 */
class FastYamlReaderTest {
  private static final ReaderLimits LIMITS = ReaderLimits.defaults();

  /** The outcome of one comparison. */
  private enum Outcome {
    FAST,
    GENERAL,
    REFUSED
  }

  /** Compares the two readers on one text; fails the test on any difference. */
  private static Outcome compare(String text, String what) {
    YNode fast = FastYamlReader.read(text, LIMITS);
    YNode general;
    try {
      general = YamlTreeReader.readGeneral(text, "f.yml", LIMITS);
    } catch (ComposeReadException e) {
      assertThat(fast)
          .as("%s: the general parser refuses it (%s) but the fast path read it", what, e)
          .isNull();
      return Outcome.REFUSED;
    }
    if (fast == null) {
      return Outcome.GENERAL;
    }
    String expected = dump(general);
    assertThat(dump(fast)).as("%s: the tree the fast path built", what).isEqualTo(expected);
    if (fast.nothingToInterpolate) {
      // the walk it lets interpolation skip would change nothing and report nothing
      Interpolator interpolator = new Interpolator(name -> "value", "f.yml", 10);
      interpolator.interpolateTree(general);
      assertThat(dump(general)).as("%s: interpolated", what).isEqualTo(expected);
      assertThat(interpolator.facts()).as("%s: facts", what).isEmpty();
      assertThat(interpolator.unsetVariables()).as("%s: unset", what).isEmpty();
    }
    return Outcome.FAST;
  }

  /** A line per node with everything the tree holds. */
  static String dump(YNode node) {
    StringBuilder sb = new StringBuilder();
    dump(node, "", sb);
    return sb.toString();
  }

  private static void dump(YNode node, String indent, StringBuilder sb) {
    sb.append(indent)
        .append(node.line)
        .append(':')
        .append(node.column)
        .append(" tag=")
        .append(node.tag)
        .append(" shared=")
        .append(node.shared)
        .append(" file=")
        .append(node.file)
        .append(' ');
    if (node instanceof YNode.YScalar s) {
      sb.append("scalar ")
          .append(s.kind)
          .append(s.plain ? " plain " : " quoted ")
          .append(s.interpolated)
          .append(s.kept)
          .append(" [")
          .append(s.text.replace("\n", "\\n"))
          .append("]\n");
    } else if (node instanceof YNode.YSeq q) {
      sb.append("seq\n");
      for (YNode item : q.items) {
        dump(item, indent + "  ", sb);
      }
    } else if (node instanceof YNode.YMap m) {
      sb.append("map\n");
      for (Map.Entry<String, YNode.Entry> e : m.entries.entrySet()) {
        YNode.Entry entry = e.getValue();
        sb.append(indent)
            .append(" key [")
            .append(e.getKey())
            .append("] ")
            .append(entry.key())
            .append(' ')
            .append(entry.line())
            .append(':')
            .append(entry.column())
            .append(' ')
            .append(entry.file())
            .append('\n');
        dump(entry.value(), indent + "  ", sb);
      }
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  private static List<String> seeds() throws IOException {
    List<String> texts = new ArrayList<>();
    for (Path p : files(Path.of("src", "test", "resources"))) {
      texts.add(Files.readString(p, StandardCharsets.UTF_8));
    }
    texts.addAll(FAST_CASES);
    texts.addAll(OTHER_CASES);
    String configured = System.getProperty("compose4j.shared");
    Path corpus =
        Path.of(
            configured != null && !configured.isBlank() ? configured : "../../shared", "corpus");
    if (Files.isDirectory(corpus.resolve("files"))) {
      for (Path p : files(corpus.resolve("files"))) {
        texts.add(Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return texts;
  }

  /** Hand-written texts the fast path reads: each construct it takes, and its edges. */
  private static final List<String> FAST_CASES =
      List.of(
          "a: 1\n",
          "a:\n",
          "a:   \n",
          "a:\nb:\n",
          "a: # c\nb: 2\n",
          "a:\n  # c\n  b: 1\n",
          "a:\n- x\n- y\nb: 1\n",
          "a:\n  - x\n  -\n  - z\n",
          "a:\n  -\n  -   \n",
          "- a: 1\n  b: 2\n- c\n",
          "-   a: 1\n    b: [1, 2]\n",
          "- - a\n  - b\n- c\n",
          "-\n  a: 1\n",
          "'a': \"b\"\n\"c d\": 'it''s'\n",
          "a: \"x\\ty\\\"z\\\\\"\n",
          "a: 'x\\y'\n",
          "a: x # comment\n",
          "a: x#y\n",
          "a: x:y\n",
          "a: [a, 'b', \"c\", [d], {e: f}, -1, 1.5, ~, true]\n",
          "a: {x: 1, 'y': [], \"z\": {}}\n",
          "a: [ a , b ]\n",
          "a: []\nb: {}\n",
          "a: node.role == manager\n",
          "a: 0755\nb: 0x1F\nc: 1_000\nd: 2001-12-14\ne: .inf\nf: yes\ng: Null\n",
          "a: \u00e9t\u00e9 \u4e2d\n",
          "a: 1\n# end",
          "a: 1",
          "a:",
          "-",
          "- ",
          "x",
          "\"x\"",
          "a:\n  b:\n    c:\n      - d: [e, {f: g}]\n",
          "a: |\n  x\n  y\nb: 1\n",
          "a: |-\n  x\n\n  y\n\nb: 1\n",
          "a: |+\n  x\n\n\nb: 1\n",
          "a: |\n\n  x\n    more\n  # not a comment\n# a comment\nb: 1\n",
          "a: >\n  one\n  two\n\n  three\nb: 1\n",
          "a: >-\n  one\n  two\n",
          "a: >+\n  one\n\n",
          "a: > # comment\n  x\n",
          "a: |\n  x",
          "- |\n  x\n- >\n  y\n  z\n",
          "a:\n  - |\n    x\n  - b: |\n      y\n    c: 1\n");

  /**
   * Hand-written texts the fast path leaves to the general parser: what it does not read, and
   * errors.
   */
  private static final List<String> OTHER_CASES =
      List.of(
          "a: \"x\"#y\n",
          "a: x: y\n",
          "a: x:\n",
          "a: [a, b,]\n",
          "a: {a: }\n",
          "a: {a}\n",
          "a: [a: b]\n",
          "a: [a\n  , b]\n",
          "a: -x\nb: - x\n",
          "a: b\n  c\n",
          "a:\n  b\n  c\n",
          "a: 'b\n  c'\n",
          "a: |2\n   x\n",
          "a: | x\n  y\n",
          "\"" + "k".repeat(1030) + "\": v\n",
          "'" + "k".repeat(1030) + "': v\n",
          "a: {" + "k".repeat(1030) + ": v}\n",
          "a: {'" + "k".repeat(1030) + "': v}\n",
          "a: |\nb: 1\n",
          "a: |\n  x\n   \n",
          "a: >\n  x\n    more\n",
          "|\n  x\n",
          "a: &x 1\nb: *x\n",
          "<<: {a: 1}\n",
          "a: !!str 1\n",
          "a: 1\na: 2\n",
          "---\na: 1\n",
          "a: 1\n...\n",
          "%YAML 1.1\n---\na: 1\n",
          "a: 1\r\nb: 2\r\n",
          "a:\tb\n",
          "a: \u0085\n",
          "a: 1\n b: 2\n",
          "a:\n    b: 1\n  c: 2\n",
          "a:\n  - 1\n - 2\n",
          "a : 1\n",
          "? a\n: 1\n",
          "[a]: 1\n",
          "# only a comment\n",
          "");

  @Test
  void theHandWrittenCasesReadAlike() {
    for (String text : FAST_CASES) {
      assertThat(compareCase(text))
          .as("read by the fast path: %s", shown(text))
          .isEqualTo(Outcome.FAST);
    }
  }

  @Test
  void theOtherHandWrittenCasesAreLeftToTheGeneralParser() {
    for (String text : OTHER_CASES) {
      assertThat(compareCase(text))
          .as("left to the general parser: %s", shown(text))
          .isNotEqualTo(Outcome.FAST);
    }
  }

  private static Outcome compareCase(String text) {
    return compare(text, "case " + shown(text));
  }

  private static String shown(String text) {
    return text.replace("\n", "\\n");
  }

  @Test
  void theReaderAnswersTheSameWithTheFastPath() {
    // YamlTreeReader.read takes the fast path where it can and gives the general parser's error
    String ok = "services:\n  web:\n    image: nginx\n    ports: [\"80:80\"]\n";
    assertThat(FastYamlReader.read(ok, LIMITS)).isNotNull();
    assertThat(dump(YamlTreeReader.read(ok, "f.yml", LIMITS)))
        .isEqualTo(dump(YamlTreeReader.readGeneral(ok, "f.yml", LIMITS)));
    String dup = "services:\n  web:\n    image: a\n    image: b\n";
    ComposeReadException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ComposeReadException.class, () -> YamlTreeReader.read(dup, "f.yml", LIMITS));
    assertThat(e.getMessage()).contains("f.yml:4:5").contains("already defined at line 3");
  }

  @Test
  void interpolationIsSkippedOnlyWhenItHasNothingToDo() {
    assertThat(FastYamlReader.read("a: b\nc: [d, 'e']\n", LIMITS).nothingToInterpolate).isTrue();
    assertThat(FastYamlReader.read("a: $B\n", LIMITS).nothingToInterpolate).isFalse();
    assertThat(FastYamlReader.read("a: '$$'\n", LIMITS).nothingToInterpolate).isFalse();
    assertThat(FastYamlReader.read("a: [on]\n", LIMITS).nothingToInterpolate).isFalse();
    assertThat(FastYamlReader.read("a: 12:30\n", LIMITS).nothingToInterpolate).isFalse();
    assertThat(FastYamlReader.read("a: 'on'\n", LIMITS).nothingToInterpolate).isTrue();
  }

  @Test
  void shortTextsAreOneInstance() {
    YNode.YMap root = (YNode.YMap) FastYamlReader.read("a: {x: same}\nb: {x: \"same\"}\n", LIMITS);
    YNode.YMap a = (YNode.YMap) root.get("a").value();
    YNode.YMap b = (YNode.YMap) root.get("b").value();
    assertThat(a.get("x").key()).isSameAs(b.get("x").key());
    assertThat(((YNode.YScalar) a.get("x").value()).text())
        .isSameAs(((YNode.YScalar) b.get("x").value()).text());
  }

  @Test
  void theCorpusReadsAlike() throws IOException {
    Path corpus = SharedCorpus.corpus();
    int fast = 0;
    int all = 0;
    for (Path p : files(corpus.resolve("files"))) {
      String text = Files.readString(p, StandardCharsets.UTF_8);
      if (compare(text, p.toString()) == Outcome.FAST) {
        fast++;
      }
      all++;
    }
    assertThat(all).isGreaterThan(600);
    // most real files are written in the YAML the fast path reads
    assertThat(fast).as("corpus files read by the fast path").isGreaterThan(all * 9 / 10);
  }

  @Test
  void mutantsReadAlike() throws IOException {
    List<String> seeds = seeds();
    int mutants = Integer.getInteger("compose4j.fastyaml.mutants", 10000);
    Map<Outcome, Integer> counts = new HashMap<>();
    for (int i = 0; i < mutants; i++) {
      Random r = new Random(1_000_003L * 7 + i);
      String text = mutate(seeds.get(r.nextInt(seeds.size())), r);
      counts.merge(compare(text, "mutant " + i + ":\n" + text), 1, Integer::sum);
    }
    // the comparison means something only if many mutants take each path
    assertThat(counts.getOrDefault(Outcome.FAST, 0)).isGreaterThan(mutants / 5);
    assertThat(counts.getOrDefault(Outcome.REFUSED, 0)).isGreaterThan(mutants / 20);
  }

  @Test
  void nestingNearTheLimitReadsAlike() {
    int limit = LIMITS.maxNestingDepth();
    for (int d = limit - 3; d <= limit + 2; d++) {
      StringBuilder blockMap = new StringBuilder();
      StringBuilder blockSeq = new StringBuilder();
      StringBuilder mixed = new StringBuilder();
      for (int k = 0; k < d; k++) {
        blockMap.append(" ".repeat(k)).append("a:\n");
        blockSeq.append(" ".repeat(2 * k)).append("-\n");
        mixed.append(" ".repeat(2 * k)).append(k % 2 == 0 ? "- " : "a: ").append('\n');
      }
      List<String> texts =
          List.of(
              blockMap + " ".repeat(d) + "x\n",
              blockMap.toString(),
              blockSeq + " ".repeat(2 * d) + "x\n",
              blockSeq.toString(),
              "- ".repeat(d) + "x\n",
              "[".repeat(d) + "x" + "]".repeat(d) + "\n",
              "a: " + "[".repeat(d) + "]".repeat(d) + "\n",
              "a: " + "{b: ".repeat(d) + "c" + "}".repeat(d) + "\n",
              "- a: " + "[".repeat(d) + "]".repeat(d) + "\n",
              blockMap + " ".repeat(d) + "b: |\n" + " ".repeat(d + 1) + "x\n",
              blockSeq + " ".repeat(2 * d) + "- |\n" + " ".repeat(2 * d + 1) + "x\n",
              mixed + " ".repeat(2 * d) + "x\n");
      for (String text : texts) {
        compare(text, "depth " + d + ": " + text.substring(0, Math.min(40, text.length())));
      }
    }
  }

  @Test
  void generatedDocumentsReadAlike() {
    int documents = Integer.getInteger("compose4j.fastyaml.generated", 5000);
    Map<Outcome, Integer> counts = new HashMap<>();
    for (int i = 0; i < documents; i++) {
      String text = new Generator(new Random(7_919L * 13 + i)).document();
      counts.merge(compare(text, "generated " + i + ":\n" + text), 1, Integer::sum);
    }
    // the comparison means something only if many documents take each path
    assertThat(counts.getOrDefault(Outcome.FAST, 0)).isGreaterThan(documents / 6);
    assertThat(counts.getOrDefault(Outcome.GENERAL, 0)).isGreaterThan(documents / 20);
    assertThat(counts.getOrDefault(Outcome.REFUSED, 0)).isGreaterThan(documents / 10);
  }

  /**
   * Small documents over the constructs the fast path reads and their neighbours: block mappings
   * and sequences at various indentations (indentless and nested sequences included), tricky plain
   * scalars, quoted scalars with escapes, flow collections, block scalars with every header, and
   * comments, blank lines and trailing spaces anywhere.
   */
  private static final class Generator {
    private static final String[] PLAIN = {
      "x",
      "x y",
      "x  y",
      "x #y",
      "x# y",
      "x:y",
      "x::y",
      "-x",
      "-",
      "--",
      "---x",
      "?x",
      "? x",
      ":x",
      "x?",
      "a,b",
      "a]b",
      "a}b",
      "a{b",
      "a[b",
      "@x",
      "`x",
      "%x",
      "x:",
      "x: y",
      "~",
      "null",
      "Null",
      "NULL",
      "1",
      "-1",
      "+1",
      "0x1f",
      "0o17",
      "0b101",
      "017",
      "08",
      "1e3",
      "1.0e+3",
      "1.",
      ".5",
      "-.inf",
      ".NaN",
      "1_000",
      "190:20:30",
      "yes",
      "on",
      "Off",
      "y",
      "n",
      "true",
      "False",
      "2001-12-14",
      "2001-12-14t21:59:43.10-05:00",
      "12:30",
      "=",
      "<<",
      "x!",
      "x&",
      "x*",
      "x|",
      "x>",
      "\u00e9t\u00e9",
      "\u4e2d",
      "$x",
      "${X}",
      "$$",
      "x\\y",
      "x'y",
      "x\"y",
      "x%",
      ".",
      "..",
      "...x",
      "-.",
      "- x",
      "-#",
      "x-",
      "http://h:80/p?q#f",
      "a=b",
      "x\u00a0y",
      "\u00a0x"
    };
    private static final String[] QUOTED = {
      "'x'",
      "''",
      "'a''b'",
      "''''",
      "'a' 'b'",
      "'#'",
      "'x'y",
      "'x' #c",
      "'x'#c",
      "'\\'",
      "\"\"",
      "\"x\"",
      "\"\\n\"",
      "\"\\x41\"",
      "\"\\u00e9\"",
      "\"\\/\"",
      "\"\\ \"",
      "\"a\\\"\"",
      "\"\\t\"",
      "\"\\r\"",
      "\"\\0\"",
      "\"\\e\"",
      "\"\\\\\"",
      "\"x\" #c",
      "\"x\"y",
      "\"x\"#c",
      "\"'\"",
      "'\"'",
      "\"\\N\"",
      "\"\\_\"",
      "\"\\L\"",
      "\"\\a\"",
      "\"a\\\"",
      "'a",
      "\"a",
      "\"$x\"",
      "'$$'",
      "\"\\$\"",
      "\"\\\t\""
    };
    private static final String[] FLOW = {
      "[a, b]",
      "[ ]",
      "[]",
      "[a,b]",
      "[a ,b]",
      "[ a ]",
      "{a: b}",
      "{a:b}",
      "{a: b, c: d}",
      "[a: b]",
      "{a, b}",
      "[a, [b, {c: d}]]",
      "{'a': 1}",
      "{\"a\":1}",
      "{'a':1}",
      "[a #c]",
      "[a] #c",
      "[a]#c",
      "[a]x",
      "[a] x",
      "[-1, - 1]",
      "[-]",
      "[- x]",
      "[?]",
      "[? a]",
      "{? a: b}",
      "[a b]",
      "{a b: c d}",
      "[a:b]",
      "[a: ]",
      "[http://x]",
      "{a: http://x}",
      "[{a: b}]",
      "[[]]",
      "{a: []}",
      "{}",
      "{ }",
      "[,]",
      "[a,,b]",
      "{a: b,}",
      "[a, ]",
      "[a,]",
      "{a: b, a: c}",
      "{a: }",
      "{a: ,b: c}",
      "{a: {b: {c: d}}}",
      "['a', \"b\"]",
      "['a''b']",
      "[\"a\\\"b\"]",
      "[a]]",
      "[a",
      "{a: b",
      "[a}",
      "{a: b]",
      "[!x]",
      "[&x a]",
      "[*x]",
      "[|]",
      "[>]",
      "[a|b]",
      "[%]",
      "[@x]",
      "[~, null, 1, 1.5, true, on]",
      "{a: -}",
      "{-: a}",
      "{-a: b}",
      "{a: -b}",
      "[--]",
      "[a-]",
      "{<<: b}",
      "{a: [b, c], d: e}",
      "[a, {b: c}, d]",
      "[ a , b ]",
      "{ a : b }",
      "{a : b}",
      "[a , b]",
      "[a:]",
      "[:a]",
      "{:a: b}",
      "{a: :b}",
      "{a:: b}",
      "{a: b:c}",
      "[a?b]",
      "[a#b]",
      "[a #b]",
      "[\u00e9]",
      "[$x]",
      "{a: 'b'}",
      "{a: \"b\"}",
      "{'a': 'b'}",
      "[''] ",
      "[a]   ",
      "{a: 1}   # c"
    };
    private static final String[] COMMON = {
      "x",
      "nginx:1.25",
      "80:80",
      "\"80:80\"",
      "'x y'",
      "1",
      "true",
      "[a, b]",
      "{a: b}",
      "[]",
      "./data:/data:ro",
      "x-y",
      "$X",
      "\"${X:-y}\"",
      "on-failure",
      "~",
      "1.5",
      "a b c"
    };
    private static final String[] KEYS = {
      "a",
      "b",
      "c",
      "a b",
      "'k'",
      "\"k\"",
      "'a'",
      "\"b\"",
      "a-b",
      "x.y",
      "-k",
      "?k",
      ":k",
      "1",
      "true",
      "null",
      "~",
      "k#",
      "k:v",
      "k:",
      "'k:'",
      "\"k\\n\"",
      "''",
      "\"\"",
      "k ",
      "'k' ",
      "\u00e9",
      "$k",
      "on",
      "<<",
      "[k]",
      "{k: v}",
      "k]",
      "k,",
      "@k",
      "%k",
      "!k",
      "&k k",
      "*k",
      "k'",
      "k\"",
      "- k",
      "-",
      "?",
      "k#c",
      "k #c"
    };
    private static final String[] TOKENS = {
      "a", "b", "a:", "b:", ": ", " ", "  ", "-", "- ", "'x'", "\"y\"", "[", "]", "{", "}", ",",
      ", ", "#c", " #c", "|", ">", "|-", ">+", "x y", "1", "~", "?", "? ", "&a ", "*a", "!t ",
      "...", "---", "%", "\u00e9", "\\", "''", "\"\\n\"", "<<", "a: ", "b: ", "- a: ", "[a, b]",
      "{a: b}", "x", ":", "a:b", "-x"
    };
    private static final String[] HEADERS = {
      "|", ">", "|-", "|+", ">-", ">+", "|2", "|1", ">2", "|-2", "|2-", "| #c", "|#c", "|-#c",
      "|  ", "> #c", "|x", "| x", "||", "|--", "|+-", ">+ "
    };
    private static final String[] BODY = {
      "x",
      "x y",
      "  more",
      " one",
      "# not a comment",
      "- x",
      "a: b",
      "",
      "",
      "  ",
      " ",
      "'q'",
      "\"q\"",
      "[a",
      "x  ",
      "\u00e9",
      "$x",
      "---",
      "...",
      "x\\y"
    };

    private final Random r;
    private final StringBuilder sb = new StringBuilder();
    private int depth;

    Generator(Random r) {
      this.r = r;
    }

    private String pick(String[] from) {
      return from[r.nextInt(from.length)];
    }

    String document() {
      if (r.nextInt(6) == 0) {
        return soup();
      }
      switch (r.nextInt(10)) {
        case 0 -> sb.append(inlineValue());
        case 1, 2 -> seq(0);
        default -> map(0);
      }
      String text = sb.toString();
      int end = r.nextInt(6);
      if (end == 0 && text.endsWith("\n")) {
        text = text.substring(0, text.length() - 1);
      } else if (end == 1) {
        text = text + (r.nextBoolean() ? "# end" : "\n");
      } else if (end == 2) {
        text = text + "   ";
      }
      if (r.nextInt(8) == 0) {
        text = mutate(text, r);
      }
      return text;
    }

    /** A few lines of tokens at random indentations. */
    private String soup() {
      int lines = 1 + r.nextInt(6);
      for (int k = 0; k < lines; k++) {
        sb.append(" ".repeat(r.nextInt(4) == 0 ? r.nextInt(5) : 2 * r.nextInt(3)));
        int tokens = 1 + r.nextInt(4);
        for (int t = 0; t < tokens; t++) {
          sb.append(pick(TOKENS));
        }
        sb.append('\n');
      }
      if (r.nextBoolean()) {
        sb.setLength(sb.length() - 1);
      }
      return sb.toString();
    }

    private void extras(int indent) {
      while (r.nextInt(6) == 0) {
        switch (r.nextInt(4)) {
          case 0 -> sb.append('\n');
          case 1 -> sb.append(" ".repeat(r.nextInt(indent + 3))).append('\n');
          default -> sb.append(" ".repeat(r.nextInt(indent + 3))).append("# c\n");
        }
      }
    }

    private String trailer() {
      return switch (r.nextInt(8)) {
        case 0 -> " # c";
        case 1 -> " ";
        case 2 -> "#c";
        default -> "";
      };
    }

    private String inlineValue() {
      return switch (r.nextInt(14)) {
        case 10, 11, 12, 13 -> pick(COMMON);
        case 0, 1, 2, 3 -> pick(PLAIN);
        case 4 -> pick(PLAIN) + " " + pick(PLAIN);
        case 5, 6 -> pick(QUOTED);
        case 7 -> r.nextInt(8) == 0 ? longText() : pick(FLOW);
        case 8 -> r.nextInt(4) == 0 ? longNumber() : pick(FLOW);
        default -> pick(FLOW);
      };
    }

    /** A text near SnakeYAML's 1024-character limit on a simple key. */
    private String longText() {
      String k = "k".repeat(990 + r.nextInt(50));
      return switch (r.nextInt(6)) {
        case 0 -> k;
        case 1 -> "'" + k + "'";
        case 2 -> "\"" + k + "\"";
        case 3 -> "{" + k + ": v}";
        case 4 -> "{'" + k + "': v}";
        default -> "[" + k + "]";
      };
    }

    /** A number near the reader's limit on a number's length. */
    private String longNumber() {
      String digits = "9".repeat(995 + r.nextInt(10));
      return switch (r.nextInt(7)) {
        case 0 -> digits;
        case 1 -> "-" + digits;
        case 2 -> "0." + digits;
        case 3 -> "0x" + digits;
        case 4 -> digits + "e3";
        case 5 -> "[" + digits + "]";
        default -> "+" + digits;
      };
    }

    private int step() {
      return 1 + r.nextInt(r.nextInt(4) == 0 ? 4 : 2) + (r.nextBoolean() ? 1 : 0);
    }

    private boolean atLineStart() {
      return sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n';
    }

    private int column() {
      return sb.length() - sb.lastIndexOf("\n") - 1;
    }

    private void map(int indent) {
      depth++;
      int entries = 1 + r.nextInt(depth > 3 ? 2 : 4);
      for (int k = 0; k < entries; k++) {
        if (k > 0 || atLineStart()) {
          extras(indent);
          sb.append(" ".repeat(indent));
        }
        String key = r.nextInt(8) == 0 ? pick(KEYS) : String.valueOf((char) ('a' + k));
        if (r.nextInt(30) == 0) {
          key = longText();
        }
        sb.append(key).append(r.nextInt(60) == 0 ? " :" : ":");
        value(indent, true);
      }
      depth--;
    }

    private void seq(int indent) {
      depth++;
      int items = 1 + r.nextInt(depth > 3 ? 2 : 4);
      for (int k = 0; k < items; k++) {
        if (k > 0 || atLineStart()) {
          extras(indent);
          sb.append(" ".repeat(indent));
        }
        sb.append('-');
        value(indent, false);
      }
      depth--;
    }

    /** After a key's colon or a dash: a value on this line, below it, or none. */
    private void value(int indent, boolean inMap) {
      int choice = r.nextInt(depth > 4 ? 6 : 12);
      switch (choice) {
        case 0 -> sb.append(r.nextBoolean() ? "" : " ").append(trailer()).append('\n');
        case 1, 2, 3 -> sb.append(' ').append(inlineValue()).append(trailer()).append('\n');
        case 4 -> blockScalar(indent, inMap);
        case 5 -> {
          sb.append(r.nextInt(10) == 0 ? "" : " ").append(pick(QUOTED)).append(trailer());
          sb.append('\n');
        }
        case 6, 7 -> {
          sb.append(trailer()).append('\n');
          int inner = r.nextInt(5) == 0 && inMap ? indent : indent + step();
          if (r.nextBoolean()) {
            seq(inner);
          } else {
            map(inner);
          }
        }
        case 8, 9 -> {
          if (inMap && r.nextInt(4) != 0) {
            // "a: b: c" and "a: - x" are errors: now and then
            sb.append(' ').append(pick(COMMON)).append('\n');
            return;
          }
          // on the same line: "- - x", "- a: b"
          sb.append(" ".repeat(r.nextInt(10) == 0 ? 2 : 1));
          int inner = column();
          if (r.nextBoolean()) {
            seq(inner);
          } else {
            map(inner);
          }
        }
        default -> {
          sb.append(' ').append(inlineValue()).append('\n');
          if (r.nextInt(3) == 0) {
            // a continuation line: a multi-line plain scalar or an error
            sb.append(" ".repeat(indent + r.nextInt(4))).append(pick(PLAIN)).append('\n');
          }
        }
      }
    }

    private void blockScalar(int indent, boolean inMap) {
      sb.append(' ').append(pick(HEADERS)).append('\n');
      int base = indent + (r.nextInt(6) == 0 ? r.nextInt(2) : step());
      int lines = r.nextInt(5);
      for (int k = 0; k < lines; k++) {
        String body = pick(BODY);
        if (r.nextInt(12) == 0) {
          // a comment or text less indented than the block: it ends the block
          sb.append(" ".repeat(r.nextInt(base + 1)))
              .append(r.nextBoolean() ? "# c" : "y")
              .append('\n');
        } else if (body.isEmpty()) {
          sb.append(r.nextInt(4) == 0 ? " ".repeat(r.nextInt(base + 3)) : "").append('\n');
        } else {
          int extra = r.nextInt(6) == 0 ? r.nextInt(3) : 0;
          sb.append(" ".repeat(base + extra)).append(body).append('\n');
        }
      }
      if (!inMap && r.nextInt(4) == 0) {
        sb.append(" ".repeat(indent)).append("# after\n");
      }
    }
  }

  private static final String[] PIECES = {
    " ", "  ", ":", ": ", "-", "- ", "#", " #", "'", "\"", "[", "]", "{", "}", ",", "\n", "\n  ",
    "&", "*", "!", "|", ">", "?", "\\", "x", "1", "~", "\t", "<<: ", "---", "\"\\n\"", "''"
  };

  /** One to three edits: insert a piece, delete characters, re-indent, duplicate or drop a line. */
  private static String mutate(String text, Random r) {
    StringBuilder sb = new StringBuilder(text);
    int edits = 1 + r.nextInt(3);
    for (int k = 0; k < edits; k++) {
      int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
      switch (r.nextInt(5)) {
        case 0 -> sb.insert(at, PIECES[r.nextInt(PIECES.length)]);
        case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(3)));
        case 2 -> {
          int start = sb.lastIndexOf("\n", at) + 1;
          if (r.nextBoolean()) {
            sb.insert(start, r.nextBoolean() ? " " : "  ");
          } else if (start < sb.length() && sb.charAt(start) == ' ') {
            sb.deleteCharAt(start);
          }
        }
        case 3 -> {
          int start = sb.lastIndexOf("\n", at) + 1;
          int end = sb.indexOf("\n", at);
          end = end < 0 ? sb.length() : end + 1;
          sb.insert(end, sb.substring(start, end));
        }
        default -> {
          int start = sb.lastIndexOf("\n", at) + 1;
          int end = sb.indexOf("\n", at);
          sb.delete(start, end < 0 ? sb.length() : end + 1);
        }
      }
    }
    return sb.toString();
  }
}
