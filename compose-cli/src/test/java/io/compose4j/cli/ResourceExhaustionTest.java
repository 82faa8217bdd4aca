package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.cli.FmtCommandTest.Run;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 4 of the defects: running out of heap or stack is reported as one line with exit
 * 2, never a stack trace unless {@code --debug}; and exit-2 messages stay on one line (defect 8).
 * The heap case runs the CLI in a child JVM with a 24 MB heap on a 12 MB file.
 */
class ResourceExhaustionTest {
  @TempDir static Path dir;
  static Path big;

  @BeforeAll
  static void writeBigFile() throws IOException {
    big = dir.resolve("big.yml");
    try (Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      w.write("services:\n  web:\n    image: nginx\n    labels:\n");
      for (int i = 0; i < 600_000; i++) {
        w.write("      label" + i + ": value\n");
      }
    }
  }

  record Child(int code, String out, String err) {}

  private static Child runChild(String... args) throws IOException, InterruptedException {
    return runChildWith(List.of("-Xmx24m"), args);
  }

  private static Child runChildWith(List<String> jvm, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvm);
    command.addAll(
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
    return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void outOfMemoryIsOneLineWithExitTwo() throws Exception {
    for (String command : new String[] {"validate", "fmt"}) {
      Child c = runChild(command, big.toString());
      assertThat(c.code()).as(command + ": " + c.err()).isEqualTo(2);
      assertThat(c.err())
          .as(command)
          .isEqualTo(
              big
                  + ": error: the file is too large for the available memory; give Java "
                  + "more heap (for example JDK_JAVA_OPTIONS=-Xmx2g) or split the file (run with --debug for details)\n");
    }
  }

  @Test
  void stackOverflowIsOneLineWithExitTwo() throws Exception {
    // the nesting limit raised far beyond what a 256 KB stack can walk
    Path deep = dir.resolve("deep.yml");
    Files.writeString(
        deep,
        "services:\n  web:\n    image: nginx\n    labels:\n      a: "
            + "[".repeat(9000)
            + "]".repeat(9000)
            + "\n");
    Child c =
        runChildWith(
            List.of("-Xss256k", "-Dcompose4j.maxNestingDepth=1000000"),
            "validate",
            deep.toString());
    assertThat(c.code()).as(c.err()).isEqualTo(2);
    assertThat(c.err())
        .isEqualTo(
            deep
                + ": error: the file is nested too deeply for the available stack; give Java a larger "
                + "stack (for example JDK_JAVA_OPTIONS=-Xss16m) (run with --debug for details)\n");
  }

  @Test
  void withDebugTheStackTraceFollows() throws Exception {
    Child c = runChild("validate", "--debug", big.toString());
    assertThat(c.code()).isEqualTo(2);
    assertThat(c.err())
        .startsWith(big + ": error: the file is too large for the available memory")
        .contains("java.lang.OutOfMemoryError")
        .contains("\tat ");
  }

  @Test
  void debugIsAnOptionOfEveryCommandGivenBeforeOrAfterIt() throws Exception {
    Child c = runChild("--debug", "fmt", big.toString());
    assertThat(c.code()).as(c.err()).isEqualTo(2);
    assertThat(c.err())
        .startsWith(big + ": error: the file is too large for the available memory")
        .doesNotContain("run with --debug")
        .contains("java.lang.OutOfMemoryError")
        .contains("\tat ");
  }

  @Test
  void anExitTwoMessageQuotingAMultiLineValueIsOneLine() throws IOException {
    Path f = dir.resolve("multi.yml");
    Files.writeString(
        f, "services:\n  web:\n    image: nginx\n    stop_grace_period: \"1s\\nand\\nmore\"\n");
    for (String command : new String[] {"validate", "fmt"}) {
      Run r = FmtCommandTest.run(Map.of(), command, f.toString());
      assertThat(r.code()).isEqualTo(2);
      String all = r.out() + r.err();
      List<String> lines = all.lines().filter(l -> l.contains("invalid duration")).toList();
      assertThat(lines).as(all).hasSize(1);
      assertThat(lines.get(0)).contains("\"1s\\nand\\nmore\"");
    }
  }
}
