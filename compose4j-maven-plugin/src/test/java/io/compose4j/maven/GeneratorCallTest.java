package io.compose4j.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compose4j.dsl.Compose;
import io.compose4j.model.Stack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class GeneratorCallTest {
  private static final ClassLoader LOADER = GeneratorCallTest.class.getClassLoader();
  private static final String PREFIX = GeneratorCallTest.class.getName() + "$";

  static Stack web(String name) {
    return Compose.stack(name, s -> s.service("web", w -> w.image("nginx:1.25")));
  }

  public static final class Several {
    public static Map<String, Stack> stacks() {
      Map<String, Stack> m = new LinkedHashMap<>();
      m.put("shop", web("shop"));
      m.put("admin", web("admin"));
      return m;
    }

    public static Stack one() {
      return web("single");
    }
  }

  public static final class AsSupplier implements Supplier<Stack> {
    @Override
    public Stack get() {
      return web("supplied");
    }
  }

  public static final class Throws {
    @SuppressWarnings("DoNotCallSuggester") // the generator that fails, for the test of that error
    public static Stack stacks() {
      throw new IllegalStateException("REGISTRY is not set");
    }
  }

  public static final class SupplierThrows implements Supplier<Stack> {
    @Override
    public Stack get() {
      throw new IllegalArgumentException("no such environment: prod");
    }
  }

  public static final class BadInit {
    static final int VALUE = Integer.parseInt("x");

    public static Stack stacks() {
      return web(String.valueOf(VALUE));
    }
  }

  public static final class Wrong {
    public static List<Stack> stacks() {
      return List.of(web("a"));
    }

    public static Map<String, Object> map() {
      return Map.of("a", "not a stack");
    }

    public static Stack unnamed() {
      return Stack.builder().build();
    }

    public static Stack slash() {
      return web("../etc");
    }

    public static Stack nothing() {
      return null;
    }

    public static Map<String, Stack> empty() {
      return Map.of();
    }

    public Stack notStatic() {
      return web("x");
    }
  }

  @Test
  void runsTheStaticMethodAndReturnsTheStacksSortedByName() throws Exception {
    Map<String, Stack> stacks = GeneratorCall.run(LOADER, PREFIX + "Several", "stacks");
    assertThat(stacks.keySet()).containsExactly("admin", "shop");
    assertThat(stacks.get("shop").services()).containsOnlyKeys("web");
  }

  @Test
  void aSingleStackIsNamedByItsName() throws Exception {
    assertThat(GeneratorCall.run(LOADER, PREFIX + "Several", "one")).containsOnlyKeys("single");
  }

  @Test
  void runsASupplier() throws Exception {
    assertThat(GeneratorCall.run(LOADER, PREFIX + "AsSupplier", "stacks"))
        .containsOnlyKeys("supplied");
  }

  @Test
  void aMissingClassOrMethodIsAConfigurationError() {
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, "com.example.Nope", "stacks"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(
            "<generator> com.example.Nope: no such class in the project's runtime classpath");
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "Several", "stackz"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "<generator> "
                + PREFIX
                + "Several has no public static no-arg method stackz() and is not a "
                + "java.util.function.Supplier; add 'public static Map<String, Stack> stackz()' (or returning a Stack), "
                + "implement Supplier<Stack>, or set <method>");
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "Wrong", "notStatic"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("has no public static no-arg method notStatic()");
  }

  @Test
  void anExceptionOfTheUsersCodeFailsTheBuildWithItsMessage() {
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "Throws", "stacks"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            PREFIX + "Throws.stacks() threw java.lang.IllegalStateException: REGISTRY is not set")
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "SupplierThrows", "stacks"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            PREFIX
                + "SupplierThrows.get() threw java.lang.IllegalArgumentException: no such environment: prod");
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "BadInit", "stacks"))
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            PREFIX
                + "BadInit could not be initialized java.lang.NumberFormatException: For input string: \"x\"");
  }

  @Test
  void aWrongResultIsAConfigurationErrorThatSaysWhatIsExpected() {
    String wrong = PREFIX + "Wrong.";
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "Wrong", "stacks"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageMatching(
            "\\Q"
                + wrong
                + "stacks() returned a java.util.\\E\\S+"
                + "\\Q; it must return an io.compose4j.model.Stack or a Map<String, Stack>\\E");
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "Wrong", "map"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            wrong
                + "map() returned a map with the entry a java.lang.String -> a java.lang.String; "
                + "it must map names (String) to stacks (io.compose4j.model.Stack)");
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "Wrong", "unnamed"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(wrong + "unnamed() returned a stack without a name; name it");
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "Wrong", "slash"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(
            wrong + "slash() returned a stack named '../etc'; a stack name gives the file name");
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "Wrong", "nothing"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageStartingWith(wrong + "nothing() returned null; it must return");
    assertThatThrownBy(() -> GeneratorCall.run(LOADER, PREFIX + "Wrong", "empty"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(wrong + "empty() returned no stacks; return at least one");
  }
}
