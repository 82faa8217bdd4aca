package io.compose4j.examples;

import io.compose4j.model.Deploy;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Service;
import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeWriter;
import io.compose4j.yaml.WriteResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the founding stacks as Swarm stack files ({@code <dir>/<name>.yml}, with the config files
 * they use beside them) and prints a summary. Run with {@code mvn -B -q -pl examples exec:java};
 * the folder defaults to {@code examples/target/stacks}.
 */
public final class Main {
  private Main() {}

  /** Writes the stacks into the folder given as the first argument. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "examples/target/stacks");
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    write(dir, out);
  }

  /** Writes every stack and its files into {@code dir}; returns the stacks. */
  public static Map<String, Stack> write(Path dir, PrintStream out) throws IOException {
    copyFiles(dir);
    Map<String, Stack> stacks = new LinkedHashMap<>();
    ComposeWriter writer = ComposeWriter.forTarget(Target.SWARM);
    out.printf("%-15s %8s %-18s %6s  %s%n", "stack", "services", "replicas", "ports", "file");
    for (Map.Entry<String, Function<Path, Stack>> e : Examples.all().entrySet()) {
      Stack stack = e.getValue().apply(dir);
      stacks.put(e.getKey(), stack);
      WriteResult written = writer.render(stack);
      Path file = dir.resolve(e.getKey() + ".yml");
      Files.writeString(file, written.yaml(), StandardCharsets.UTF_8);
      long replicas = 0;
      int global = 0;
      long ports = 0;
      for (Service s : stack.services().values()) {
        Deploy d = s.deploy().orElse(Deploy.builder().build());
        if (d.mode().map(Deploy.GLOBAL::equals).orElse(false)) {
          global++;
        } else {
          replicas += d.replicas().orElse(1);
        }
        ports += s.ports().size();
      }
      out.printf(
          "%-15s %8d %-18s %6d  %s%n",
          e.getKey(),
          stack.services().size(),
          replicas + (global > 0 ? " + " + global + " global" : ""),
          ports,
          file);
      for (Diagnostic d : written.warnings()) {
        if (d.severity() != Severity.INFO) {
          out.println("  " + d);
        }
      }
    }
    return stacks;
  }

  /**
   * Copies the files the stacks read (config files) into {@code dir}, where the stacks resolve
   * them.
   */
  static void copyFiles(Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String file : Examples.FILES) {
      Path target = dir.resolve(file);
      Files.createDirectories(target.getParent());
      try (InputStream in = Main.class.getResourceAsStream("/stacks/" + file)) {
        if (in == null) {
          throw new IOException("missing resource /stacks/" + file);
        }
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
