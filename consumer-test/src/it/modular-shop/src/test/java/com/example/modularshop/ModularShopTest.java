package com.example.modularshop;

import static io.compose4j.test.ComposeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.compose4j.dsl.Compose;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.validate.StackValidator;
import io.compose4j.validate.ValidationReport;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ComposeWriter;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs in the module com.example.modularshop, with Compose4J's modules on the module path. */
class ModularShopTest {

  @Test
  void compose4jIsReadFromTheModulePath() {
    assertThat(ModularShopTest.class.getModule().getName()).isEqualTo("com.example.modularshop");
    for (Class<?> api :
        List.of(Stack.class, Compose.class, ComposeWriter.class, StackValidator.class)) {
      Module m = api.getModule();
      assertThat(m.isNamed()).as(api.getName()).isTrue();
      assertThat(m.getDescriptor().isAutomatic()).as(m.getName()).isFalse();
    }
    assertThat(Stack.class.getModule().getName()).isEqualTo("io.compose4j.model");
  }

  @Test
  void theStackIsWrittenReadBackAndValid() throws IOException {
    String yaml = ComposeWriter.forTarget(Target.SWARM).write(ShopStack.stack(3));
    Path file = Files.createDirectories(Path.of("target", "stacks")).resolve("shop.yml");
    Files.writeString(file, yaml);
    Stack read = ComposeReader.create().read(file).stack();
    assertThat(ComposeWriter.forTarget(Target.SWARM).write(read)).isEqualTo(yaml);
    ValidationReport report = StackValidator.forTarget(Target.SWARM).validate(read);
    assertThat(report.errors()).isEmpty();
  }

  @Test
  void hibernateValidatorChecksTheModelsFieldConstraints() {
    ValidationReport report = StackValidator.forTarget(Target.SWARM).validate(ShopStack.stack(-1));
    assertThat(report.errors())
        .extracting(Diagnostic::ruleId, Diagnostic::path, Diagnostic::message)
        .contains(
            tuple(
                "SWARM-MODE-006",
                "services.api.deploy.replicas",
                "replicas must not be negative (got -1)"));
  }

  @Test
  void composeTestAssertionsWork() {
    assertThat(ShopStack.stack(3)).isValid().service("api").hasReplicas(3).publishes(8080, 80);
  }

  @Test
  void theImplementationPackagesAreOutOfReach() throws IOException, IllegalAccessException {
    Module yaml = ComposeReader.class.getModule();
    List<String> hidden =
        yaml.getPackages().stream()
            .filter(p -> !yaml.isExported(p, ModularShopTest.class.getModule()))
            .sorted()
            .collect(Collectors.toList());
    assertThat(hidden).as("compose-yaml's implementation packages").isNotEmpty();
    ResolvedModule resolved =
        ModuleLayer.boot().configuration().findModule(yaml.getName()).orElseThrow();
    List<Class<?>> publicClasses;
    try (ModuleReader reader = resolved.reference().open()) {
      publicClasses =
          reader
              .list()
              .filter(r -> r.endsWith(".class") && !r.endsWith("module-info.class"))
              .map(r -> r.substring(0, r.length() - ".class".length()).replace('/', '.'))
              .filter(c -> hidden.contains(c.substring(0, c.lastIndexOf('.'))))
              .map(ModularShopTest::load)
              .filter(c -> Modifier.isPublic(c.getModifiers()))
              .collect(Collectors.toList());
    }
    assertThat(publicClasses).as("public classes in packages not exported").isNotEmpty();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    for (Class<?> c : publicClasses) {
      assertThatThrownBy(() -> lookup.accessClass(c))
          .as(c.getName())
          .isInstanceOf(IllegalAccessException.class)
          .hasMessageContaining("access violation: class " + c.getName());
    }
    assertThat(lookup.accessClass(ComposeReader.class)).isSameAs(ComposeReader.class);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ComposeReader.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
