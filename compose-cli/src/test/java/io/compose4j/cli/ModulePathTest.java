package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.compose4j.cli.FmtCommandTest.Run;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose4J on the module path (every other test runs on the class path). The module path is the
 * CLI's classes and its run-time dependencies, reactor modules included (the pom passes it as
 * {@code compose4j.modulePath}). Proves that the modules resolve with their dependencies (Jackson,
 * SnakeYAML, Hibernate Validator, picocli, docker-java's automatic modules, which compose-docker
 * reads a fake engine through); that a consumer module compiled with {@code -Xlint:all -Werror}
 * reads, validates (a Hibernate Validator field constraint included) and writes a stack through the
 * exported API; that the CLI run with {@code -m} prints the same JSON report and YAML as on the
 * class path; and that compose-yaml's implementation packages are closed to a consumer, at compile
 * time and by reflection.
 */
class ModulePathTest {
  /** Negative replicas: the model's {@code @PositiveOrZero}, run by Hibernate Validator. */
  static final String NEGATIVE_REPLICAS =
      """
      version: "3.8"
      services:
        web:
          image: nginx:1.27
          deploy:
            replicas: -1
      """;

  static final String CONSUMER_MODULE =
      """
      module com.example.consumer {
        requires io.compose4j.validate;
      }
      """;

  /** Reads, validates and writes the file named by its argument; then tries the implementation. */
  static final String CONSUMER_MAIN =
      """
      package com.example.consumer;

      import io.compose4j.model.Target;
      import io.compose4j.validate.StackValidator;
      import io.compose4j.validate.ValidationReport;
      import io.compose4j.yaml.ComposeReader;
      import io.compose4j.yaml.ComposeWriter;
      import io.compose4j.yaml.ReadResult;
      import java.nio.file.Path;

      public final class Main {
        private Main() {}

        public static void main(String[] args) throws ReflectiveOperationException {
          ReadResult read = ComposeReader.create().read(Path.of(args[0]));
          ValidationReport report =
              StackValidator.forTarget(Target.SWARM).validate(read.stack(), read.facts());
          report.errors().forEach(d ->
              System.out.println("error " + d.ruleId() + " " + d.path() + " " + d.message()));
          System.out.print(ComposeWriter.forTarget(Target.SWARM).write(read.stack()));
          Module yaml = ComposeReader.class.getModule();
          System.out.println("module " + yaml.getName()
              + " exports read: " + yaml.isExported("io.compose4j.yaml.read", Main.class.getModule())
              + ", to io.compose4j.plan: " + yaml.isExported("io.compose4j.yaml.read",
                  ModuleLayer.boot().findModule("io.compose4j.plan").orElseThrow()));
          Class<?> tree = Class.forName("io.compose4j.yaml.read.YamlTreeReader");
          try {
            tree.getMethod("read", String.class, String.class).invoke(null, "a: 1", "x.yml");
            System.out.println("implementation reached");
          } catch (IllegalAccessException e) {
            System.out.println("implementation closed: " + e.getMessage());
          }
        }
      }
      """;

  @TempDir Path dir;

  List<Path> modulePath;

  Path stack;

  @BeforeEach
  void setUp() throws IOException {
    String property = System.getProperty("compose4j.modulePath");
    assertThat(property).as("compose4j.modulePath, set by compose-cli's pom").isNotBlank();
    modulePath = new ArrayList<>();
    for (String entry : property.split(File.pathSeparator, -1)) {
      if (!entry.isBlank()) {
        modulePath.add(Path.of(entry));
      }
    }
    stack = dir.resolve("stack.yml");
    Files.writeString(stack, NEGATIVE_REPLICAS, StandardCharsets.UTF_8);
  }

  @Test
  void theModulesResolveWithTheirDependencies() {
    ModuleFinder finder = ModuleFinder.of(modulePath.toArray(Path[]::new));
    Configuration resolved =
        ModuleLayer.boot()
            .configuration()
            .resolve(finder, ModuleFinder.of(), Set.of("io.compose4j.cli"));
    Set<String> names =
        resolved.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
    assertThat(names)
        .contains(
            "io.compose4j.model",
            "io.compose4j.yaml",
            "io.compose4j.validate",
            "io.compose4j.plan",
            "io.compose4j.docker",
            "io.compose4j.cli",
            "org.hibernate.validator",
            "jakarta.validation",
            "com.fasterxml.jackson.dataformat.yaml",
            "org.yaml.snakeyaml",
            "info.picocli",
            "com.github.dockerjava.core");
    assertThat(ours(finder).values())
        .as("Compose4J's modules have descriptors (not automatic modules)")
        .noneMatch(ModuleDescriptor::isAutomatic)
        .noneMatch(ModuleDescriptor::isOpen);
  }

  @Test
  void onlyTheApiPackagesAreExported() {
    Map<String, ModuleDescriptor> ours = ours(ModuleFinder.of(modulePath.toArray(Path[]::new)));
    Map<String, Set<String>> exports = new TreeMap<>();
    Map<String, Set<String>> opens = new TreeMap<>();
    ours.forEach(
        (name, d) -> {
          exports.put(name, describe(d.exports()));
          opens.put(name, describe(d.opens()));
        });
    assertThat(exports)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "io.compose4j.model",
                    Set.of(
                        "io.compose4j.model",
                        "io.compose4j.model.internal to [io.compose4j.validate, io.compose4j.yaml]"),
                "io.compose4j.yaml",
                    Set.of("io.compose4j.yaml", "io.compose4j.yaml.read to [io.compose4j.plan]"),
                "io.compose4j.validate", Set.of("io.compose4j.validate"),
                "io.compose4j.plan", Set.of("io.compose4j.plan"),
                "io.compose4j.docker", Set.of("io.compose4j.docker"),
                "io.compose4j.cli", Set.of()));
    assertThat(ours.get("io.compose4j.yaml").packages())
        .as("the implementation packages exist, and are not exported")
        .contains("io.compose4j.yaml.read", "io.compose4j.yaml.bind", "io.compose4j.yaml.write");
    assertThat(opens)
        .as("only picocli reflects into a Compose4J package (Hibernate Validator needs no opens)")
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "io.compose4j.model", Set.of(),
                "io.compose4j.yaml", Set.of(),
                "io.compose4j.validate", Set.of(),
                "io.compose4j.plan", Set.of(),
                "io.compose4j.docker", Set.of(),
                "io.compose4j.cli", Set.of("io.compose4j.cli to [info.picocli]")));
  }

  @Test
  void theCliPrintsTheSameJsonReportAndYamlOnTheModulePath() throws Exception {
    Run json = cli("validate", "--format", "json", stack.toString());
    assertThat(json.code()).as(json.err()).isEqualTo(1);
    JsonNode diagnostics = new ObjectMapper().readTree(json.out()).path("files").get(0);
    List<String> errors = new ArrayList<>();
    for (JsonNode d : diagnostics.path("diagnostics")) {
      if (d.path("severity").asText().equals("error")) {
        errors.add(
            d.path("rule").asText()
                + " "
                + d.path("line").asInt()
                + ":"
                + d.path("column").asInt()
                + " "
                + d.path("message").asText());
      }
    }
    assertThat(errors).containsExactly("SWARM-MODE-006 6:7 replicas must not be negative (got -1)");
    assertThat(json.out())
        .as("as on the class path")
        .isEqualTo(
            FmtCommandTest.run(Map.of(), "validate", "--format", "json", stack.toString()).out());

    Run fmt = cli("fmt", stack.toString());
    assertThat(fmt.code()).as(fmt.err()).isZero();
    assertThat(fmt.out())
        .contains("replicas: -1")
        .isEqualTo(FmtCommandTest.run(Map.of(), "fmt", stack.toString()).out());
  }

  @Test
  void theCliReadsALiveEngineThroughDockerJavaOnTheModulePath() throws Exception {
    HttpServer engine =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    engine.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().getPath().replaceFirst("^/v[0-9.]+", "");
          String json =
              ClusterOptionTest.ANSWERS.getOrDefault(path, "{\"message\":\"page not found\"}");
          byte[] body = json.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(
              ClusterOptionTest.ANSWERS.containsKey(path) ? 200 : 404, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    engine.start();
    try {
      Map<String, String> env =
          Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + engine.getAddress().getPort());
      Path shop = dir.resolve("shop.yml");
      Files.writeString(
          shop,
          "services:\n  web:\n    image: nginx\n    deploy: {replicas: 2}\n",
          StandardCharsets.UTF_8);
      Run plan = cli(env, "plan", "--cluster", "docker", shop.toString());
      assertThat(plan.code()).as(plan.err()).isZero();
      assertThat(plan.err()).as("nothing on stderr (SLF4J finds its no-op provider)").isEmpty();
      assertThat(plan.out())
          .containsPattern("live-1 +a +active")
          .contains("every task placed")
          .isEqualTo(FmtCommandTest.run(env, "plan", "--cluster", "docker", shop.toString()).out());
    } finally {
      engine.stop(0);
    }
  }

  @Test
  void aConsumerModuleReadsValidatesAndWritesButCannotReachTheImplementation() throws Exception {
    Path classes = dir.resolve("consumer");
    List<Diagnostic<? extends JavaFileObject>> problems =
        compile(classes, CONSUMER_MODULE, "com/example/consumer/Main.java", CONSUMER_MAIN);
    assertThat(problems).as("compiled with -Xlint:all -Werror").isEmpty();

    List<String> command = new ArrayList<>(java());
    command.addAll(
        List.of(
            "--module-path",
            classes + File.pathSeparator + joined(modulePath),
            // io.compose4j.plan is in the graph only so that the consumer can name it
            "--add-modules",
            "io.compose4j.plan",
            "-m",
            "com.example.consumer/com.example.consumer.Main",
            stack.toString()));
    Run run = exec(command);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("error SWARM-MODE-006 services.web.deploy.replicas replicas must not be negative")
        .contains("    deploy:\n      replicas: -1\n")
        .contains("module io.compose4j.yaml exports read: false, to io.compose4j.plan: true")
        .contains(
            "implementation closed: class com.example.consumer.Main (in module"
                + " com.example.consumer) cannot access class"
                + " io.compose4j.yaml.read.YamlTreeReader (in module io.compose4j.yaml) because"
                + " module io.compose4j.yaml does not export io.compose4j.yaml.read to module"
                + " com.example.consumer")
        .doesNotContain("implementation reached");
  }

  @Test
  void aConsumerModuleThatImportsTheImplementationDoesNotCompile() throws IOException {
    List<Diagnostic<? extends JavaFileObject>> problems =
        compile(
            dir.resolve("bad"),
            """
            module com.example.bad {
              requires io.compose4j.yaml;
            }
            """,
            "com/example/bad/Tree.java",
            """
            package com.example.bad;

            import io.compose4j.yaml.read.YNode;

            public final class Tree {
              private Tree() {}

              public static String describe(YNode node) {
                return node.describe();
              }
            }
            """);
    assertThat(problems)
        .extracting(d -> d.getKind() + " " + d.getMessage(Locale.ROOT))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("ERROR package io.compose4j.yaml.read is not visible")
                    .contains(
                        "package io.compose4j.yaml.read is declared in module io.compose4j.yaml,"
                            + " which does not export it"));
  }

  private static Map<String, ModuleDescriptor> ours(ModuleFinder finder) {
    Map<String, ModuleDescriptor> ours = new TreeMap<>();
    finder.findAll().stream()
        .map(r -> r.descriptor())
        .filter(d -> d.name().startsWith("io.compose4j."))
        .forEach(d -> ours.put(d.name(), d));
    return ours;
  }

  private static Set<String> describe(Set<?> directives) {
    Set<String> out = new TreeSet<>();
    for (Object o : directives) {
      if (o instanceof ModuleDescriptor.Exports e) {
        out.add(e.isQualified() ? e.source() + " to " + new TreeSet<>(e.targets()) : e.source());
      } else if (o instanceof ModuleDescriptor.Opens e) {
        out.add(e.isQualified() ? e.source() + " to " + new TreeSet<>(e.targets()) : e.source());
      }
    }
    return out;
  }

  /** Compiles a module (its module-info.java and one class) against the module path. */
  private List<Diagnostic<? extends JavaFileObject>> compile(
      Path out, String moduleInfo, String classFile, String classSource) throws IOException {
    Path src = out.resolveSibling(out.getFileName() + "-src");
    Files.createDirectories(src.resolve(classFile).getParent());
    Files.createDirectories(out);
    Files.writeString(src.resolve("module-info.java"), moduleInfo, StandardCharsets.UTF_8);
    Files.writeString(src.resolve(classFile), classSource, StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      // not this JVM's class path, which holds the same classes in the unnamed module
      files.setLocation(StandardLocation.CLASS_PATH, List.of());
      List<String> options =
          List.of(
              "--release",
              "17",
              "-Xlint:all",
              "-Werror",
              "--module-path",
              joined(modulePath),
              "-d",
              out.toString());
      javac
          .getTask(
              null,
              files,
              diagnostics,
              options,
              null,
              files.getJavaFileObjects(src.resolve("module-info.java"), src.resolve(classFile)))
          .call();
    }
    return diagnostics.getDiagnostics();
  }

  /** Runs the CLI as a module in a new JVM. */
  private Run cli(String... args) throws IOException, InterruptedException {
    return cli(Map.of(), args);
  }

  /** Runs the CLI as a module in a new JVM with these environment variables added. */
  private Run cli(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(java());
    command.addAll(
        List.of(
            "--module-path", joined(modulePath), "-m", "io.compose4j.cli/io.compose4j.cli.Main"));
    command.addAll(List.of(args));
    return exec(command, environment);
  }

  private static List<String> java() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dfile.encoding=UTF-8");
  }

  private Run exec(List<String> command) throws IOException, InterruptedException {
    return exec(command, Map.of());
  }

  private Run exec(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(environment);
    Process p = builder.start();
    p.getOutputStream().close();
    // a guard against a hung child, not a speed check
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the JVM did not finish: " + command);
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String joined(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
