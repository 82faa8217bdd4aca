package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComposeKeysTest {
  /** The model accessor a row's YAML name stands for ({@code cap_add} is {@code capAdd()}). */
  private static String accessor(String yamlName) {
    if (yamlName.equals("extends")) {
      return "extendsService";
    }
    String[] parts = yamlName.split("_", -1);
    StringBuilder b = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return b.toString();
  }

  static Stream<Arguments> tables() {
    return Stream.of(
        Arguments.of(Service.class, ComposeKeys.SERVICE),
        Arguments.of(Deploy.class, ComposeKeys.DEPLOY),
        Arguments.of(Network.class, ComposeKeys.NETWORK),
        Arguments.of(Volume.class, ComposeKeys.VOLUME),
        Arguments.of(Secret.class, ComposeKeys.SECRET),
        Arguments.of(Config.class, ComposeKeys.CONFIG));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void everyAccessorHasExactlyOneRowAndEveryRowAPlaceInTheCanonicalOrder(
      Class<?> type, ComposeKeys.Table<?, ?> table) {
    List<String> accessors =
        Arrays.stream(type.getDeclaredMethods())
            .filter(m -> Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0)
            .map(Method::getName)
            .filter(n -> !n.equals("extensions"))
            .sorted()
            .toList();
    List<String> rows = table.names().stream().map(ComposeKeysTest::accessor).sorted().toList();
    assertThat(rows).doesNotHaveDuplicates().isEqualTo(accessors);
    // the canonical order is the order of the rows; the reader reads the same rows
    assertThat(table.canonicalOrder().stream().map(k -> k.name()).sorted().toList())
        .isEqualTo(table.names().stream().sorted().toList());
  }

  @Test
  void theServiceOrderStartsWithTheImage() {
    assertThat(ComposeKeys.SERVICE.canonicalOrder().get(0).name()).isEqualTo("image");
  }

  @Test
  void eachRowReadsAndSetsTheSameAttribute() {
    Service s = Service.builder().image("nginx").addCapAdd("NET_ADMIN").putLabel("a", "b").build();
    for (ComposeKeys.Key<Service, Service.Builder, ?> key : ComposeKeys.SERVICE.keys()) {
      Service.Builder copy = Service.builder();
      key.assign(copy, key.value(s));
      assertThat(key.present(copy.build())).as(key.name()).isEqualTo(key.present(s));
    }
    assertThat(ComposeKeys.SERVICE.named("cap_add").orElseThrow().present(s)).isTrue();
    assertThat(ComposeKeys.SERVICE.named("cap_drop").orElseThrow().present(s)).isFalse();
  }

  @Test
  void swarmColumnMatchesTheSchemas() {
    assertThat(ComposeKeys.SERVICE.named("oom_score_adj").orElseThrow().swarm())
        .isEqualTo(ComposeKeys.Swarm.since(13));
    assertThat(ComposeKeys.SERVICE.named("image").orElseThrow().swarm().supported()).isTrue();
    assertThat(ComposeKeys.SERVICE.named("pull_policy").orElseThrow().swarm().supported())
        .isFalse();
    assertThat(
            SwarmFormat.unsupported(
                Stack.builder()
                    .putService("web", Service.builder().image("nginx").scale(2).build())
                    .build()))
        .containsExactly(new SwarmFormat.Unsupported("services.web.scale", "use deploy.replicas"));
  }
}
