package io.compose4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
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

  static Stream<Arguments> nestedTables() {
    return Stream.of(
        Arguments.of(Stack.class, NestedKeys.STACK, List.of("declaredAt")),
        Arguments.of(Include.class, NestedKeys.INCLUDE, List.of()),
        Arguments.of(Build.class, NestedKeys.BUILD, List.of()),
        Arguments.of(Healthcheck.class, NestedKeys.HEALTHCHECK, List.of()),
        Arguments.of(Logging.class, NestedKeys.LOGGING, List.of()),
        Arguments.of(CredentialSpec.class, NestedKeys.CREDENTIAL_SPEC, List.of()),
        Arguments.of(Extends.class, NestedKeys.EXTENDS, List.of()),
        Arguments.of(EnvFile.class, NestedKeys.ENV_FILE, List.of()),
        // the service a dependency names is its key in depends_on, not a key of its own
        Arguments.of(DependsOn.class, NestedKeys.DEPENDS_ON, List.of("service")),
        Arguments.of(Device.class, NestedKeys.DEVICE, List.of()),
        // a single number is the short form of a limit
        Arguments.of(Ulimit.class, NestedKeys.ULIMIT, List.of("single")),
        Arguments.of(ServiceNetwork.class, NestedKeys.SERVICE_NETWORK, List.of()),
        Arguments.of(PortMapping.class, NestedKeys.PORT, List.of()),
        Arguments.of(Mount.class, NestedKeys.MOUNT, List.of()),
        Arguments.of(MountBind.class, NestedKeys.MOUNT_BIND, List.of()),
        Arguments.of(MountVolume.class, NestedKeys.MOUNT_VOLUME, List.of()),
        Arguments.of(MountTmpfs.class, NestedKeys.MOUNT_TMPFS, List.of()),
        Arguments.of(MountImage.class, NestedKeys.MOUNT_IMAGE, List.of()),
        Arguments.of(ServiceSecret.class, NestedKeys.SERVICE_SECRET, List.of()),
        Arguments.of(ServiceConfig.class, NestedKeys.SERVICE_CONFIG, List.of()),
        Arguments.of(UpdateConfig.class, NestedKeys.UPDATE_CONFIG, List.of()),
        Arguments.of(RollbackConfig.class, NestedKeys.ROLLBACK_CONFIG, List.of()),
        Arguments.of(RestartPolicy.class, NestedKeys.RESTART_POLICY, List.of()),
        Arguments.of(Placement.class, NestedKeys.PLACEMENT, List.of()),
        Arguments.of(PlacementPreference.class, NestedKeys.PLACEMENT_PREFERENCE, List.of()),
        Arguments.of(Resources.class, NestedKeys.RESOURCES, List.of()),
        Arguments.of(Resource.class, NestedKeys.LIMITS, List.of()),
        Arguments.of(Resource.class, NestedKeys.RESERVATIONS, List.of()),
        Arguments.of(GenericResource.class, NestedKeys.DISCRETE_RESOURCE_SPEC, List.of()),
        Arguments.of(DeviceRequest.class, NestedKeys.DEVICE_REQUEST, List.of()),
        Arguments.of(Ipam.class, NestedKeys.IPAM, List.of()),
        Arguments.of(IpamConfig.class, NestedKeys.IPAM_CONFIG, List.of()),
        Arguments.of(BlkioConfig.class, NestedKeys.BLKIO_CONFIG, List.of()),
        Arguments.of(BlkioWeight.class, NestedKeys.BLKIO_WEIGHT, List.of()),
        Arguments.of(BlkioLimit.class, NestedKeys.BLKIO_LIMIT, List.of()),
        Arguments.of(Provider.class, NestedKeys.PROVIDER, List.of()),
        Arguments.of(ServiceModel.class, NestedKeys.SERVICE_MODEL, List.of()),
        Arguments.of(Model.class, NestedKeys.MODEL, List.of()),
        Arguments.of(Develop.class, NestedKeys.DEVELOP, List.of()),
        Arguments.of(WatchRule.class, NestedKeys.WATCH_RULE, List.of()),
        Arguments.of(ServiceHook.class, NestedKeys.HOOK, List.of()));
  }

  /**
   * Every accessor the model requires a value for (its abstract methods) has a row, and every row
   * names an accessor of the type (for {@link DependsOn}: a default method).
   */
  @ParameterizedTest(name = "{1}")
  @MethodSource("nestedTables")
  void everyAccessorOfANestedObjectHasExactlyOneRow(
      Class<?> type, ComposeKeys.Table<?, ?> table, List<String> notKeys) {
    List<String> accessors =
        Arrays.stream(type.getDeclaredMethods())
            .filter(m -> Modifier.isAbstract(m.getModifiers()) && m.getParameterCount() == 0)
            .map(Method::getName)
            .filter(n -> !n.equals("extensions") && !notKeys.contains(n))
            .sorted()
            .toList();
    List<String> rows = table.names().stream().map(ComposeKeysTest::accessor).sorted().toList();
    List<String> methods =
        Arrays.stream(type.getDeclaredMethods())
            .filter(m -> m.getParameterCount() == 0)
            .map(Method::getName)
            .toList();
    assertThat(rows).doesNotHaveDuplicates().containsAll(accessors);
    assertThat(methods).containsAll(rows);
    assertThat(table.canonicalOrder().stream().map(k -> k.name()).sorted().toList())
        .isEqualTo(table.names().stream().sorted().toList());
  }

  @Test
  void theCanonicalOrderIsTheOrderOfTheRowsAndTheReaderMayKeepItsOwn() {
    assertThat(NestedKeys.HEALTHCHECK.canonicalOrder().stream().map(k -> k.name()).toList())
        .startsWith("test", "interval", "timeout", "retries");
    assertThat(NestedKeys.HEALTHCHECK.names())
        .isEqualTo(NestedKeys.HEALTHCHECK.canonicalOrder().stream().map(k -> k.name()).toList());
    // service networks are written with driver_opts after the addresses, and read as before
    assertThat(NestedKeys.SERVICE_NETWORK.canonicalOrder().get(3).name()).isEqualTo("driver_opts");
    assertThat(NestedKeys.SERVICE_NETWORK.names().get(5)).isEqualTo("driver_opts");
    List<String> byName = ComposeKeys.SERVICE.names();
    assertThat(byName.subList(0, byName.indexOf("labels"))).isSorted();
    assertThat(byName.subList(byName.indexOf("labels"), byName.indexOf("labels") + 2))
        .containsExactly("labels", "label_file");
    assertThat(byName.subList(byName.indexOf("label_file") + 1, byName.size())).isSorted();
  }

  @Test
  void aRequiredValueIsAlwaysPresent() {
    ComposeKeys.Key<Extends, Extends.Builder, ?> service =
        NestedKeys.EXTENDS.named("service").orElseThrow();
    ComposeKeys.Key<Extends, Extends.Builder, ?> file =
        NestedKeys.EXTENDS.named("file").orElseThrow();
    Extends e = Extends.builder().service("base").build();
    assertThat(service.present(e)).isTrue();
    assertThat(file.present(e)).isFalse();
  }

  @Test
  void theNestedSwarmColumnsAreWhatSwarmFormatReports() {
    Service s =
        Service.builder()
            .image("nginx")
            .healthcheck(
                Healthcheck.builder()
                    .addTest("CMD", "true")
                    .startInterval(java.time.Duration.ofSeconds(1))
                    .build())
            .putNetwork("front", ServiceNetwork.builder().macAddress("02:42:ac:11:00:02").build())
            .build();
    Stack stack = Stack.builder().putService("web", s).build();
    assertThat(SwarmFormat.requirements(stack))
        .containsExactly(
            new SwarmFormat.Requirement("services.web.healthcheck.start_interval", 12));
    assertThat(SwarmFormat.unsupported(stack))
        .containsExactly(
            new SwarmFormat.Unsupported(
                "services.web.networks.front.mac_address", ComposeKeys.COMPOSE_ONLY.hint()));
  }

  /** Every table of {@link ComposeKeys} and {@link NestedKeys}, with the model type of its rows. */
  static Stream<Arguments> everyTable() throws IllegalAccessException {
    List<Arguments> all = new ArrayList<>();
    for (Class<?> holder : List.of(ComposeKeys.class, NestedKeys.class)) {
      for (Field f : holder.getDeclaredFields()) {
        if (f.getType() == ComposeKeys.Table.class && Modifier.isStatic(f.getModifiers())) {
          ParameterizedType t = (ParameterizedType) f.getGenericType();
          all.add(
              Arguments.of(
                  holder.getSimpleName() + "." + f.getName(),
                  t.getActualTypeArguments()[0],
                  f.get(null)));
        }
      }
    }
    return all.stream();
  }

  /**
   * A row's {@code get} calls the model accessor its YAML name stands for, and its {@code set} has
   * a case in its type's switch: a missing case throws {@link IllegalStateException} (the switch's
   * default), a present one calls the builder (here {@code null}: a {@link NullPointerException}).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyTable")
  void everyRowReadsItsOwnAccessorAndHasASetter(
      String field, Class<?> type, ComposeKeys.Table<Object, Object> table) {
    List<String> called = new ArrayList<>();
    Object recorder =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              called.add(method.getName());
              Class<?> r = method.getReturnType();
              // a primitive's zero (a proxy may not return null for it)
              return r.isPrimitive() ? Array.get(Array.newInstance(r, 1), 0) : null;
            });
    assertThat(table.canonicalOrder()).as(field).isNotEmpty();
    for (ComposeKeys.Key<Object, Object, ?> key : table.canonicalOrder()) {
      called.clear();
      key.value(recorder);
      assertThat(called).as(field + " " + key.name()).containsExactly(accessor(key.name()));
      assertThatThrownBy(() -> key.assign(null, null))
          .as(field + " " + key.name())
          .isInstanceOf(NullPointerException.class);
    }
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
