package io.compose4j.test;

import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Golden-file (snapshot) checks of a stack's canonical YAML. Golden files live under {@code
 * src/test/resources} (system property {@code compose4j.golden.dir} to change it); {@code
 * -Dcompose4j.golden.update=true} writes them instead of comparing.
 */
public final class Golden {
  /** The system property that makes golden checks write the files instead of comparing. */
  public static final String UPDATE_PROPERTY = "compose4j.golden.update";

  /** The system property naming the folder golden paths are relative to. */
  public static final String DIR_PROPERTY = "compose4j.golden.dir";

  private Golden() {}

  /** Returns the folder golden paths are relative to. */
  public static Path dir() {
    return Path.of(System.getProperty(DIR_PROPERTY, "src/test/resources"));
  }

  /**
   * Compares (or, in update mode, writes) the canonical YAML of a stack for a target with the
   * golden file; a difference fails with a unified diff, and IDEs can show the two texts side by
   * side ({@link AssertionFailedError} carries expected and actual).
   */
  public static void check(Stack stack, Target target, String goldenFile) {
    String yaml = ComposeWriter.forTarget(target).write(stack);
    Path file = dir().resolve(goldenFile);
    try {
      if (Boolean.getBoolean(UPDATE_PROPERTY)) {
        if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(yaml)) {
          Files.createDirectories(file.toAbsolutePath().getParent());
          Files.writeString(file, yaml, StandardCharsets.UTF_8);
        }
        return;
      }
      if (!Files.exists(file)) {
        throw new AssertionFailedError(
            "The golden file "
                + file
                + " does not exist.\n"
                + "Run the test with -D"
                + UPDATE_PROPERTY
                + "=true to write it from the stack, then review and commit it.",
            null,
            yaml);
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
      if (!expected.equals(yaml)) {
        throw new AssertionFailedError(
            "The canonical YAML of the stack differs from the golden file "
                + file
                + ":\n"
                + UnifiedDiff.diff(
                    goldenFile + " (golden)", expected, goldenFile + " (stack)", yaml)
                + "If the change is intended, run the test with -D"
                + UPDATE_PROPERTY
                + "=true and review the file.",
            expected,
            yaml);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the golden file " + file, e);
    }
  }
}
