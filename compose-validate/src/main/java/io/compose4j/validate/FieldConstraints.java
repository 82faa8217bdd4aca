package io.compose4j.validate;

import io.compose4j.model.BlkioConfig;
import io.compose4j.model.Deploy;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Healthcheck;
import io.compose4j.model.Placement;
import io.compose4j.model.PortMapping;
import io.compose4j.model.RestartPolicy;
import io.compose4j.model.RollbackConfig;
import io.compose4j.model.Service;
import io.compose4j.model.Severity;
import io.compose4j.model.Stack;
import io.compose4j.model.Ulimit;
import io.compose4j.model.UpdateConfig;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;
import org.hibernate.validator.spi.properties.ConstrainableExecutable;
import org.hibernate.validator.spi.properties.GetterPropertySelectionStrategy;

/**
 * Runs the Jakarta Bean Validation constraints declared on the model with Hibernate Validator,
 * configured once and lazily: accessors are bare nouns ({@code replicas()}), paths use YAML key
 * names ({@code services.web.deploy.update_config.parallelism}), and each constraint message starts
 * with its rule id ({@code SWARM-MODE-006: must not be negative}).
 */
final class FieldConstraints {
  private FieldConstraints() {}

  private static volatile boolean started;

  /** Whether Hibernate Validator has been started in this JVM (for the tests). */
  static boolean started() {
    return started;
  }

  /** The validator, built on first use. */
  private static final class Holder {
    /**
     * Hibernate Validator announces its version ({@code HV000001}) at INFO through JBoss Logging,
     * which falls back to {@code java.util.logging}: without this, a program that validates a stack
     * prints a line on its stderr. The level is only set when the program has not configured this
     * logger itself; the field keeps the logger (and so its level) from being collected. Here
     * rather than in the outer class, so that a run that never starts Hibernate Validator does not
     * start {@code java.util.logging} either.
     */
    private static final Logger HV_VERSION_LOG =
        Logger.getLogger("org.hibernate.validator.internal.util.Version");

    static {
      started = true;
      if (HV_VERSION_LOG.getLevel() == null) {
        HV_VERSION_LOG.setLevel(Level.WARNING);
      }
    }

    static final Validator VALIDATOR =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .getterPropertySelectionStrategy(new AccessorStrategy())
            .propertyNodeNameProvider(new YamlNames())
            .buildValidatorFactory()
            .getValidator();
  }

  /**
   * A stack that reaches every constrained type (service, deploy and its update, rollback, restart
   * and placement settings, health check, ports, ulimits, blkio), so that validating it builds all
   * of Hibernate Validator's metadata.
   */
  static Stack warmUpStack() {
    return Stack.builder()
        .putService(
            "warm-up",
            Service.builder()
                .image("warm-up")
                .deploy(
                    Deploy.builder()
                        .replicas(1)
                        .updateConfig(UpdateConfig.builder().parallelism(1).build())
                        .rollbackConfig(RollbackConfig.builder().parallelism(1).build())
                        .restartPolicy(RestartPolicy.builder().maxAttempts(1).build())
                        .placement(Placement.builder().maxReplicasPerNode(1).build())
                        .build())
                .healthcheck(Healthcheck.builder().retries(1).build())
                .addPorts(PortMapping.builder().target(80).build())
                .putUlimit("nofile", Ulimit.builder().single(1).build())
                .blkioConfig(BlkioConfig.builder().weight(10).build())
                .build())
        .build();
  }

  /**
   * The constraint violations of a stack as findings. Hibernate Validator starts only when the
   * {@link ConstraintScreen} cannot rule a violation out, so a short run over a clean stack does
   * not load it.
   */
  static List<Diagnostic> validate(Stack stack) {
    return ConstraintScreen.mayViolate(stack) ? validateWithHibernate(stack) : List.of();
  }

  /** Runs Hibernate Validator (starting it on first use). */
  static List<Diagnostic> validateWithHibernate(Stack stack) {
    Set<ConstraintViolation<Stack>> violations = Holder.VALIDATOR.validate(stack);
    List<Diagnostic> out = new ArrayList<>(violations.size());
    for (ConstraintViolation<Stack> v : violations) {
      String message = v.getMessage();
      int colon = message.indexOf(": ");
      String rule = colon > 0 ? message.substring(0, colon) : "constraint";
      String text = colon > 0 ? message.substring(colon + 2) : message;
      String path = yamlPath(v.getPropertyPath());
      out.add(
          new Diagnostic(
              Severity.ERROR,
              rule,
              path,
              lastKey(path) + " " + text + " (got " + v.getInvalidValue() + ")",
              "change the value"));
    }
    return out;
  }

  private static String lastKey(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  /**
   * Turns a Bean Validation path into a YAML path: map keys become path segments, list indexes
   * brackets.
   */
  static String yamlPath(Path path) {
    StringBuilder sb = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        if (node.getKey() != null) {
          sb.append('.').append(node.getKey());
        } else if (node.getIndex() != null) {
          sb.append('[').append(node.getIndex()).append(']');
        }
      }
      if (node.getName() != null && !node.getName().startsWith("<")) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(node.getName());
      }
    }
    return sb.toString();
  }

  /** Treats every no-argument, non-void accessor of the model as a property named after itself. */
  static final class AccessorStrategy implements GetterPropertySelectionStrategy {
    private static final Set<String> NOT_PROPERTIES =
        Set.of(
            "hashCode",
            "toString",
            "getClass",
            "toBuilder",
            "builder",
            "isDefault",
            "publishedPort",
            "shortSyntax",
            "yamlOctal",
            "notify",
            "notifyAll",
            "wait");

    @Override
    public Optional<String> getProperty(ConstrainableExecutable executable) {
      if (executable.getParameterTypes().length != 0
          || executable.getReturnType() == void.class
          || NOT_PROPERTIES.contains(executable.getName())) {
        return Optional.empty();
      }
      return Optional.of(executable.getName());
    }

    @Override
    public List<String> getGetterMethodNameCandidates(String propertyName) {
      return List.of(propertyName);
    }
  }

  /** Names properties after their YAML keys: {@code updateConfig} is {@code update_config}. */
  static final class YamlNames implements PropertyNodeNameProvider {
    @Override
    public String getName(Property property) {
      String name = property instanceof JavaBeanProperty p ? p.getName() : property.getName();
      return yamlKey(name);
    }
  }

  static String yamlKey(String javaName) {
    if (javaName.equals("extendsService")) {
      return "extends";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Used by the tests: whether a model method is treated as a property. */
  static boolean isProperty(Method m) {
    return m.getParameterCount() == 0
        && m.getReturnType() != void.class
        && !Modifier.isStatic(m.getModifiers())
        && !AccessorStrategy.NOT_PROPERTIES.contains(m.getName());
  }
}
