package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Constraint;
import io.compose4j.model.Cpus;
import io.compose4j.model.DependsOn;
import io.compose4j.model.Deploy;
import io.compose4j.model.FileMode;
import io.compose4j.model.Healthcheck;
import io.compose4j.model.Mount;
import io.compose4j.model.MountBind;
import io.compose4j.model.MountTmpfs;
import io.compose4j.model.MountVolume;
import io.compose4j.model.Network;
import io.compose4j.model.Placement;
import io.compose4j.model.PlacementPreference;
import io.compose4j.model.PortMapping;
import io.compose4j.model.RawValue;
import io.compose4j.model.Resource;
import io.compose4j.model.Resources;
import io.compose4j.model.RestartPolicy;
import io.compose4j.model.Secret;
import io.compose4j.model.Service;
import io.compose4j.model.ServiceNetwork;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.model.Ulimit;
import io.compose4j.model.UpdateConfig;
import io.compose4j.model.Volume;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the canonical writer over random models: {@code read(write(m)).equals(m)} for both
 * targets (the Swarm target with Swarm-expressible models), {@code write} does not depend on the
 * order a model was built in, and writing is idempotent.
 */
class RoundTripProperties {
  private static final List<String> NASTY =
      List.of(
          "",
          "yes",
          "no",
          "on",
          "off",
          "y",
          "n",
          "Y",
          "N",
          "null",
          "Null",
          "~",
          "true",
          "False",
          "1e5",
          "0755",
          "0x1F",
          "0o17",
          "12:30",
          "8080:80",
          "2024-01-31",
          "2001-12-14 21:59:43.10",
          ".inf",
          "-.inf",
          ".nan",
          "-",
          "- x",
          " lead",
          "trail ",
          "a: b",
          "a #b",
          "#x",
          "$x",
          "$$",
          "${X}",
          "$${X}",
          "'q'",
          "\"q\"",
          "multi\nline",
          "multi\nline\n",
          "ends\n\n",
          "\ttab",
          "Grüße ✓ 世界",
          "<<",
          "=",
          "@at",
          "%p",
          "!bang",
          "&amp",
          "*star",
          "|pipe",
          ">gt",
          "[x]",
          "{x}",
          ",c",
          "?q",
          ":c",
          "c:",
          "1.0",
          "+1",
          "-1",
          "0",
          "007",
          "1_000",
          "a\\b",
          "back\\slash",
          "emoji 😀",
          "nul\u0001ctl",
          "line\u2028sep",
          "x".repeat(200));

  private static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.of(NASTY),
        Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30),
        Arbitraries.strings().withChars("abc $:#-'\"\n\tü✓{}[]").ofMaxLength(12));
  }

  private static Arbitrary<String> keys() {
    return strings().filter(s -> !s.isEmpty());
  }

  private static Arbitrary<String> names() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withChars("0123456789_.-")
        .ofMinLength(1)
        .ofMaxLength(10)
        .filter(s -> Character.isLetter(s.charAt(0)));
  }

  private static Arbitrary<Duration> durations() {
    return Arbitraries.oneOf(
        Arbitraries.longs()
            .between(-3_600_000_000_000L, 86_400_000_000_000L)
            .map(Duration::ofNanos),
        Arbitraries.longs().between(0, 100_000).map(Duration::ofSeconds),
        Arbitraries.longs().between(0, 100_000).map(Duration::ofMillis));
  }

  private static Arbitrary<ByteSize> sizes() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 1L << 50).map(ByteSize::of),
        Arbitraries.longs().between(0, 4096).map(ByteSize::mib),
        Arbitraries.just(ByteSize.of(-1)));
  }

  private static Arbitrary<Cpus> cpus() {
    return Arbitraries.of("0.5", "2", "2.0", ".25", "0.001", "1e-3", "16", "0.50", "3.14159")
        .map(Cpus::parse);
  }

  private static Arbitrary<RawValue> raw(int depth) {
    List<Arbitrary<RawValue>> leaves =
        List.of(
            strings().map(s -> (RawValue) RawValue.of(s)),
            Arbitraries.longs().map(l -> (RawValue) RawValue.of(l)),
            Arbitraries.doubles().between(-1e12, 1e12).map(d -> (RawValue) new RawValue.Float(d)),
            Arbitraries.of(true, false).map(b -> (RawValue) RawValue.of(b)),
            Arbitraries.just(RawValue.NULL));
    if (depth <= 0) {
      return Arbitraries.oneOf(leaves);
    }
    List<Arbitrary<RawValue>> all = new ArrayList<>(leaves);
    all.add(raw(depth - 1).list().ofMaxSize(3).map(l -> (RawValue) new RawValue.Seq(l)));
    all.add(
        Arbitraries.maps(keys(), raw(depth - 1))
            .ofMaxSize(3)
            .map(m -> (RawValue) new RawValue.Mapping(m)));
    return Arbitraries.oneOf(all);
  }

  private static Arbitrary<Map<String, RawValue>> extensions() {
    return Arbitraries.maps(names().map(n -> "x-" + n), raw(2)).ofMaxSize(2);
  }

  private static <T> Arbitrary<Optional<T>> opt(Arbitrary<T> a) {
    return a.optional(0.5);
  }

  // ------------------------------------------------------------------ swarm-expressible parts

  private static Arbitrary<PortMapping> ports(boolean compose) {
    return Combinators.combine(
            Arbitraries.integers().between(1, 65535),
            opt(Arbitraries.integers().between(1, 65535).map(String::valueOf)),
            opt(Arbitraries.of("tcp", "udp", "sctp")),
            opt(Arbitraries.of("ingress", "host")),
            compose
                ? opt(Arbitraries.of("127.0.0.1", "::1"))
                : Arbitraries.just(Optional.<String>empty()))
        .as(
            (target, published, protocol, mode, hostIp) ->
                PortMapping.builder()
                    .target(target)
                    .published(published)
                    .protocol(protocol)
                    .mode(mode)
                    .hostIp(hostIp)
                    .build());
  }

  private static Arbitrary<Mount> mounts(boolean compose) {
    Arbitrary<Optional<MountBind>> bind =
        opt(
            Combinators.combine(
                    opt(Arbitraries.of("rprivate", "rshared", "slave")),
                    compose
                        ? opt(Arbitraries.of("z", "Z"))
                        : Arbitraries.just(Optional.<String>empty()))
                .as((p, z) -> MountBind.builder().propagation(p).selinux(z).build())
                .filter(b -> b.propagation().isPresent() || b.selinux().isPresent()));
    return Combinators.combine(
            Arbitraries.of("volume", "bind", "tmpfs", "npipe", "cluster"),
            opt(strings()),
            opt(strings()),
            opt(Arbitraries.of(true, false)),
            opt(Arbitraries.of("cached", "delegated")),
            bind,
            opt(Arbitraries.of(true, false).map(b -> MountVolume.builder().nocopy(b).build())),
            opt(
                Arbitraries.longs()
                    .between(0, 1L << 30)
                    .map(l -> MountTmpfs.builder().size(ByteSize.of(l)).build())))
        .as(
            (type, source, target, ro, consistency, b, v, t) ->
                Mount.builder()
                    .type(type)
                    .source(source)
                    .target(target)
                    .readOnly(ro)
                    .consistency(consistency)
                    .bind(b)
                    .volume(v)
                    .tmpfs(t)
                    .build());
  }

  private static Arbitrary<Deploy> deploys() {
    Arbitrary<UpdateConfig> update =
        Combinators.combine(
                opt(Arbitraries.longs().between(0, 100)),
                opt(durations()),
                opt(Arbitraries.of("pause", "continue", "rollback")),
                opt(durations()),
                opt(Arbitraries.doubles().between(0, 1)),
                opt(Arbitraries.of("start-first", "stop-first")))
            .as(
                (p, d, f, m, r, o) ->
                    UpdateConfig.builder()
                        .parallelism(
                            p.map(java.util.OptionalLong::of)
                                .orElse(java.util.OptionalLong.empty()))
                        .delay(d)
                        .failureAction(f)
                        .monitor(m)
                        .maxFailureRatio(r)
                        .order(o)
                        .build());
    Arbitrary<Resource> resource =
        Combinators.combine(opt(cpus()), opt(sizes()), opt(Arbitraries.longs().between(1, 10_000)))
            .as(
                (c, m, p) ->
                    Resource.builder()
                        .cpus(c)
                        .memory(m)
                        .pids(
                            p.map(java.util.OptionalLong::of)
                                .orElse(java.util.OptionalLong.empty()))
                        .build());
    Arbitrary<Placement> placement =
        Combinators.combine(
                strings().map(Constraint::raw).list().ofMaxSize(3),
                strings()
                    .map(s -> PlacementPreference.builder().spread(s).build())
                    .list()
                    .ofMaxSize(2),
                opt(Arbitraries.longs().between(0, 10)))
            .as(
                (c, p, m) ->
                    Placement.builder()
                        .addAllConstraints(c)
                        .addAllPreferences(p)
                        .maxReplicasPerNode(
                            m.map(java.util.OptionalLong::of)
                                .orElse(java.util.OptionalLong.empty()))
                        .build());
    Arbitrary<RestartPolicy> restart =
        Combinators.combine(
                opt(Arbitraries.of("none", "on-failure", "any")),
                opt(durations()),
                opt(Arbitraries.longs().between(0, 10)),
                opt(durations()))
            .as(
                (c, d, m, w) ->
                    RestartPolicy.builder()
                        .condition(c)
                        .delay(d)
                        .maxAttempts(
                            m.map(java.util.OptionalLong::of)
                                .orElse(java.util.OptionalLong.empty()))
                        .window(w)
                        .build());
    return Combinators.combine(
            opt(Arbitraries.of("replicated", "global", "replicated-job", "global-job", "weird")),
            opt(Arbitraries.longs().between(0, 50)),
            Arbitraries.maps(keys(), strings()).ofMaxSize(3),
            opt(update),
            opt(
                Combinators.combine(opt(resource), opt(resource))
                    .as((l, r) -> Resources.builder().limits(l).reservations(r).build())),
            opt(restart),
            opt(placement),
            opt(Arbitraries.of("vip", "dnsrr")))
        .as(
            (mode, replicas, labels, u, res, r, p, ep) ->
                Deploy.builder()
                    .mode(mode)
                    .replicas(
                        replicas
                            .map(java.util.OptionalLong::of)
                            .orElse(java.util.OptionalLong.empty()))
                    .putAllLabels(labels)
                    .updateConfig(u)
                    .resources(res)
                    .restartPolicy(r)
                    .placement(p)
                    .endpointMode(ep)
                    .build());
  }

  private static Arbitrary<Healthcheck> healthchecks() {
    return Combinators.combine(
            strings().list().ofMaxSize(4),
            opt(durations()),
            opt(durations()),
            opt(Arbitraries.longs().between(0, 10)),
            opt(durations()),
            opt(Arbitraries.of(true, false)))
        .as(
            (test, interval, timeout, retries, start, disable) ->
                Healthcheck.builder()
                    .addAllTest(test)
                    .interval(interval)
                    .timeout(timeout)
                    .retries(
                        retries
                            .map(java.util.OptionalLong::of)
                            .orElse(java.util.OptionalLong.empty()))
                    .startPeriod(start)
                    .disable(disable)
                    .build());
  }

  private static Arbitrary<Service> services(boolean compose) {
    Arbitrary<ServiceSecret> secret =
        Combinators.combine(
                names(),
                opt(strings()),
                opt(Arbitraries.integers().between(0, 65535).map(String::valueOf)),
                opt(Arbitraries.integers().between(0, 0777).map(FileMode::of)))
            .as(
                (s, t, uid, mode) ->
                    ServiceSecret.builder().source(s).target(t).uid(uid).mode(mode).build());
    Arbitrary<ServiceNetwork> network =
        Combinators.combine(
                keys().list().ofMaxSize(2), opt(Arbitraries.of("10.0.0.5", "172.16.0.2")))
            .as(
                (aliases, ip) ->
                    ServiceNetwork.builder().addAllAliases(aliases).ipv4Address(ip).build());
    Arbitrary<Ulimit> ulimit =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 1_000_000).map(Ulimit::of),
            Combinators.combine(
                    Arbitraries.longs().between(0, 1000),
                    Arbitraries.longs().between(1000, 100_000))
                .as(Ulimit::of));
    return Combinators.combine(
            opt(strings()),
            opt(strings().list().ofMaxSize(4)),
            Arbitraries.maps(keys(), opt(strings())).ofMaxSize(4),
            Arbitraries.maps(keys(), strings()).ofMaxSize(3),
            ports(compose).list().ofMaxSize(3),
            mounts(compose).list().ofMaxSize(3),
            secret.list().ofMaxSize(2),
            Combinators.combine(
                    opt(healthchecks()),
                    opt(deploys()),
                    Arbitraries.maps(names(), network).ofMaxSize(3),
                    Arbitraries.maps(Arbitraries.of("nofile", "nproc", "core"), ulimit)
                        .ofMaxSize(2),
                    names()
                        .map(DependsOn::on)
                        .list()
                        .uniqueElements(DependsOn::service)
                        .ofMaxSize(3),
                    opt(durations()),
                    strings().list().ofMaxSize(2),
                    extensions())
                .as(List::of))
        .as(
            (image, command, env, labels, ports, mounts, secrets, rest) -> {
              @SuppressWarnings("unchecked")
              Service.Builder b =
                  Service.builder()
                      .image(image)
                      .command(command)
                      .putAllEnvironment(env)
                      .putAllLabels(labels)
                      .addAllPorts(ports)
                      .addAllVolumes(mounts)
                      .addAllSecrets(secrets)
                      .healthcheck((Optional<Healthcheck>) rest.get(0))
                      .deploy((Optional<Deploy>) rest.get(1))
                      .putAllNetworks((Map<String, ServiceNetwork>) rest.get(2))
                      .putAllUlimits((Map<String, Ulimit>) rest.get(3))
                      .addAllDependsOn((List<DependsOn>) rest.get(4))
                      .stopGracePeriod((Optional<Duration>) rest.get(5))
                      .addAllExtraHosts((List<String>) rest.get(6))
                      .putAllExtensions((Map<String, RawValue>) rest.get(7));
              if (compose) {
                b.cpus(Cpus.parse("1.5")).addProfile("debug").pullPolicy("always");
              }
              return b.build();
            });
  }

  @Provide
  Arbitrary<Stack> composeStacks() {
    return stacks(true);
  }

  @Provide
  Arbitrary<Stack> swarmStacks() {
    return stacks(false);
  }

  private static Arbitrary<Stack> stacks(boolean compose) {
    Arbitrary<Network> network =
        Combinators.combine(
                opt(strings()),
                opt(Arbitraries.of("overlay", "bridge")),
                opt(Arbitraries.of(true, false)),
                Arbitraries.maps(keys(), strings()).ofMaxSize(2),
                extensions())
            .as(
                (name, driver, attachable, labels, ext) ->
                    Network.builder()
                        .name(name)
                        .driver(driver)
                        .attachable(attachable)
                        .putAllLabels(labels)
                        .putAllExtensions(ext)
                        .build());
    Arbitrary<Volume> volume =
        Combinators.combine(
                opt(strings()),
                opt(Arbitraries.of(true, false)),
                Arbitraries.maps(keys(), strings()).ofMaxSize(2))
            .as(
                (name, external, opts) ->
                    Volume.builder().name(name).external(external).putAllDriverOpts(opts).build());
    Arbitrary<Secret> secret =
        Combinators.combine(opt(strings()), opt(strings()), opt(Arbitraries.of(true, false)))
            .as(
                (name, file, external) ->
                    Secret.builder().name(name).file(file).external(external).build());
    return Combinators.combine(
            Arbitraries.maps(names(), services(compose)).ofMinSize(1).ofMaxSize(3),
            Arbitraries.maps(names(), network).ofMaxSize(2),
            Arbitraries.maps(names(), volume).ofMaxSize(2),
            Arbitraries.maps(names(), secret).ofMaxSize(2),
            extensions(),
            compose ? opt(names()) : Arbitraries.just(Optional.<String>empty()))
        .as(
            (services, networks, volumes, secrets, ext, name) ->
                Stack.builder()
                    .name(name)
                    .putAllServices(services)
                    .putAllNetworks(networks)
                    .putAllVolumes(volumes)
                    .putAllSecrets(secrets)
                    .putAllExtensions(ext)
                    .build());
  }

  private static Stack read(String yaml) {
    return ComposeReader.create().read(yaml, "roundtrip.yml").stack();
  }

  @Property(tries = 300)
  void composeOutputReadsBackToTheSameModel(@ForAll("composeStacks") Stack stack) {
    String yaml = ComposeWriter.forTarget(Target.COMPOSE).write(stack);
    assertThat(read(yaml)).as("read(write(m)) for%n%s", yaml).isEqualTo(stack);
  }

  @Property(tries = 300)
  void swarmOutputReadsBackToTheSameModel(@ForAll("swarmStacks") Stack stack) {
    WriteResult written = ComposeWriter.forTarget(Target.SWARM).render(stack);
    assertThat(written.warnings()).as("nothing is left out of a Swarm-expressible stack").isEmpty();
    Stack back = read(written.yaml());
    assertThat(back.version()).isPresent();
    assertThat(back.toBuilder().version(Optional.empty()).build())
        .as("read(write(m)) for%n%s", written.yaml())
        .isEqualTo(stack);
  }

  @Property(tries = 200)
  void writingDoesNotDependOnTheOrderTheModelWasBuiltIn(@ForAll("composeStacks") Stack stack) {
    Stack reordered = reversed(stack);
    assertThat(reordered).isEqualTo(stack);
    for (Target target : Target.values()) {
      assertThat(ComposeWriter.forTarget(target).write(reordered))
          .isEqualTo(ComposeWriter.forTarget(target).write(stack));
    }
  }

  @Property(tries = 200)
  void writingIsIdempotent(@ForAll("composeStacks") Stack stack) {
    for (Target target : Target.values()) {
      ComposeWriter writer = ComposeWriter.forTarget(target);
      String once = writer.write(stack);
      assertThat(writer.write(read(once))).isEqualTo(once);
    }
  }

  @Property(tries = 200)
  void theSwarmWriterLeavesOutExactlyWhatTheFormatLacks(@ForAll("composeStacks") Stack stack) {
    WriteResult written = ComposeWriter.forTarget(Target.SWARM).render(stack);
    java.util.Set<String> warned = new java.util.TreeSet<>();
    written.warnings().stream()
        .filter(d -> d.ruleId().equals("swarm-unsupported-key"))
        .forEach(d -> warned.add(d.path()));
    java.util.Set<String> lacking = new java.util.TreeSet<>();
    io.compose4j.model.SwarmFormat.unsupported(stack).forEach(u -> lacking.add(u.path()));
    assertThat(warned).isEqualTo(lacking);
  }

  private static <V> Map<String, V> reverse(Map<String, V> map) {
    List<Map.Entry<String, V>> entries = new ArrayList<>(map.entrySet());
    Collections.reverse(entries);
    Map<String, V> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The same model built with every map filled in reverse order. */
  private static Stack reversed(Stack s) {
    Map<String, Service> services = new LinkedHashMap<>();
    reverse(s.services())
        .forEach(
            (k, v) ->
                services.put(
                    k,
                    v.copy(
                        b ->
                            b.environment(reverse(v.environment()))
                                .labels(reverse(v.labels()))
                                .networks(reverse(v.networks()))
                                .ulimits(reverse(v.ulimits()))
                                .extensions(reverse(v.extensions()))
                                .deploy(
                                    v.deploy()
                                        .map(d -> d.copy(db -> db.labels(reverse(d.labels()))))))));
    return s.copy(
        b ->
            b.services(services)
                .networks(reverse(s.networks()))
                .volumes(reverse(s.volumes()))
                .secrets(reverse(s.secrets()))
                .extensions(reverse(s.extensions())));
  }

  /** The folder under target/ that holds one fresh folder per try of the loader properties. */
  private static final Path LOADER_DIR = Path.of("target", "loader-properties").toAbsolutePath();

  /**
   * A new folder for one try. Never shared between tries: jqwik shrinks with a time limit on
   * another thread, and an abandoned shrink must not overwrite the files of the next property.
   */
  private static Path tempDir() {
    try {
      return java.nio.file.Files.createTempDirectory(
          java.nio.file.Files.createDirectories(LOADER_DIR), "try");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path write(Path dir, String name, String yaml) {
    try {
      return java.nio.file.Files.writeString(dir.resolve(name), yaml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Whether a stack is one Compose itself would load unchanged: every mount has a target, and no
   * list has two entries with the same identity (which Compose collapses into one).
   */
  private static boolean distinctIdentities(Stack stack) {
    for (Service s : stack.services().values()) {
      java.util.Set<String> targets = new java.util.HashSet<>();
      for (Mount m : s.volumes()) {
        if (m.target().filter(t -> !t.isBlank()).isEmpty() || !targets.add(m.target().get())) {
          return false;
        }
      }
      java.util.Set<String> ports = new java.util.HashSet<>();
      for (PortMapping p : s.ports()) {
        // Compose's identity of a port: host IP (0.0.0.0 when absent), published, target, protocol
        // (tcp when absent)
        if (!ports.add(
            p.hostIp().orElse("0.0.0.0")
                + ":"
                + p.published().orElse("")
                + ":"
                + p.target()
                + "/"
                + p.protocol().orElse("tcp"))) {
          return false;
        }
      }
      java.util.Set<String> secrets = new java.util.HashSet<>();
      for (var sec : s.secrets()) {
        String t = sec.target().orElse(sec.source());
        if (!secrets.add(t.startsWith("/") ? t : "/run/secrets/" + t)) {
          return false;
        }
      }
      java.util.List<List<String>> lists =
          new java.util.ArrayList<>(
              List.of(
                  s.dns(),
                  s.dnsSearch(),
                  s.dnsOpt(),
                  s.capAdd(),
                  s.capDrop(),
                  s.profiles(),
                  s.expose(),
                  s.extraHosts(),
                  s.securityOpt(),
                  s.links(),
                  s.tmpfs(),
                  s.groupAdd()));
      // Compose also keeps one network alias and one link-local address of each value
      for (var sn : s.networks().values()) {
        if (sn != null) {
          lists.add(sn.aliases());
          lists.add(sn.linkLocalIps());
        }
      }
      for (List<String> list : lists) {
        if (new java.util.HashSet<>(list).size() != list.size()) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A project of one file loads to what the single-file reader reads (same folder, every profile
   * on).
   */
  @Property(tries = 200)
  void loadingAOneFileProjectEqualsReadingTheFile(@ForAll("composeStacks") Stack stack) {
    net.jqwik.api.Assume.that(distinctIdentities(stack));
    Path dir = tempDir();
    String yaml = ComposeWriter.forTarget(Target.COMPOSE).write(stack);
    Path file = write(dir, "compose.yml", yaml);
    Stack read =
        ComposeReader.create()
            .withEnvironment(java.util.Map.of())
            .withBaseDir(dir)
            .read(file)
            .stack();
    Stack loaded =
        ComposeLoader.create()
            .withEnvironment(java.util.Map.of())
            .withProfiles(java.util.List.of("*"))
            .load(file)
            .stack();
    assertThat(loaded).as("loaded project of%n%s", yaml).isEqualTo(read);
  }

  /** An override file that says nothing changes nothing. */
  @Property(tries = 200)
  void anEmptyOverrideFileChangesNothing(@ForAll("composeStacks") Stack stack) {
    net.jqwik.api.Assume.that(distinctIdentities(stack));
    Path dir = tempDir();
    String yaml = ComposeWriter.forTarget(Target.COMPOSE).write(stack);
    Path file = write(dir, "compose.yml", yaml);
    Path empty = write(dir, "override.yml", "services: {}\n");
    ComposeLoader loader =
        ComposeLoader.create()
            .withEnvironment(java.util.Map.of())
            .withProfiles(java.util.List.of("*"));
    assertThat(loader.load(file, empty).stack())
        .as("%s", yaml)
        .isEqualTo(loader.load(file).stack());
  }

  /**
   * Loading the same file twice keeps every mapping and scalar, and doubles nothing that has an
   * identity.
   */
  @Property(tries = 200)
  void aFileMergedWithItselfKeepsItsServicesImagesPortsAndMounts(
      @ForAll("composeStacks") Stack stack) {
    net.jqwik.api.Assume.that(distinctIdentities(stack));
    Path dir = tempDir();
    String yaml = ComposeWriter.forTarget(Target.COMPOSE).write(stack);
    Path file = write(dir, "compose.yml", yaml);
    ComposeLoader loader =
        ComposeLoader.create()
            .withEnvironment(java.util.Map.of())
            .withProfiles(java.util.List.of("*"));
    Stack once = loader.load(file).stack();
    Stack twice = loader.load(file, file).stack();
    assertThat(twice.services().keySet()).isEqualTo(once.services().keySet());
    once.services()
        .forEach(
            (name, s) -> {
              var t = twice.services().get(name);
              assertThat(t.image()).isEqualTo(s.image());
              assertThat(t.ports()).as("%s ports in%n%s", name, yaml).isEqualTo(s.ports());
              assertThat(t.volumes()).as("%s volumes in%n%s", name, yaml).isEqualTo(s.volumes());
              assertThat(t.environment()).isEqualTo(s.environment());
              assertThat(t.labels()).isEqualTo(s.labels());
              assertThat(t.command()).isEqualTo(s.command());
              assertThat(t.secrets()).isEqualTo(s.secrets());
            });
  }
}
