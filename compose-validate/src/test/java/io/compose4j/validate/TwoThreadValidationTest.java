package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Diagnostic;
import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A stack of {@link StackValidator#PARALLEL_FROM} services or more is checked on two threads; the
 * report must be the one a single thread gives, findings and order alike.
 */
class TwoThreadValidationTest {
  /** 300 services, each with some of a dozen mistakes that different rules find. */
  private static String bigStackWithMistakes() {
    StringBuilder y = new StringBuilder("version: \"3.9\"\nservices:\n");
    for (int i = 0; i < 300; i++) {
      y.append("  svc").append(i).append(":\n");
      y.append("    image: ").append(i % 7 == 0 ? "Bad/Image:1" : "nginx:1.25").append('\n');
      y.append("    deploy:\n");
      if (i % 11 == 0) {
        y.append("      mode: global\n      replicas: 2\n");
      } else {
        y.append("      replicas: ").append(i % 5 == 0 ? -1 : 1).append('\n');
      }
      if (i % 4 == 0) {
        y.append("      restart_policy: {condition: sometimes}\n");
      }
      if (i % 6 == 0) {
        y.append("      resources: {limits: {cpus: '0.5'}, reservations: {cpus: '1'}}\n");
      }
      y.append("    ports: [\"").append(i % 3 == 0 ? 8080 : 9000 + i).append(":80\"]\n");
      y.append("    networks: [front").append(i % 13 == 0 ? ", missing" : "").append("]\n");
      y.append("    secrets: [").append(i % 17 == 0 ? "nosuch" : "db").append("]\n");
      if (i % 9 == 0) {
        y.append("    container_name: fixed\n");
      }
    }
    y.append("networks:\n  front: {driver: overlay}\n");
    y.append("secrets:\n  db: {external: true}\n");
    return y.toString();
  }

  @Test
  void aLargeStackGetsTheReportOneThreadGives() {
    ReadResult read =
        ComposeReader.create()
            .read(bigStackWithMistakes().getBytes(StandardCharsets.UTF_8), "big.yml");
    assertThat(read.stack().services()).hasSizeGreaterThanOrEqualTo(StackValidator.PARALLEL_FROM);
    StackValidator validator = StackValidator.forTarget(Target.SWARM);

    List<Diagnostic> twoThreads = validator.validate(read.stack(), read.facts()).diagnostics();
    List<Diagnostic> oneThread =
        validator.validateOnOneThread(read.stack(), read.facts()).diagnostics();

    assertThat(twoThreads).isEqualTo(oneThread);
    // the comparison means something only if both halves of the rules found something
    List<Rule> rules = StackValidator.rules();
    Set<String> firstHalf = new TreeSet<>();
    Set<String> secondHalf = new TreeSet<>();
    for (int i = 0; i < rules.size(); i++) {
      (i < rules.size() / 2 ? firstHalf : secondHalf).add(rules.get(i).id());
    }
    Set<String> found = new TreeSet<>();
    twoThreads.forEach(d -> found.add(d.ruleId()));
    assertThat(found).as("rules that found something").hasSizeGreaterThanOrEqualTo(6);
    assertThat(found).containsAnyElementsOf(firstHalf).containsAnyElementsOf(secondHalf);
  }
}
