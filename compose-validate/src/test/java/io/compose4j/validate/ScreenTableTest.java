package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.validate.ConstraintScreen.Bound;
import io.compose4j.validate.ConstraintScreen.Declared;
import io.compose4j.validate.ConstraintScreen.Spec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link ScreenTable} says for every class of the model exactly what {@link
 * ConstraintScreen#derive} reads from its annotations. When the model's constraints change, the
 * failure message is the new table: paste it over {@code ScreenTable.java}.
 */
class ScreenTableTest {
  @Test
  void theTableIsWhatTheAnnotationsSay() throws Exception {
    List<Class<?>> classes = new ArrayList<>(ConstraintScreenTest.modelClasses());
    classes.sort(Comparator.comparing(Class::getName));
    assertThat(classes).hasSizeGreaterThan(100);
    Map<String, Declared> derived = new TreeMap<>();
    for (Class<?> c : classes) {
      derived.put(c.getName(), ConstraintScreen.derive(c));
    }
    Map<String, Declared> table = new TreeMap<>();
    for (Class<?> c : classes) {
      Declared d = ScreenTable.declared(c.getName());
      if (d != null) {
        table.put(c.getName(), d);
      }
    }
    assertThat(table).as("ScreenTable.java should read:%n%s", source(derived)).isEqualTo(derived);
    assertThat(ScreenTable.size())
        .as("names in ScreenTable that are no model class:%n%s", source(derived))
        .isEqualTo(classes.size());
  }

  @Test
  void theTableHoldsTheModelsBounds() {
    Declared deploy = ScreenTable.declared("io.compose4j.model.Deploy");
    assertThat(deploy).isNotNull();
    assertThat(deploy.properties())
        .extracting(Spec::accessor)
        .contains("replicas", "updateConfig", "placement");
  }

  /** The source of ScreenTable.java for these derived declarations. */
  private static String source(Map<String, Declared> derived) {
    StringBuilder sb = new StringBuilder();
    sb.append("  static final Set<String> NOTHING =\n      Set.of(\n");
    TreeSet<String> nothing = new TreeSet<>();
    derived.forEach(
        (name, d) -> {
          if (d.understood() && d.properties().isEmpty()) {
            nothing.add(name);
          }
        });
    List<String> quoted = nothing.stream().map(n -> "          \"" + n + "\"").toList();
    sb.append(String.join(",\n", quoted)).append(");\n\n");
    sb.append("  static final Map<String, Declared> DECLARED =\n      Map.ofEntries(\n");
    List<String> entries = new ArrayList<>();
    derived.forEach(
        (name, d) -> {
          if (!nothing.contains(name)) {
            entries.add("          Map.entry(\"" + name + "\", " + declared(d) + ")");
          }
        });
    sb.append(String.join(",\n", entries)).append(");\n");
    return sb.toString();
  }

  private static String declared(Declared d) {
    List<String> specs = new ArrayList<>();
    for (Spec s : d.properties()) {
      StringBuilder b = new StringBuilder("spec(\"").append(s.accessor()).append("\", ");
      b.append(s.cascadeValue()).append(", ").append(s.cascadeElements());
      for (Bound bound : s.bounds()) {
        b.append(", bound(\"")
            .append(bound.limit().toString())
            .append("\", ")
            .append(bound.lower())
            .append(", ")
            .append(bound.inclusive())
            .append(')');
      }
      specs.add(b.append(')').toString());
    }
    return "declared("
        + d.understood()
        + (specs.isEmpty() ? "" : ", ")
        + String.join(", ", specs)
        + ")";
  }
}
