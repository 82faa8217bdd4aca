package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServiceKeysTest {
  /** The model accessor a row's YAML name stands for ({@code cap_add} is {@code capAdd()}). */
  private static String accessor(String yamlName) {
    if (yamlName.equals("extends")) {
      return "extendsService";
    }
    String[] parts = yamlName.split("_");
    StringBuilder b = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return b.toString();
  }

  @Test
  void everyServiceAccessorHasExactlyOneRow() {
    List<String> accessors = Arrays.stream(Service.class.getDeclaredMethods())
        .filter(m -> Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0)
        .map(Method::getName)
        .filter(n -> !n.equals("extensions"))
        .sorted()
        .toList();
    List<String> rows = ServiceKeys.ALL.stream().map(k -> accessor(k.name())).sorted().toList();
    assertThat(rows).doesNotHaveDuplicates().isEqualTo(accessors);
  }

  @Test
  void theCanonicalOrderIsAPermutationOfTheRows() {
    assertThat(ServiceKeys.ALL.stream().map(ServiceKeys.Key::order).sorted().toList())
        .isEqualTo(IntStream.rangeClosed(1, ServiceKeys.ALL.size()).boxed().toList());
    assertThat(ServiceKeys.canonicalOrder().get(0).name()).isEqualTo("image");
  }

  @Test
  void eachRowReadsAndSetsTheSameAttribute() {
    Service s = Service.builder().image("nginx").addCapAdd("NET_ADMIN").putLabel("a", "b").build();
    for (ServiceKeys.Key<?> key : ServiceKeys.ALL) {
      Service.Builder copy = Service.builder();
      key.assign(copy, key.value(s));
      assertThat(key.present(copy.build())).as(key.name()).isEqualTo(key.present(s));
    }
    assertThat(ServiceKeys.named("cap_add").orElseThrow().present(s)).isTrue();
    assertThat(ServiceKeys.named("cap_drop").orElseThrow().present(s)).isFalse();
  }

  @Test
  void swarmColumnMatchesTheSchemas() {
    assertThat(ServiceKeys.named("oom_score_adj").orElseThrow().swarm()).isEqualTo(ServiceKeys.Swarm.since(13));
    assertThat(ServiceKeys.named("image").orElseThrow().swarm().supported()).isTrue();
    assertThat(ServiceKeys.named("pull_policy").orElseThrow().swarm().supported()).isFalse();
    assertThat(SwarmFormat.unsupported(Stack.builder()
        .putService("web", Service.builder().image("nginx").scale(2).build()).build()))
        .containsExactly(new SwarmFormat.Unsupported("services.web.scale", "use deploy.replicas"));
  }
}
