package io.compose4j.yaml;

import io.compose4j.model.Config;
import io.compose4j.model.DependsOn;
import io.compose4j.model.Deploy;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.EnvFile;
import io.compose4j.model.Resource;
import io.compose4j.model.Resources;
import io.compose4j.model.Secret;
import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import io.compose4j.yaml.read.ProjectLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lowers a Compose project into a stack {@code docker stack deploy} accepts ({@code compose4j
 * convert --to swarm}). What has a Swarm equivalent is rewritten into it; what has none is dropped
 * with a diagnostic naming it — never silently:
 *
 * <ul>
 *   <li>a service that is only built gets the image name Compose gives it ({@code
 *       <project>-<service>}), to build and push before the deploy (warning);
 *   <li>{@code scale} becomes {@code deploy.replicas}; {@code mem_limit}, {@code cpus} and {@code
 *       mem_reservation} become {@code deploy.resources} (info);
 *   <li>{@code depends_on} conditions, {@code required} and {@code restart} are dropped, the
 *       dependency list stays (warning: Swarm starts services in any order);
 *   <li>secrets and configs taken from an environment variable or inline {@code content} become
 *       external, to be created before the deploy (warning, with the command);
 *   <li>an optional {@code env_file} that does not exist is left out (info);
 *   <li>the top-level {@code name} and service {@code profiles}, already applied by the loader, are
 *       removed (info);
 *   <li>services run by a Compose {@code provider} (not containers) are left out, and the
 *       dependencies on them (warning);
 *   <li>every other key the 3.x format does not have is left out by the Swarm writer (warning
 *       {@code swarm-unsupported-key}).
 * </ul>
 */
public final class SwarmConverter {
  /** A converted stack and what the conversion changed or left out. */
  public record Result(Stack stack, String yaml, List<Diagnostic> diagnostics) {}

  private final Path baseDir;
  private final Path outputDir;

  private SwarmConverter(Path baseDir, Path outputDir) {
    this.baseDir = baseDir;
    this.outputDir = outputDir;
  }

  /**
   * A converter; relative {@code env_file} paths are checked against {@code baseDir} (the project
   * folder).
   */
  public static SwarmConverter create(Path baseDir) {
    return new SwarmConverter(baseDir, null);
  }

  /**
   * Writes relative paths ({@code env_file}, secret and config files, bind sources) relative to the
   * folder the stack file will be written to, which Docker resolves them against, instead of the
   * project folder.
   */
  public SwarmConverter writtenTo(Path dir) {
    return new SwarmConverter(baseDir, dir);
  }

  private String moved(String path) {
    if (outputDir == null
        || baseDir == null
        || Path.of(path).isAbsolute()
        || path.startsWith("~")) {
      return path;
    }
    return ProjectLoader.relative(baseDir.resolve(path), outputDir);
  }

  /** Lowers the stack and writes it as Swarm stack YAML. */
  public Result convert(Stack stack) {
    List<Diagnostic> out = new ArrayList<>();
    Stack.Builder b = stack.toBuilder();
    if (stack.name().isPresent()) {
      out.add(
          Diagnostic.info(
              "convert-name",
              "name",
              "the project name "
                  + stack.name().get()
                  + " is not part of a stack file; it is the stack name given to docker stack deploy",
              "docker stack deploy -c <file> " + stack.name().get()));
      b.name(Optional.empty());
    }
    Map<String, Service> services = new LinkedHashMap<>();
    Set<String> providers = new HashSet<>();
    stack
        .services()
        .forEach(
            (name, s) -> {
              if (s.provider().isPresent()) {
                providers.add(name);
                out.add(
                    Diagnostic.warning(
                        "convert-provider",
                        "services." + name,
                        "service "
                            + name
                            + " is run by the Compose "
                            + "provider "
                            + s.provider().get().type()
                            + ", not as a container; Swarm cannot run it and it is left out",
                        "run it outside the stack and give its address to the services that use it"));
              }
            });
    stack
        .services()
        .forEach(
            (name, s) -> {
              if (!providers.contains(name)) {
                Service lowered = service(name, s, out, projectName(stack, baseDir));
                if (lowered.dependsOn().stream().anyMatch(d -> providers.contains(d.service()))) {
                  lowered =
                      lowered.toBuilder()
                          .dependsOn(
                              lowered.dependsOn().stream()
                                  .filter(d -> !providers.contains(d.service()))
                                  .toList())
                          .build();
                }
                services.put(name, lowered);
              }
            });
    b.services(services);
    Map<String, Secret> secrets = new LinkedHashMap<>();
    stack
        .secrets()
        .forEach(
            (key, secret) -> {
              if (secret.environment().isPresent()) {
                String name = secret.name().orElse(key);
                out.add(
                    Diagnostic.warning(
                        "convert-external",
                        "secrets." + key,
                        "secret "
                            + key
                            + " comes from the variable "
                            + secret.environment().get()
                            + ", which a stack file cannot express; it becomes external "
                            + name,
                        "create it before deploying: printf '%s' \"$"
                            + secret.environment().get()
                            + "\" | docker secret create "
                            + name
                            + " -"));
                secret = Secret.builder().name(name).external(true).build();
              } else if (secret.file().isPresent()) {
                secret = secret.toBuilder().file(moved(secret.file().get())).build();
              }
              secrets.put(key, secret);
            });
    b.secrets(secrets);
    Map<String, Config> configs = new LinkedHashMap<>();
    stack
        .configs()
        .forEach(
            (key, config) -> {
              if (config.environment().isPresent() || config.content().isPresent()) {
                String name = config.name().orElse(key);
                String from =
                    config.environment().map(v -> "the variable " + v).orElse("inline content");
                out.add(
                    Diagnostic.warning(
                        "convert-external",
                        "configs." + key,
                        "config "
                            + key
                            + " comes from "
                            + from
                            + ", which a stack file cannot express; it becomes external "
                            + name,
                        "create it before deploying: docker config create " + name + " FILE"));
                config = Config.builder().name(name).external(true).build();
              } else if (config.file().isPresent()) {
                config = config.toBuilder().file(moved(config.file().get())).build();
              }
              configs.put(key, config);
            });
    b.configs(configs);
    Stack lowered = b.build();
    WriteResult written = ComposeWriter.forTarget(Target.SWARM).render(lowered);
    out.addAll(written.warnings());
    return new Result(lowered, written.yaml(), out);
  }

  /**
   * Moves a service-level setting ({@code mem_limit}) into its deploy equivalent unless that is set
   * already; returns whether it was moved. Either way the diagnostic says what happened.
   */
  private static <T> boolean lower(
      Optional<T> value,
      Optional<T> deployValue,
      Consumer<T> set,
      String service,
      String key,
      String deployKey,
      List<Diagnostic> out) {
    if (value.isEmpty()) {
      return false;
    }
    if (deployValue.isPresent()) {
      out.add(
          Diagnostic.warning(
              "convert-resources",
              service + "." + key,
              key + " is left out; " + deployKey + " decides",
              "remove " + key));
      return false;
    }
    set.accept(value.get());
    out.add(
        Diagnostic.info(
            "convert-resources", service + "." + key, key + " becomes " + deployKey, ""));
    return true;
  }

  private static boolean isEmpty(Resource r) {
    return r.cpus().isEmpty()
        && r.memory().isEmpty()
        && r.genericResources().isEmpty()
        && r.devices().isEmpty();
  }

  /**
   * The project name Compose uses for image names: the {@code name}, else the project folder's
   * name.
   */
  private static String projectName(Stack stack, Path baseDir) {
    String raw =
        stack
            .name()
            .orElse(
                baseDir == null || baseDir.getFileName() == null
                    ? "project"
                    : baseDir.toAbsolutePath().normalize().getFileName().toString());
    String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    return name.isEmpty() ? "project" : name;
  }

  private Service service(String name, Service s, List<Diagnostic> out, String project) {
    String p = "services." + name;
    Service.Builder b = s.toBuilder();
    if (s.image().isEmpty() && s.build().isPresent()) {
      String image = project + "-" + name;
      b.image(image);
      out.add(
          Diagnostic.warning(
              "convert-image",
              p + ".build",
              "service "
                  + name
                  + " is built, not pulled; Swarm does "
                  + "not build images, so the stack uses "
                  + image
                  + ", the name Compose gives the built image",
              "build and push it before deploying: docker compose build "
                  + name
                  + " && docker push "
                  + image
                  + " (or set image: to your registry's name)"));
    }
    if (!s.profiles().isEmpty()) {
      out.add(
          Diagnostic.info(
              "convert-profiles",
              p + ".profiles",
              "profiles " + s.profiles() + " were applied while loading; the key is removed",
              ""));
      b.profiles(List.of());
    }
    Deploy deploy = s.deploy().orElse(null);
    Deploy.Builder d = deploy == null ? Deploy.builder() : deploy.toBuilder();
    boolean deployChanged = false;
    if (s.scale().isPresent()) {
      if (deploy == null || deploy.replicas().isEmpty()) {
        d.replicas(s.scale().getAsInt());
        deployChanged = true;
        out.add(
            Diagnostic.info(
                "convert-scale",
                p + ".scale",
                "scale: " + s.scale().getAsInt() + " becomes deploy.replicas",
                ""));
      } else {
        out.add(
            Diagnostic.warning(
                "convert-scale",
                p + ".scale",
                "scale: "
                    + s.scale().getAsInt()
                    + " is left out; deploy.replicas ("
                    + deploy.replicas().getAsLong()
                    + ") decides",
                "remove scale"));
      }
      b.scale(OptionalInt.empty());
    }
    Resources resources = deploy == null ? null : deploy.resources().orElse(null);
    Resource limits = resources == null ? null : resources.limits().orElse(null);
    Resource reservations = resources == null ? null : resources.reservations().orElse(null);
    Resource.Builder lim = limits == null ? Resource.builder() : limits.toBuilder();
    Resource.Builder res = reservations == null ? Resource.builder() : reservations.toBuilder();
    boolean resourcesChanged =
        lower(
            s.memLimit(),
            limits == null ? Optional.empty() : limits.memory(),
            lim::memory,
            p,
            "mem_limit",
            "deploy.resources.limits.memory",
            out);
    resourcesChanged |=
        lower(
            s.cpus(),
            limits == null ? Optional.empty() : limits.cpus(),
            lim::cpus,
            p,
            "cpus",
            "deploy.resources.limits.cpus",
            out);
    resourcesChanged |=
        lower(
            s.memReservation(),
            reservations == null ? Optional.empty() : reservations.memory(),
            res::memory,
            p,
            "mem_reservation",
            "deploy.resources.reservations.memory",
            out);
    b.memLimit(Optional.empty());
    b.cpus(Optional.empty());
    b.memReservation(Optional.empty());
    if (resourcesChanged) {
      Resources.Builder rb = resources == null ? Resources.builder() : resources.toBuilder();
      Resource l = lim.build();
      Resource r = res.build();
      if (!isEmpty(l)) {
        rb.limits(l);
      }
      if (!isEmpty(r)) {
        rb.reservations(r);
      }
      d.resources(rb.build());
      deployChanged = true;
    }
    if (deployChanged) {
      b.deploy(d.build());
    }
    List<DependsOn> dependsOn = new ArrayList<>();
    for (DependsOn dep : s.dependsOn()) {
      if (!dep.isDefault()) {
        out.add(
            Diagnostic.warning(
                "convert-depends-on",
                p + ".depends_on." + dep.service(),
                "depends_on "
                    + dep.service()
                    + " (condition "
                    + dep.condition()
                    + (dep.required() ? "" : ", required: false")
                    + (dep.restart() ? ", restart: true" : "")
                    + ") is lowered to a plain dependency; Swarm starts services in any order",
                "make " + name + " retry until " + dep.service() + " is ready"));
      }
      dependsOn.add(DependsOn.on(dep.service()));
    }
    b.dependsOn(dependsOn);
    List<EnvFile> envFiles = new ArrayList<>();
    for (int i = 0; i < s.envFile().size(); i++) {
      EnvFile f = s.envFile().get(i);
      boolean optional = !f.required().orElse(true);
      if (optional && baseDir != null && !Files.isRegularFile(baseDir.resolve(f.path()))) {
        out.add(
            Diagnostic.info(
                "convert-env-file",
                p + ".env_file[" + i + "]",
                "the optional env_file " + f.path() + " does not exist and is left out",
                ""));
        continue;
      }
      envFiles.add(
          optional
              ? EnvFile.builder().path(moved(f.path())).build()
              : f.toBuilder().path(moved(f.path())).build());
    }
    b.envFile(envFiles);
    return b.build();
  }
}
