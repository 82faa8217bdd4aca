package io.compose4j.dsl;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Cpus;
import io.compose4j.model.Stack;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The entry point of the DSL: builds stacks whose nesting mirrors the YAML.
 *
 * <pre>{@code
 * Stack stack = Compose.stack("shop", s -> {
 *     var backend = s.network("backend", n -> n.overlay().attachable(true));
 *     var dbPassword = s.externalSecret("db_password");
 *     s.service("api", api -> api
 *         .image("registry.example.com/shop/api:1.4.2")
 *         .network(backend)
 *         .secret(dbPassword)
 *         .deploy(d -> d.replicas(3)
 *             .placement(p -> p.constraint(node.role().eq(WORKER)))
 *             .resources(r -> r.limits(cpus("0.5"), mib(512)))));
 * });
 * }</pre>
 *
 * <p>Import {@code Compose.*} and {@code Placements.*} statically for the helpers.
 */
public final class Compose {
  private Compose() {}

  /**
   * The hash that {@link StackDsl#hashedSecret(String, String)} and {@link
   * StackDsl#hashedConfig(String, String)} put in names inside {@link #withPlaceholderHashes}:
   * {@code db_password_placeholder}.
   */
  public static final String PLACEHOLDER_HASH = "placeholder";

  private static final ThreadLocal<Boolean> PLACEHOLDER_HASHES =
      ThreadLocal.withInitial(() -> false);

  /**
   * Runs {@code build} (typically a call of the method that builds a production stack) in test mode
   * for hashed secrets and configs: on this thread, {@code hashedSecret} and {@code hashedConfig}
   * read no file and name the object {@code <key>_placeholder}, so a unit test or a golden file
   * needs neither the real secret nor a change when it rotates. Outside this call, a missing file
   * is an error, never a silent fallback.
   *
   * <pre>{@code
   * Stack stack = Compose.withPlaceholderHashes(CloudmartProd::stack);
   * }</pre>
   */
  public static <T> T withPlaceholderHashes(Supplier<T> build) {
    boolean before = PLACEHOLDER_HASHES.get();
    PLACEHOLDER_HASHES.set(true);
    try {
      return build.get();
    } finally {
      PLACEHOLDER_HASHES.set(before);
    }
  }

  static boolean placeholderHashes() {
    return PLACEHOLDER_HASHES.get();
  }

  /** Builds a stack: the body declares resources and services on a {@link StackDsl}. */
  public static Stack stack(String name, Consumer<StackDsl> body) {
    Objects.requireNonNull(name, "name");
    StackDsl dsl = new StackDsl(name, null);
    body.accept(dsl);
    return dsl.build();
  }

  /**
   * Returns a changed copy of a stack: the body sees the stack's declarations (look handles up with
   * {@link StackDsl#networkRef} and friends), {@link StackDsl#service} patches an existing service
   * (a name the stack does not have throws, listing the services it has) and {@link
   * StackDsl#addService} adds a new one.
   */
  public static Stack patch(Stack stack, Consumer<StackDsl> body) {
    StackDsl dsl = new StackDsl(stack.name().orElse(""), stack);
    body.accept(dsl);
    Stack result = dsl.build();
    return stack.name().isPresent() ? result : result.toBuilder().name(Optional.empty()).build();
  }

  /** Returns a number of CPUs ({@code cpus("0.5")}). */
  public static Cpus cpus(String cpus) {
    return Cpus.parse(cpus);
  }

  /** Returns a size in mebibytes ({@code mib(512)} is {@code 512M}). */
  public static ByteSize mib(long n) {
    return ByteSize.mib(n);
  }

  /** Returns a size in gibibytes ({@code gib(4)} is {@code 4G}). */
  public static ByteSize gib(long n) {
    return ByteSize.gib(n);
  }

  /** Returns a duration in seconds. */
  public static Duration seconds(long n) {
    return Duration.ofSeconds(n);
  }

  /** Returns a duration in minutes. */
  public static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }

  /** Returns a duration in milliseconds. */
  public static Duration millis(long n) {
    return Duration.ofMillis(n);
  }
}
