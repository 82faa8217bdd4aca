package io.compose4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.NodeAttribute;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code node.role()} takes a {@link io.compose4j.model.NodeRole}: a misspelt role does not
 * compile.
 */
class NodeRoleTypingTest {
  @TempDir Path dir;

  private List<Diagnostic<? extends JavaFileObject>> compile(String constraint)
      throws IOException, URISyntaxException {
    Path source = dir.resolve("Use.java");
    Files.writeString(
        source,
        """
        import static io.compose4j.dsl.Placements.*;
        class Use {
          Object c = %s;
        }
        """
            .formatted(constraint));
    String classpath =
        String.join(
            File.pathSeparator,
            Path.of(Placements.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString(),
            Path.of(NodeAttribute.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      javac
          .getTask(
              null,
              files,
              diagnostics,
              List.of("-classpath", classpath, "-d", dir.toString(), "-proc:none"),
              null,
              files.getJavaFileObjects(source))
          .call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .toList();
  }

  @Test
  void aTypedRoleCompiles() throws Exception {
    assertThat(compile("node.role().eq(MANAGER)")).isEmpty();
    assertThat(Placements.node.role().eq(Placements.MANAGER)).hasToString("node.role == manager");
    assertThat(Placements.node.role().ne(Placements.WORKER)).hasToString("node.role != worker");
  }

  @Test
  void aStringRoleDoesNotCompile() throws Exception {
    var errors = compile("node.role().eq(\"manger\")");
    assertThat(errors).isNotEmpty();
    assertThat(errors.get(0).getMessage(Locale.ROOT)).contains("NodeRole");
  }
}
