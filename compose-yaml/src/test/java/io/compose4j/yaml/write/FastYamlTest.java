package io.compose4j.yaml.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.SharedCorpus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link FastYaml} writes what Jackson's YAML generator (SnakeYAML's emitter) writes, byte for
 * byte: on random trees of mappings, sequences and scalars whose strings are made of the characters
 * that change a scalar's style, and on every file of the corpus written for both targets.
 */
class FastYamlTest {
  /** Number strings Jackson writes plain. */
  private record Num(String text) {}

  private static final String[] PIECES = {
    "a", "b", "Z", "0", "1", "9", " ", " ", "-", ":", "#", "'", "\"", "\\", "\n", "\n", "\t", "{",
    "}", "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", ".", "é", "~", "=", "/", "$",
    "---", "...", "yes", "no", "on", "null", "true", "1e5", "0755", "12:30", "0x1F", ".inf", "- ",
    ": ", " #", "日本", "\u00e0", "<<", "+", "_", "8080:80"
  };

  private static String text(Random r, int maxPieces) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(maxPieces + 1);
    for (int i = 0; i < n; i++) {
      b.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  private static Object tree(Random r, int depth) {
    int kind = r.nextInt(depth > 4 ? 7 : 10);
    return switch (kind) {
      case 0, 1, 2 -> text(r, 5);
      case 3 -> r.nextBoolean() ? r.nextInt() : r.nextLong();
      case 4 ->
          r.nextBoolean()
              ? new Num(r.nextBoolean() ? ".nan" : "-.inf")
              : (Object) (r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
      case 5 -> r.nextBoolean();
      case 6 -> null;
      case 7, 8 -> map(r, depth + 1);
      default -> {
        List<Object> list = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          list.add(tree(r, depth + 1));
        }
        yield list;
      }
    };
  }

  private static Map<String, Object> map(Random r, int depth) {
    Map<String, Object> m = new LinkedHashMap<>();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      // keys are rarely empty or multi-line (FastYaml leaves those to Jackson)
      String key = r.nextInt(20) == 0 ? text(r, 3) : "k" + text(r, 3).replace("\n", "");
      m.put(key, tree(r, depth));
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static void emit(YamlSink g, Object v) throws IOException {
    if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        g.writeFieldName(e.getKey());
        emit(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object item : l) {
        emit(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Integer i) {
      g.writeNumber(i.intValue());
    } else if (v instanceof Long l) {
      g.writeNumber(l.longValue());
    } else if (v instanceof Double d) {
      g.writeNumber(d.doubleValue());
    } else if (v instanceof Num n) {
      g.writeNumber(n.text());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else {
      g.writeNull();
    }
  }

  private static String jackson(Object root) {
    StringWriter w = new StringWriter();
    try (JacksonYaml g = new JacksonYaml(w)) {
      emit(g, root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  private static String fast(Object root) throws IOException {
    StringBuilder b = new StringBuilder();
    emit(new FastYaml(b), root);
    return b.toString();
  }

  @Test
  void randomTreesAreWrittenAsJacksonWritesThem() throws IOException {
    Random r = new Random(20261207L);
    int fast = 0;
    int left = 0;
    Map<String, Integer> reasons = new TreeMap<>();
    for (int i = 0; i < 20_000; i++) {
      Map<String, Object> root = map(r, 0);
      String expected = jackson(root);
      String actual;
      try {
        actual = fast(root);
      } catch (FastYaml.Unsupported e) {
        left++;
        reasons.merge(e.getMessage(), 1, Integer::sum);
        continue;
      }
      assertThat(actual).as("tree %d: %s", i, root).isEqualTo(expected);
      fast++;
    }
    // the trees are built to hit every style; most of them must still take the fast path
    assertThat(fast)
        .as("trees written by FastYaml (left to Jackson: %d: %s)", left, reasons)
        .isGreaterThan(19_000);
  }

  @Test
  void whatItLeavesToJacksonIsWhatItSaysItLeaves() {
    String[] refused = {
      "\u0085", "\u00a0", "\u2028", "\u2029", "\ufeff", "\u0001", "\r", "\ud83d\ude00"
    };
    for (String s : refused) {
      assertThatThrownBy(() -> fast(Map.of("k", "a" + s + "b")))
          .as("U+%04X", (int) s.charAt(0))
          .isInstanceOf(FastYaml.Unsupported.class);
    }
    assertThatThrownBy(() -> fast(Map.of("k".repeat(FastYaml.LONG_KEY), "v")))
        .isInstanceOf(FastYaml.Unsupported.class);
    assertThatThrownBy(() -> fast(Map.of("", "v"))).isInstanceOf(FastYaml.Unsupported.class);
    assertThatThrownBy(() -> fast(Map.of("a\nb", "v"))).isInstanceOf(FastYaml.Unsupported.class);
    // a key just under the limit and ordinary non-ASCII text take the fast path
    Map<String, Object> ok = new TreeMap<>(Map.of("k".repeat(FastYaml.LONG_KEY - 1), "日本 é"));
    try {
      assertThat(fast(ok)).isEqualTo(jackson(ok));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theWriterFallsBackToJacksonForWhatFastYamlLeaves() {
    Stack stack =
        ComposeReader.create()
            .read("services:\n  web:\n    image: nginx\n    command: [\"a\\u2028b\"]\n", "s.yml")
            .stack();
    StringBuilder viaJackson = new StringBuilder();
    StackEmitter.writeWithJackson(stack, Target.COMPOSE, viaJackson);
    assertThatThrownBy(() -> StackEmitter.writeFast(stack, Target.COMPOSE, new StringBuilder()))
        .isInstanceOf(FastYaml.Unsupported.class);
    StringBuilder out = new StringBuilder("prefix\n");
    StackEmitter.write(stack, Target.COMPOSE, out);
    assertThat(out.toString()).isEqualTo("prefix\n" + viaJackson);
  }

  @Test
  void theFastPathWritesAfterWhatTheBufferHolds() {
    Stack stack =
        ComposeReader.create()
            .read("services:\n  web:\n    image: nginx\n    command: [a, b]\n", "s.yml")
            .stack();
    StringBuilder viaJackson = new StringBuilder();
    StackEmitter.writeWithJackson(stack, Target.SWARM, viaJackson);
    StringBuilder out = new StringBuilder("version: \"3.8\"\n");
    StackEmitter.writeFast(stack, Target.SWARM, out);
    assertThat(out.toString()).isEqualTo("version: \"3.8\"\n" + viaJackson);
  }

  @Test
  void everyCorpusFileIsWrittenAsJacksonWritesIt() throws IOException {
    Path corpus = SharedCorpus.corpus();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus.resolve("files"))) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    ComposeReader reader = ComposeReader.create();
    ComposeReader keeping = ComposeReader.create().keepingVariables();
    int compared = 0;
    List<String> leftToJackson = new ArrayList<>();
    for (Path file : files) {
      String name = corpus.relativize(file).toString();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      for (ComposeReader r : List.of(reader, keeping)) {
        Stack stack;
        try {
          stack = r.read(text, name).stack();
        } catch (ComposeReadException e) {
          continue;
        }
        for (Target target : Target.values()) {
          StringBuilder expected = new StringBuilder();
          try {
            StackEmitter.writeWithJackson(stack, target, expected);
          } catch (IllegalArgumentException e) {
            continue; // a kept template the writer refuses
          }
          StringBuilder actual = new StringBuilder();
          try {
            StackEmitter.writeFast(stack, target, actual);
          } catch (FastYaml.Unsupported e) {
            leftToJackson.add(name + " (" + target + "): " + e.getMessage());
            continue;
          }
          assertThat(actual.toString()).as("%s (%s)", name, target).isEqualTo(expected.toString());
          compared++;
        }
      }
    }
    assertThat(compared).isGreaterThan(1_500);
    assertThat(leftToJackson).isEmpty();
  }
}
