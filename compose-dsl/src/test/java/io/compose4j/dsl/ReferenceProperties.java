package io.compose4j.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.dsl.References.Reference;
import io.compose4j.model.Stack;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random DSL programs (declare some resources, then services that use random handles) always build
 * stacks in which every reference resolves: the walk over all references finds none dangling.
 */
class ReferenceProperties {
  /**
   * One step of a random program: declare something, or a service using handles chosen by index.
   */
  record Step(int kind, int a, int b, int c) {}

  @Provide
  Arbitrary<List<Step>> programs() {
    return Arbitraries.integers()
        .between(0, 6)
        .flatMap(
            kind ->
                Arbitraries.integers()
                    .between(0, 50)
                    .flatMap(
                        a ->
                            Arbitraries.integers()
                                .between(0, 50)
                                .flatMap(
                                    b ->
                                        Arbitraries.integers()
                                            .between(0, 50)
                                            .map(c -> new Step(kind, a, b, c)))))
        .list()
        .ofMaxSize(25);
  }

  @Property(tries = 500)
  void everyReferenceOfADslBuiltStackResolves(@ForAll("programs") List<Step> program) {
    // what the program refers to, by the names it declared (not read back from the handles)
    List<Reference> expected = new ArrayList<>();
    Stack stack =
        Compose.stack(
            "random",
            s -> {
              List<NetworkRef> networks = new ArrayList<>();
              List<String> networkNames = new ArrayList<>();
              List<VolumeRef> volumes = new ArrayList<>();
              List<String> volumeNames = new ArrayList<>();
              List<SecretRef> secrets = new ArrayList<>();
              List<String> secretNames = new ArrayList<>();
              List<ConfigRef> configs = new ArrayList<>();
              List<String> configNames = new ArrayList<>();
              List<ServiceRef> services = new ArrayList<>();
              List<String> serviceNames = new ArrayList<>();
              int n = 0;
              for (Step step : program) {
                n++;
                switch (step.kind()) {
                  case 0 -> {
                    String name = (step.a() % 2 == 0 ? "net" : "ext-net") + n;
                    networks.add(step.a() % 2 == 0 ? s.network(name) : s.externalNetwork(name));
                    networkNames.add(name);
                  }
                  case 1 -> {
                    volumes.add(s.volume("vol" + n));
                    volumeNames.add("vol" + n);
                  }
                  case 2 -> {
                    secrets.add(
                        step.a() % 2 == 0
                            ? s.externalSecret("sec" + n)
                            : s.secret("sec" + n, x -> x.file("./s")));
                    secretNames.add("sec" + n);
                  }
                  case 3 -> {
                    configs.add(s.config("cfg" + n, x -> x.file("./c")));
                    configNames.add("cfg" + n);
                  }
                  default -> {
                    String name =
                        "svc" + n; // a service is declared once (declaring it twice throws)
                    services.add(
                        s.service(
                            name,
                            svc -> {
                              svc.image("alpine:3.20");
                              if (!networks.isEmpty()) {
                                svc.network(networks.get(step.b() % networks.size()));
                                expected.add(
                                    new Reference(
                                        name,
                                        "network",
                                        networkNames.get(step.b() % networks.size())));
                              }
                              if (!volumes.isEmpty()) {
                                svc.volume(
                                    volumes.get(step.c() % volumes.size()), "/data" + step.c());
                                expected.add(
                                    new Reference(
                                        name,
                                        "volume",
                                        volumeNames.get(step.c() % volumes.size())));
                              }
                              if (!secrets.isEmpty()) {
                                svc.secret(secrets.get(step.b() % secrets.size()));
                                expected.add(
                                    new Reference(
                                        name,
                                        "secret",
                                        secretNames.get(step.b() % secrets.size())));
                              }
                              if (!configs.isEmpty()) {
                                svc.config(
                                    configs.get(step.c() % configs.size()), "/etc/c" + step.b());
                                expected.add(
                                    new Reference(
                                        name,
                                        "config",
                                        configNames.get(step.c() % configs.size())));
                              }
                              if (!services.isEmpty()) {
                                svc.dependsOn(services.get(step.b() % services.size()));
                                expected.add(
                                    new Reference(
                                        name,
                                        "service",
                                        serviceNames.get(step.b() % services.size())));
                              }
                            }));
                    serviceNames.add(name);
                  }
                }
              }
            });
    assertThat(References.dangling(stack)).isEmpty();
    // and the walk sees exactly what the program wrote: a reference lost on the way would not
    // dangle
    assertThat(References.of(stack)).containsExactlyInAnyOrderElementsOf(expected);
  }
}
