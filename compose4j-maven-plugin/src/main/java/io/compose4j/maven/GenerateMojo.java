package io.compose4j.maven;

import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.validate.FileCheck.FileReport;
import io.compose4j.yaml.ComposeWriter;
import io.compose4j.yaml.WriteResult;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

/**
 * Runs a class of the project that returns a {@code Stack} or a {@code Map<String, Stack>}, writes
 * each stack's canonical YAML to {@code target/stacks/<name>.yml} and validates the written files
 * as {@code validate} does (diagnostics point into them).
 *
 * <p>The generator is either a class with a public static no-arg method ({@code method}, default
 * {@code stacks}) or a {@code java.util.function.Supplier} with a public no-arg constructor. It
 * runs in a class loader of the project's runtime classpath whose parent is the plugin's, so the
 * Compose4J model classes are the plugin's own.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.PROCESS_CLASSES,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class GenerateMojo extends AbstractMojo {
  /** The fully qualified name of the generator class. */
  @Parameter(property = "compose4j.generator", required = true)
  @Nullable String generator;

  /** The public static no-arg method of the generator that returns the stacks. */
  @Parameter(property = "compose4j.method", defaultValue = "stacks")
  String method = "stacks";

  /** Where the stack files are written, one {@code <name>.yml} per stack. */
  @Parameter(
      property = "compose4j.outputDirectory",
      defaultValue = "${project.build.directory}/stacks")
  @Nullable File outputDirectory;

  /**
   * What to write and validate for: {@code swarm} ({@code docker stack deploy}) or {@code compose}.
   */
  @Parameter(property = "compose4j.target", defaultValue = "swarm")
  String target = "swarm";

  /** The least severity that fails the build: {@code error}, {@code warning} or {@code info}. */
  @Parameter(property = "compose4j.failOn", defaultValue = "error")
  String failOn = "error";

  /** Rule ids not to report (from docs/RULES.md); comma-separated in the property. */
  @Parameter(property = "compose4j.suppress")
  @Nullable List<String> suppress;

  /**
   * The name the stacks will be deployed under ({@code docker stack deploy NAME}); enables the
   * name-length rules.
   */
  @Parameter(property = "compose4j.stackName")
  @Nullable String stackName;

  /** Skips the goal. */
  @Parameter(property = "compose4j.skip", defaultValue = "false")
  boolean skip;

  /** The project: its runtime classpath and folder. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  @Nullable MavenProject project;

  /** Creates the goal; Maven sets its parameters. */
  public GenerateMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("compose4j:generate skipped (compose4j.skip)");
      return;
    }
    if (generator == null || generator.isBlank()) {
      throw new MojoExecutionException(
          "<generator> is not set; give the class that returns the stacks");
    }
    Target writeFor = StackCheck.target(target);
    StackCheck check =
        new StackCheck(
            writeFor,
            StackCheck.failOn(failOn),
            StackCheck.suppressed(suppress),
            stackName,
            Map.of(),
            project.getBasedir().toPath());
    Map<String, Stack> stacks;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(classpath(), getClass().getClassLoader())) {
      thread.setContextClassLoader(loader);
      stacks = GeneratorCall.run(loader, generator.trim(), method.trim());
    } catch (IOException e) {
      throw new MojoExecutionException("cannot close the generator's class loader: " + e, e);
    } finally {
      thread.setContextClassLoader(previous);
    }
    Path out = outputDirectory.toPath();
    List<FileReport> reports = new ArrayList<>();
    ComposeWriter writer = ComposeWriter.forTarget(writeFor);
    for (Map.Entry<String, Stack> e : stacks.entrySet()) {
      Path file = out.resolve(e.getKey() + ".yml");
      WriteResult written = writer.render(e.getValue());
      try {
        Files.createDirectories(out);
        Files.writeString(file, written.yaml(), StandardCharsets.UTF_8);
      } catch (IOException ex) {
        throw new MojoExecutionException("cannot write " + file + ": " + ex, ex);
      }
      getLog().info("Wrote " + check.displayName(file));
      reports.add(check.check(file, written.warnings()));
    }
    check.report(
        reports, "generated by " + generator.trim() + " in " + check.displayName(out), getLog());
  }

  private URL[] classpath() throws MojoExecutionException {
    List<String> elements;
    try {
      elements = project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException(
          "the project's runtime classpath is not resolved: " + e.getMessage(), e);
    }
    List<URL> urls = new ArrayList<>();
    for (String element : elements) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("not a classpath element: " + element, e);
      }
    }
    return urls.toArray(URL[]::new);
  }
}
