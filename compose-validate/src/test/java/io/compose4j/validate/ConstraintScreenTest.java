package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.BlkioConfig;
import io.compose4j.model.Deploy;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Healthcheck;
import io.compose4j.model.Placement;
import io.compose4j.model.PortMapping;
import io.compose4j.model.RestartPolicy;
import io.compose4j.model.RollbackConfig;
import io.compose4j.model.ScreenProbe;
import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.model.Ulimit;
import io.compose4j.model.UpdateConfig;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ConstraintScreen} keeps Hibernate Validator from starting for a stack without constraint
 * violations: it must say "may violate" for every stack Hibernate Validator reports something on,
 * and, for the model as it is, say "clean" for every other stack (or it saves nothing).
 */
class ConstraintScreenTest {
  /** Values around every bound of the model's constraints, and far from them. */
  private static final long[] LONGS = {
    Long.MIN_VALUE,
    -1001,
    -1000,
    -999,
    -2,
    -1,
    0,
    1,
    2,
    9,
    10,
    11,
    99,
    100,
    101,
    999,
    1000,
    1001,
    65535,
    65536,
    Integer.MAX_VALUE,
    Long.MAX_VALUE
  };

  private static final double[] RATIOS = {
    -1.0,
    -0.0,
    0.0,
    1e-9,
    0.5,
    1.0,
    1.0000001,
    2.0,
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY
  };

  @Test
  void everyConstraintOfTheModelIsOneTheScreenDecides() throws IOException, URISyntaxException {
    List<Class<?>> types = modelTypes();
    assertThat(types)
        .as("model classes found")
        .hasSizeGreaterThan(30)
        .contains(Service.class, Deploy.class);
    assertThat(types)
        .filteredOn(t -> !ConstraintScreen.understands(t))
        .as(
            "types with constraints the screen leaves to"
                + " Hibernate Validator (teach ConstraintScreen the annotation, or accept the slower start)")
        .isEmpty();
  }

  @Test
  void aConstraintTheScreenDoesNotKnowLeavesTheDecisionToHibernateValidator() {
    assertThat(ConstraintScreen.understands(ScreenProbe.class)).isFalse();
    ScreenProbe probe = () -> Optional.of("abc");
    assertThat(ConstraintScreen.mayViolate(probe)).isTrue();
  }

  @Test
  void theScreenAndHibernateValidatorAgreeOnGeneratedStacks() {
    Random random = new Random(20261206);
    int violating = 0;
    for (int i = 0; i < 3000; i++) {
      Stack stack = randomStack(random);
      List<Diagnostic> hv = FieldConstraints.validateWithHibernate(stack);
      boolean screen = ConstraintScreen.mayViolate(stack);
      assertThat(screen)
          .as("stack %d: Hibernate Validator says %s%n%s", i, hv, stack)
          .isEqualTo(!hv.isEmpty());
      violating += hv.isEmpty() ? 0 : 1;
    }
    assertThat(violating).as("stacks with violations among 3,000").isBetween(300, 2700);
  }

  @Test
  void aCleanStackDoesNotStartHibernateValidatorAndABadOneDoes() throws Exception {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p =
        new ProcessBuilder(
                List.of(
                    java, "-cp", System.getProperty("java.class.path"), Program.class.getName()))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out)
        .isEqualToIgnoringNewLines(
            "clean: [] started: false" + "bad: [services.web.deploy.replicas] started: true");
  }

  /**
   * Validates a clean stack, then one with a negative replica count, saying whether Hibernate
   * Validator ran.
   */
  public static final class Program {
    public static void main(String[] args) {
      StackValidator v = StackValidator.forTarget(io.compose4j.model.Target.SWARM);
      Stack clean =
          Stack.builder()
              .putService(
                  "web",
                  Service.builder()
                      .image("nginx:1.27")
                      .deploy(Deploy.builder().replicas(2).build())
                      .build())
              .build();
      System.out.println(
          "clean: "
              + paths(v.validate(clean).diagnostics())
              + " started: "
              + FieldConstraints.started());
      Stack bad =
          Stack.builder()
              .putService(
                  "web",
                  Service.builder()
                      .image("nginx:1.27")
                      .deploy(Deploy.builder().replicas(-2).build())
                      .build())
              .build();
      System.out.println(
          "bad: "
              + paths(v.validate(bad).diagnostics())
              + " started: "
              + FieldConstraints.started());
    }

    private static List<String> paths(List<Diagnostic> d) {
      return d.stream()
          .filter(x -> x.ruleId().equals("SWARM-MODE-006"))
          .map(Diagnostic::path)
          .toList();
    }
  }

  private static Stack randomStack(Random r) {
    Stack.Builder stack = Stack.builder();
    int services = 1 + r.nextInt(3);
    for (int s = 0; s < services; s++) {
      Service.Builder b = Service.builder().image("nginx:1.27");
      if (r.nextInt(3) == 0) {
        b.memSwappiness((int) pickInt(r));
      }
      if (r.nextInt(3) == 0) {
        b.oomScoreAdj((int) pickInt(r));
      }
      if (r.nextInt(3) == 0) {
        b.blkioConfig(BlkioConfig.builder().weight((int) pickInt(r)).build());
      }
      if (r.nextInt(3) == 0) {
        b.healthcheck(Healthcheck.builder().retries(pick(r)).build());
      }
      for (int p = r.nextInt(3); p > 0; p--) {
        b.addPorts(PortMapping.builder().target((int) pickInt(r)).build());
      }
      for (int u = r.nextInt(3); u > 0; u--) {
        Ulimit.Builder ul = Ulimit.builder();
        if (r.nextBoolean()) {
          ul.single(pick(r));
        } else {
          ul.soft(pick(r)).hard(pick(r));
        }
        b.putUlimit("nofile" + u, ul.build());
      }
      if (r.nextBoolean()) {
        Deploy.Builder d = Deploy.builder();
        if (r.nextBoolean()) {
          d.replicas(pick(r));
        }
        if (r.nextBoolean()) {
          d.updateConfig(
              UpdateConfig.builder()
                  .parallelism(pick(r))
                  .maxFailureRatio(RATIOS[r.nextInt(RATIOS.length)])
                  .build());
        }
        if (r.nextBoolean()) {
          d.rollbackConfig(
              RollbackConfig.builder()
                  .parallelism(pick(r))
                  .maxFailureRatio(RATIOS[r.nextInt(RATIOS.length)])
                  .build());
        }
        if (r.nextBoolean()) {
          d.restartPolicy(RestartPolicy.builder().maxAttempts(pick(r)).build());
        }
        if (r.nextBoolean()) {
          d.placement(Placement.builder().maxReplicasPerNode(pick(r)).build());
        }
        b.deploy(d.build());
      }
      stack.putService("s" + s, b.build());
    }
    return stack.build();
  }

  /** Mostly values that pass, so that about half of the stacks are clean. */
  private static long pick(Random r) {
    return r.nextInt(4) == 0 ? LONGS[r.nextInt(LONGS.length)] : 10 + r.nextInt(90);
  }

  private static long pickInt(Random r) {
    long v = pick(r);
    return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? -1 : v;
  }

  /** Every public type of compose-model's package, read from its classes folder or jar. */
  private static List<Class<?>> modelTypes() throws IOException, URISyntaxException {
    return modelClasses().stream()
        .filter(c -> java.lang.reflect.Modifier.isPublic(c.getModifiers()))
        .toList();
  }

  /** Every class of the model's package in compose-model (not the tests' probe). */
  static List<Class<?>> modelClasses() throws IOException, URISyntaxException {
    Path where = Path.of(Service.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names;
    if (Files.isDirectory(where)) {
      try (Stream<Path> files = Files.list(where.resolve("io/compose4j/model"))) {
        names = files.map(f -> f.getFileName().toString()).toList();
      }
    } else {
      try (java.util.jar.JarFile jar = new java.util.jar.JarFile(where.toFile())) {
        names =
            jar.stream()
                .map(java.util.zip.ZipEntry::getName)
                .filter(n -> n.startsWith("io/compose4j/model/") && n.indexOf('/', 19) < 0)
                .map(n -> n.substring(19))
                .toList();
      }
    }
    return names.stream()
        .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
        .map(n -> "io.compose4j.model." + n.substring(0, n.length() - 6))
        .<Class<?>>map(
            n -> {
              try {
                return (Class<?>) Class.forName(n, false, Service.class.getClassLoader());
              } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
