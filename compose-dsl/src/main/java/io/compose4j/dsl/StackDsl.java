package io.compose4j.dsl;

import io.compose4j.model.Config;
import io.compose4j.model.DependsOn;
import io.compose4j.model.Mount;
import io.compose4j.model.Network;
import io.compose4j.model.RawValue;
import io.compose4j.model.Secret;
import io.compose4j.model.Service;
import io.compose4j.model.ServiceConfig;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.Stack;
import io.compose4j.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stack being built by {@link Compose#stack}. Declaring a network, volume, secret, config or
 * service returns a handle; services refer to the others only through handles, so every reference
 * in the built stack resolves. Declaring the same key twice is an error, services included; in
 * {@link Compose#patch}, {@link #service} patches an existing service and {@link #addService} adds
 * a new one.
 */
public final class StackDsl {
  private final String name;
  private final Stack.Builder base;
  private final Map<String, ServiceDsl> services = new LinkedHashMap<>();
  private final Map<String, Network> networks = new LinkedHashMap<>();
  private final Map<String, Volume> volumes = new LinkedHashMap<>();
  private final Map<String, Secret> secrets = new LinkedHashMap<>();
  private final Map<String, Config> configs = new LinkedHashMap<>();
  private final Map<String, RawValue> extensions = new LinkedHashMap<>();
  private final Map<String, String> declaredAt = new LinkedHashMap<>();
  private Path baseDir = Path.of("");
  private String version;
  private final boolean patching;

  StackDsl(String name, Stack existing) {
    this.name = name;
    this.base = existing == null ? Stack.builder() : existing.toBuilder();
    this.patching = existing != null;
    if (existing != null) {
      existing.services().forEach((k, v) -> services.put(k, new ServiceDsl(this, k, v)));
      networks.putAll(existing.networks());
      volumes.putAll(existing.volumes());
      secrets.putAll(existing.secrets());
      configs.putAll(existing.configs());
      extensions.putAll(existing.extensions());
      declaredAt.putAll(existing.declaredAt());
      version = existing.version().orElse(null);
    }
  }

  /** Returns the stack name. */
  public String name() {
    return name;
  }

  /**
   * Sets the folder that relative files of hashed secrets and configs are read from (default: the
   * working directory).
   */
  public StackDsl baseDir(Path dir) {
    this.baseDir = dir;
    return this;
  }

  /**
   * Sets the {@code version} to keep in Swarm output (by default the writer picks the lowest that
   * fits).
   */
  public StackDsl version(String version) {
    this.version = version;
    return this;
  }

  /** Sets a top-level {@code x-*} extension key. */
  public StackDsl extension(String key, Object value) {
    if (!key.startsWith("x-")) {
      throw new IllegalArgumentException("extension keys start with x-: " + key);
    }
    extensions.put(key, RawValue.from(value));
    return this;
  }

  private <T> void declare(Map<String, T> map, String kind, String key, T value) {
    if (map.containsKey(key)) {
      throw new IllegalArgumentException("the " + kind + " '" + key + "' is declared twice");
    }
    map.put(key, value);
    recordCaller(kind + "s." + key);
  }

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  /**
   * Records the Java line that called into the DSL to declare {@code path} (the first frame outside
   * it).
   */
  private void recordCaller(String path) {
    WALKER
        .walk(
            frames ->
                frames
                    .filter(
                        f ->
                            f.getDeclaringClass() != StackDsl.class
                                && f.getDeclaringClass() != Compose.class)
                    .findFirst())
        .filter(f -> f.getFileName() != null && f.getLineNumber() > 0)
        .ifPresent(f -> declaredAt.put(path, describe(f)));
  }

  /**
   * Returns {@code com.example.Shop.stack(Shop.java:42)}: clickable in IDE consoles; a lambda named
   * after its method.
   */
  private static String describe(StackWalker.StackFrame f) {
    String method = f.getMethodName();
    if (method.startsWith("lambda$")) {
      int end = method.indexOf('$', 7);
      method = end > 7 ? method.substring(7, end) : method;
    }
    return f.getClassName() + "." + method + "(" + f.getFileName() + ":" + f.getLineNumber() + ")";
  }

  // ------------------------------------------------------------------ networks

  /** Declares a network with default settings ({@code networks.<key>: {}}). */
  public NetworkRef network(String key) {
    return network(key, n -> {});
  }

  /** Declares a network ({@code n -> n.overlay().attachable(true)}). */
  public NetworkRef network(String key, Consumer<Network.Builder> settings) {
    Network.Builder b = Network.builder();
    settings.accept(b);
    declare(networks, "network", key, b.build());
    return new NetworkRef(this, key);
  }

  /** Declares an existing network created outside the stack ({@code external: true}). */
  public NetworkRef externalNetwork(String key) {
    return network(key, n -> n.external(true));
  }

  /** Returns the handle of a network already declared (when patching a stack). */
  public NetworkRef networkRef(String key) {
    requireDeclared(networks, "network", key);
    return new NetworkRef(this, key);
  }

  // ------------------------------------------------------------------ volumes

  /** Declares a named volume with default settings. */
  public VolumeRef volume(String key) {
    return volume(key, v -> {});
  }

  /** Declares a named volume ({@code v -> v.driver("local")}). */
  public VolumeRef volume(String key, Consumer<Volume.Builder> settings) {
    Volume.Builder b = Volume.builder();
    settings.accept(b);
    declare(volumes, "volume", key, b.build());
    return new VolumeRef(this, key);
  }

  /** Declares an existing volume created outside the stack. */
  public VolumeRef externalVolume(String key) {
    return volume(key, v -> v.external(true));
  }

  /** Returns the handle of a volume already declared (when patching a stack). */
  public VolumeRef volumeRef(String key) {
    requireDeclared(volumes, "volume", key);
    return new VolumeRef(this, key);
  }

  // ------------------------------------------------------------------ secrets

  /** Declares a secret ({@code s -> s.file("./db_password.txt")}). */
  public SecretRef secret(String key, Consumer<Secret.Builder> settings) {
    Secret.Builder b = Secret.builder();
    settings.accept(b);
    declare(secrets, "secret", key, b.build());
    return new SecretRef(this, key);
  }

  /** Declares an existing secret created with {@code docker secret create}. */
  public SecretRef externalSecret(String key) {
    return secret(key, s -> s.external(true));
  }

  /**
   * Declares a secret read from a file whose Docker name carries a hash of the content ({@code
   * db_password_3f2a9c81b0de}). Swarm never updates a secret in place, so a changed file gets a new
   * name and {@code docker stack deploy} can roll it out.
   */
  public SecretRef hashedSecret(String key, String file) {
    String hashed = key + "_" + contentHash(file);
    return secret(key, s -> s.file(file).name(hashed));
  }

  /**
   * Declares a secret read from a file whose Docker name carries a hash given here instead of read
   * from the file ({@code db_password_3f2a9c81b0de}): for a build (a CI job, a test) that knows the
   * content's SHA-256 but has no copy of the file. The file is not read.
   *
   * @param sha256 the SHA-256 of the content in hexadecimal, or at least its first 12 digits
   * @throws IllegalArgumentException if {@code sha256} is not 12 to 64 hexadecimal digits
   */
  public SecretRef hashedSecret(String key, String file, String sha256) {
    String hashed = key + "_" + suppliedHash(key, sha256);
    return secret(key, s -> s.file(file).name(hashed));
  }

  /** Returns the handle of a secret already declared (when patching a stack). */
  public SecretRef secretRef(String key) {
    requireDeclared(secrets, "secret", key);
    return new SecretRef(this, key);
  }

  // ------------------------------------------------------------------ configs

  /** Declares a config ({@code c -> c.file("./nginx.conf")}). */
  public ConfigRef config(String key, Consumer<Config.Builder> settings) {
    Config.Builder b = Config.builder();
    settings.accept(b);
    declare(configs, "config", key, b.build());
    return new ConfigRef(this, key);
  }

  /** Declares an existing config created with {@code docker config create}. */
  public ConfigRef externalConfig(String key) {
    return config(key, c -> c.external(true));
  }

  /**
   * Declares a config read from a file whose Docker name carries a hash of the content (see {@link
   * #hashedSecret}).
   */
  public ConfigRef hashedConfig(String key, String file) {
    String hashed = key + "_" + contentHash(file);
    return config(key, c -> c.file(file).name(hashed));
  }

  /**
   * Declares a config whose Docker name carries a hash given here, without reading the file (see
   * {@link #hashedSecret(String, String, String)}).
   */
  public ConfigRef hashedConfig(String key, String file, String sha256) {
    String hashed = key + "_" + suppliedHash(key, sha256);
    return config(key, c -> c.file(file).name(hashed));
  }

  /** Returns the handle of a config already declared (when patching a stack). */
  public ConfigRef configRef(String key) {
    requireDeclared(configs, "config", key);
    return new ConfigRef(this, key);
  }

  // ------------------------------------------------------------------ services

  /**
   * Declares the service {@code name} in a new stack, or patches the existing service of that name
   * in {@link Compose#patch} (the patch keeps what the changes do not touch).
   *
   * @throws IllegalArgumentException if a new stack declares the service twice, or if a patch names
   *     a service the stack does not have (the message lists the services it has; add a new service
   *     to a patched stack with {@link #addService})
   */
  public ServiceRef service(String name, Consumer<ServiceDsl> body) {
    ServiceDsl service = services.get(name);
    if (service == null) {
      if (patching) {
        throw new IllegalArgumentException(
            "no service '"
                + name
                + "' to patch; the stack has the services "
                + services.keySet()
                + "; check the name, or add a new service with addService(\""
                + name
                + "\", ...)");
      }
      service = new ServiceDsl(this, name, null);
      services.put(name, service);
      recordCaller("services." + name);
    } else if (!patching) {
      throw new IllegalArgumentException("the service '" + name + "' is declared twice");
    }
    body.accept(service);
    return new ServiceRef(this, name);
  }

  /**
   * Adds a new service {@code name}: the same as {@link #service} in a new stack, and the way to
   * add a service to a stack being patched with {@link Compose#patch}.
   *
   * @throws IllegalArgumentException if the stack already has a service of that name
   */
  public ServiceRef addService(String name, Consumer<ServiceDsl> body) {
    if (services.containsKey(name)) {
      throw new IllegalArgumentException(
          "the service '"
              + name
              + "' is declared twice"
              + (patching
                  ? "; patch the existing service with service(\"" + name + "\", ...)"
                  : ""));
    }
    ServiceDsl service = new ServiceDsl(this, name, null);
    services.put(name, service);
    recordCaller("services." + name);
    body.accept(service);
    return new ServiceRef(this, name);
  }

  /** Returns the handle of a service already declared. */
  public ServiceRef serviceRef(String name) {
    requireDeclared(services, "service", name);
    return new ServiceRef(this, name);
  }

  private static void requireDeclared(Map<String, ?> map, String kind, String key) {
    if (!map.containsKey(key)) {
      throw new IllegalArgumentException(
          "no " + kind + " '" + key + "' is declared; declared: " + map.keySet());
    }
  }

  private static String suppliedHash(String key, String sha256) {
    if (sha256 == null || !sha256.matches("[0-9a-fA-F]{12,64}")) {
      throw new IllegalArgumentException(
          "the hash given for '"
              + key
              + "' is not a SHA-256 in hexadecimal: "
              + (sha256 == null ? "null" : "\"" + sha256 + "\"")
              + "; give at least its first 12 hex digits"
              + " (sha256sum FILE | cut -c1-12)");
    }
    return sha256.substring(0, 12).toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the first 12 hex digits of the SHA-256 of a file's content, or {@link
   * Compose#PLACEHOLDER_HASH} inside {@link Compose#withPlaceholderHashes}.
   */
  String contentHash(String file) {
    if (Compose.placeholderHashes()) {
      return Compose.PLACEHOLDER_HASH;
    }
    Path path = baseDir.resolve(file);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
      return HexFormat.of().formatHex(digest).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read "
              + path.toAbsolutePath()
              + " to hash its content; check the"
              + " path and baseDir, give the hash with hashedSecret/hashedConfig(key, file, sha256), or build the"
              + " stack inside Compose.withPlaceholderHashes(...) in a test",
          e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ build

  Stack build() {
    Map<String, Service> built = new LinkedHashMap<>();
    services.forEach((n, s) -> built.put(n, s.builder.build()));
    built.forEach(this::checkReferences);
    return base.name(name)
        .version(Optional.ofNullable(version))
        .services(built)
        .networks(networks)
        .volumes(volumes)
        .secrets(secrets)
        .configs(configs)
        .extensions(extensions)
        .declaredAt(declaredAt)
        .build();
  }

  /** Checks the references written through {@link ServiceDsl#with}: every one must resolve. */
  private void checkReferences(String service, Service s) {
    for (String network : s.networks().keySet()) {
      if (!networks.containsKey(network) && !network.equals("default")) {
        throw dangling(service, "network", network);
      }
    }
    for (Mount m : s.volumes()) {
      if (m.type().equals("volume")
          && m.source().isPresent()
          && !volumes.containsKey(m.source().get())) {
        throw dangling(service, "volume", m.source().get());
      }
    }
    for (ServiceSecret ref : s.secrets()) {
      if (!secrets.containsKey(ref.source())) {
        throw dangling(service, "secret", ref.source());
      }
    }
    for (ServiceConfig ref : s.configs()) {
      if (!configs.containsKey(ref.source())) {
        throw dangling(service, "config", ref.source());
      }
    }
    for (DependsOn d : s.dependsOn()) {
      if (!services.containsKey(d.service())) {
        throw dangling(service, "service", d.service());
      }
    }
    s.credentialSpec()
        .flatMap(c -> c.config())
        .filter(c -> !configs.containsKey(c))
        .ifPresent(
            c -> {
              throw dangling(service, "config", c);
            });
  }

  private static IllegalStateException dangling(String service, String kind, String key) {
    return new IllegalStateException(
        "service '"
            + service
            + "' refers to the "
            + kind
            + " '"
            + key
            + "' that the stack does not declare; declare it on the stack and use the handle it returns");
  }
}
