package io.compose4j.yaml;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Stack;
import io.compose4j.model.SyntaxFact;
import io.compose4j.yaml.bind.ModelBinder;
import io.compose4j.yaml.read.Interpolator;
import io.compose4j.yaml.read.YNode;
import io.compose4j.yaml.read.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads Compose and Swarm stack files into the model. Immutable and thread-safe; configure it with
 * the {@code with*} methods.
 *
 * <pre>{@code
 * ReadResult result = ComposeReader.create()
 *     .withEnvironment(Map.of("TAG", "1.4.2"))
 *     .read(Path.of("stack.yml"));
 * Stack stack = result.stack();
 * }</pre>
 *
 * <p>Variables are interpolated from the environment map given, never implicitly from the process;
 * {@link #keepingVariables()} keeps them as written instead. Bad input throws {@link
 * ComposeReadException} with file, line, column, YAML path and a message that says what to do.
 */
public final class ComposeReader {
  private final Map<String, String> environment;
  private final Path baseDir;
  private final boolean keepVariables;
  private final ReaderLimits limits;

  private ComposeReader(
      Map<String, String> environment, Path baseDir, boolean keepVariables, ReaderLimits limits) {
    this.environment = environment;
    this.baseDir = baseDir;
    this.keepVariables = keepVariables;
    this.limits = limits;
  }

  /** Returns a reader with an empty environment that leaves relative paths as written. */
  public static ComposeReader create() {
    return new ComposeReader(Map.of(), null, false, ReaderLimits.defaults());
  }

  /**
   * Returns a reader that interpolates variables from this environment (replacing the previous
   * one).
   */
  public ComposeReader withEnvironment(Map<String, String> env) {
    return new ComposeReader(
        Collections.unmodifiableMap(new LinkedHashMap<>(env)), baseDir, keepVariables, limits);
  }

  /**
   * Returns a reader that does not interpolate, for editing a file in place: {@code ${VAR}}, {@code
   * $VAR} and {@code $$} stay as written wherever Compose allows a variable in a string, so that
   * read, patch and write keep the variables for deploy time ({@link Stack#variablesKept()}). A key
   * that needs a typed value when the file is read ({@code replicas}, a boolean, a duration, a
   * size, a port number) cannot hold a variable: reading fails there with the file, line, column
   * and what to do. The environment is then used only for {@code ~} in bind mounts. Validate the
   * stack read with interpolation: the validator checks values, and {@code nginx:${TAG}} is not an
   * image reference until Docker substitutes the variable.
   */
  public ComposeReader keepingVariables() {
    return new ComposeReader(environment, baseDir, true, limits);
  }

  /** Returns whether this reader keeps variables as written instead of interpolating them. */
  public boolean keepsVariables() {
    return keepVariables;
  }

  /**
   * Returns a reader that enforces these limits (see {@link ReaderLimits} and docs/FORMAT.md,
   * "Limits").
   */
  public ComposeReader withLimits(ReaderLimits limits) {
    return new ComposeReader(
        environment, baseDir, keepVariables, Objects.requireNonNull(limits, "limits"));
  }

  /** Returns the limits this reader enforces. */
  public ReaderLimits limits() {
    return limits;
  }

  /**
   * Returns a reader that resolves relative paths as Docker does: bind-mount sources ({@code ~}
   * too, from {@code HOME} in the environment) and secret and config files, against this directory
   * (normally the stack file's folder).
   */
  public ComposeReader withBaseDir(Path dir) {
    return new ComposeReader(environment, dir.toAbsolutePath().normalize(), keepVariables, limits);
  }

  /** Returns the environment variables are interpolated from. */
  public Map<String, String> environment() {
    return environment;
  }

  /**
   * Reads a file.
   *
   * @throws ComposeReadException if it cannot be read or is not a valid Compose file
   */
  public ReadResult read(Path file) {
    Objects.requireNonNull(file, "file");
    return bind(parseFile(file), file.toString());
  }

  /**
   * Parses a file; its bytes and text are no longer reachable when this returns (a 16 MB stack
   * holds 32 MB).
   */
  private YNode parseFile(Path file) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > limits.maxFileBytes()) {
        throw new ComposeReadException(
            file.toString(),
            1,
            1,
            "",
            "the file has "
                + size
                + " bytes, more than the limit "
                + ReaderLimits.raise("maxFileBytes", limits.maxFileBytes()));
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ComposeReadException(file.toString(), 0, 0, "", "no such file; check the path");
    } catch (IOException e) {
      throw new ComposeReadException(
          file.toString(), 0, 0, "", "cannot read the file: " + e.getMessage());
    }
    return parse(YamlTreeReader.decode(bytes, file.toString()), file.toString());
  }

  /**
   * Reads YAML bytes (UTF-8).
   *
   * @param name the file name used in errors and positions
   * @throws ComposeReadException if they are not a valid Compose file
   */
  public ReadResult read(byte[] yaml, String name) {
    if (yaml.length > limits.maxFileBytes()) {
      throw new ComposeReadException(
          name,
          1,
          1,
          "",
          "the file has "
              + yaml.length
              + " bytes, more than the limit "
              + ReaderLimits.raise("maxFileBytes", limits.maxFileBytes()));
    }
    return bind(parse(YamlTreeReader.decode(yaml, name), name), name);
  }

  /**
   * Reads YAML text.
   *
   * @param name the file name used in errors and positions
   * @throws ComposeReadException if it is not a valid Compose file
   */
  public ReadResult read(String yaml, String name) {
    Objects.requireNonNull(yaml, "yaml");
    Objects.requireNonNull(name, "name");
    return bind(parse(yaml, name), name);
  }

  private YNode parse(String yaml, String name) {
    YNode root = YamlTreeReader.read(yaml, name, limits);
    if (root == null || (isEmptyMap(root) && yaml.isBlank())) {
      throw new ComposeReadException(
          name, 1, 1, "", "the file is empty; a Compose file needs at least a 'services' mapping");
    }
    return root;
  }

  private ReadResult bind(YNode root, String name) {
    Interpolator interpolator =
        new Interpolator(environment::get, name, limits.maxInterpolationDepth());
    if (keepVariables) {
      interpolator.keepTree(root);
    } else {
      interpolator.interpolateTree(root);
    }
    List<Diagnostic> warnings = new ArrayList<>();
    for (Map.Entry<String, String> unset : interpolator.unsetVariableUses().entrySet()) {
      String variable = unset.getKey();
      warnings.add(
          Diagnostic.warning(
              ReadResult.VARIABLE_UNSET,
              unset.getValue(),
              "the variable " + variable + " is not set; an empty string is used",
              "set it in the environment or an --env-file, or give a default with ${"
                  + variable
                  + ":-default}"));
    }
    ModelBinder binder = new ModelBinder(name, warnings, baseDir, environment::get, limits);
    if (keepVariables) {
      binder.keepingVariables();
    }
    Stack stack = binder.stack(root);
    List<SyntaxFact> facts = new ArrayList<>(binder.facts());
    facts.addAll(interpolator.facts());
    return new ReadResult(name, stack, new SourceMap(name, binder.positions()), warnings, facts);
  }

  /** Reads YAML text and returns only the stack. */
  public Stack readStack(String yaml) {
    return read(yaml, "<input>").stack();
  }

  private static boolean isEmptyMap(YNode node) {
    return node instanceof YNode.YMap m && m.entries().isEmpty();
  }
}
