package io.compose4j.test;

import io.compose4j.model.Stack;
import io.compose4j.validate.ValidationReport;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Entry point of Compose4J's test support: AssertJ assertions on stacks, services and validation
 * reports, golden files, and loading a stack file in one call.
 *
 * <pre>{@code
 * import static io.compose4j.test.ComposeAssertions.assertThat;
 * import static io.compose4j.test.ComposeAssertions.assertThatStackFile;
 *
 * assertThat(MyStacks.shop()).service("web").hasReplicas(3).publishes(443);
 * assertThatStackFile("deploy/stack.yml").isValid().service("db").usesSecret("db_password");
 * }</pre>
 */
public final class ComposeAssertions {
  private ComposeAssertions() {}

  /** Assertions on a stack built in code; failures quote its canonical YAML. */
  public static StackAssert assertThat(Stack stack) {
    return new StackAssert(stack, stack == null ? null : StackSource.of(stack), null);
  }

  /** Assertions on a validation report. */
  public static ValidationReportAssert assertThat(ValidationReport report) {
    return new ValidationReportAssert(report, null);
  }

  /**
   * Reads a stack file (variables from the process environment, relative paths against the file's
   * folder) and returns assertions on it; failures quote the file's own lines. A file that cannot
   * be read fails the test with the reader's positioned message.
   */
  public static StackAssert assertThatStackFile(Path file) {
    byte[] bytes = bytes(file);
    ReadResult read = read(file, bytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    return new StackAssert(
        read.stack(), StackSource.of(read, text), file.toAbsolutePath().getParent());
  }

  /** Like {@link #assertThatStackFile(Path)}, with a path relative to the working directory. */
  public static StackAssert assertThatStackFile(String file) {
    return assertThatStackFile(Path.of(file));
  }

  /**
   * Reads a stack file for a test: variables from the process environment, relative paths against
   * the file's folder. Fails the test (an {@link AssertionError} with file, line, column and
   * reason) when the file cannot be read.
   */
  public static ReadResult readStackFile(Path file) {
    return read(file, bytes(file));
  }

  private static ReadResult read(Path file, byte[] bytes) {
    try {
      return ComposeReader.create()
          .withEnvironment(System.getenv())
          .withBaseDir(file.toAbsolutePath().getParent())
          .read(bytes, file.toString());
    } catch (ComposeReadException e) {
      throw new AssertionError("cannot read the stack file: " + e.getMessage(), e);
    }
  }

  /** Returns a checker for every stack file under a folder. */
  public static StackFolder stackFolder(Path folder) {
    return StackFolder.of(folder);
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new AssertionError(
          "cannot read the stack file "
              + file
              + ": no such file (working directory "
              + Path.of("").toAbsolutePath()
              + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
