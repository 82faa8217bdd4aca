package io.compose4j.test;

import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.validate.FileCheck;
import io.compose4j.validate.StackValidator;
import io.compose4j.validate.ValidationReport;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a stack, whether built with the DSL or read from a file ({@link
 * ComposeAssertions#assertThatStackFile}).
 *
 * <pre>{@code
 * assertThat(stack).hasServices("web", "db").isValidFor(Target.SWARM).matchesGolden("stacks/shop.yml");
 * assertThat(stack).service("web").hasReplicas(3);
 * assertThat(stack).validate().hasError("SWARM-REF-001").at("services.web.networks");
 * }</pre>
 */
public final class StackAssert extends AbstractAssert<StackAssert, Stack> {
  private final StackSource source;
  private final Path baseDir;

  StackAssert(Stack stack, StackSource source, Path baseDir) {
    super(stack, StackAssert.class);
    this.source = source;
    this.baseDir = baseDir;
  }

  /** Returns assertions on one service; fails if the stack has no such service. */
  public ServiceAssert service(String name) {
    isNotNull();
    Service service = actual.services().get(name);
    if (service == null) {
      failWithMessage(
          "%s",
          "Expecting the stack to have a service \""
              + name
              + "\"\nbut its services are "
              + actual.services().keySet());
    }
    return new ServiceAssert(this, source, name, service);
  }

  /** Checks that the stack has at least these services. */
  public StackAssert hasServices(String... names) {
    isNotNull();
    List<String> missing =
        Arrays.stream(names).filter(n -> !actual.services().containsKey(n)).toList();
    if (!missing.isEmpty()) {
      failWithMessage(
          "%s",
          "Expecting the stack to have services "
              + List.of(names)
              + "\nbut "
              + missing
              + (missing.size() == 1 ? " is" : " are")
              + " missing; its services are "
              + actual.services().keySet());
    }
    return this;
  }

  /** Checks that the stack declares a network under this key. */
  public StackAssert declaresNetwork(String key) {
    return declares("network", key, actual.networks().keySet());
  }

  /** Checks that the stack declares a secret under this key. */
  public StackAssert declaresSecret(String key) {
    return declares("secret", key, actual.secrets().keySet());
  }

  /** Checks that the stack declares a config under this key. */
  public StackAssert declaresConfig(String key) {
    return declares("config", key, actual.configs().keySet());
  }

  /** Checks that the stack declares a volume under this key. */
  public StackAssert declaresVolume(String key) {
    return declares("volume", key, actual.volumes().keySet());
  }

  private StackAssert declares(String kind, String key, Set<String> keys) {
    isNotNull();
    if (!keys.contains(key)) {
      failWithMessage(
          "%s",
          "Expecting the stack to declare "
              + kind
              + " \""
              + key
              + "\"\nbut it declares "
              + (keys.isEmpty() ? "no " + kind + "s" : keys));
    }
    return this;
  }

  /**
   * Validates the stack for Swarm ({@code docker stack deploy}) and returns assertions on the
   * report.
   */
  public ValidationReportAssert validate() {
    return validate(Target.SWARM);
  }

  /**
   * Validates the stack for a target and returns assertions on the report. For a stack read from a
   * file, the report has the reader's findings too ({@code variable-unset}), as {@code compose4j
   * validate} reports them.
   */
  public ValidationReportAssert validate(Target target) {
    isNotNull();
    ValidationReport report =
        source
            .readResult()
            .filter(r -> r.stack() == actual)
            .map(r -> FileCheck.forTarget(target).validate(r, baseDir))
            .orElseGet(
                () -> {
                  StackValidator validator = StackValidator.forTarget(target);
                  return (baseDir == null ? validator : validator.baseDir(baseDir))
                      .validate(actual);
                });
    return new ValidationReportAssert(report, source);
  }

  /** Checks that the stack has no validation error for Swarm (warnings are allowed). */
  public StackAssert isValid() {
    return isValidFor(Target.SWARM);
  }

  /** Checks that the stack has no validation error for a target (warnings are allowed). */
  public StackAssert isValidFor(Target target) {
    validate(target).hasNoErrors();
    return this;
  }

  /**
   * Compares the canonical Swarm YAML of the stack with a golden file (relative to {@code
   * src/test/resources}, or to the folder of system property {@code compose4j.golden.dir}); a
   * difference fails with a unified diff. Run with {@code -Dcompose4j.golden.update=true} to write
   * the golden files on purpose.
   */
  public StackAssert matchesGolden(String goldenFile) {
    return matchesGolden(goldenFile, Target.SWARM);
  }

  /** Like {@link #matchesGolden(String)}, for the canonical YAML of a target. */
  public StackAssert matchesGolden(String goldenFile, Target target) {
    isNotNull();
    Golden.check(actual, target, goldenFile);
    return this;
  }
}
