package io.compose4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java programs compile as shown, with their imports and nothing else, against the
 * library's modules, and run: each one is a {@code ```java} block holding a {@code public class}.
 */
class ReadmeSnippetsTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

  @TempDir Path classes;

  @Test
  void theReadmeProgramsCompileAndRun() throws Exception {
    Map<String, String> programs = programs(Files.readString(Path.of("../README.md")));
    assertThat(programs).containsKeys("QuickStart", "ValidateInCode", "PatchAFile");

    List<String> sources = new ArrayList<>();
    for (var e : programs.entrySet()) {
      sources.add(
          Files.writeString(classes.resolve(e.getKey() + ".java"), e.getValue()).toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    List<String> args =
        new ArrayList<>(
            List.of(
                "-Xlint:all",
                "-Werror",
                "-proc:none",
                "-cp",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString()));
    args.addAll(sources);
    int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    assertThat(rc).as("javac:%n%s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      assertThat(run(loader, "QuickStart")).contains("api:", "replicas: 3", "node.role == worker");
      assertThat(run(loader, "ValidateInCode")).doesNotContain("ERROR");
      assertThat(run(loader, "PatchAFile", "../samples/web-stack.yml"))
          .contains("replicas: 5")
          .doesNotContain("replicas: 3");
    }
  }

  private static Map<String, String> programs(String readme) {
    Map<String, String> programs = new LinkedHashMap<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      Matcher c = CLASS.matcher(m.group(1));
      if (c.find()) {
        assertThat(programs.put(c.group(1), m.group(1)))
            .as("two README programs named %s", c.group(1))
            .isNull();
      }
    }
    return programs;
  }

  private static String run(ClassLoader loader, String name, String... args) throws Exception {
    Method main = loader.loadClass(name).getMethod("main", String[].class);
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.invoke(null, (Object) args);
    } finally {
      System.setOut(out);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
