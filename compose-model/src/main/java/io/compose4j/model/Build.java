package io.compose4j.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * How to build a service image ({@code build}); {@code build: ./dir} is the same as {@code build:
 * {context: ./dir}}. {@code docker stack deploy} ignores it.
 */
@Value.Immutable
public interface Build {
  /** Returns {@code build.context}: the build context: a directory or URL. */
  Optional<String> context();

  /** Returns {@code build.dockerfile}: the Dockerfile, relative to the context. */
  Optional<String> dockerfile();

  /** Returns {@code build.dockerfile_inline}: an inline Dockerfile. */
  Optional<String> dockerfileInline();

  /**
   * Returns {@code build.args}: the build arguments; an empty value is taken from the environment.
   */
  Map<String, Optional<String>> args();

  /** Returns {@code build.ssh}: SSH agent sockets or keys for the build. */
  List<String> ssh();

  /** Returns {@code build.labels}: labels of the built image. */
  Map<String, String> labels();

  /** Returns {@code build.cache_from}: cache sources. */
  List<String> cacheFrom();

  /** Returns {@code build.cache_to}: cache destinations. */
  List<String> cacheTo();

  /** Returns {@code build.no_cache}: whether the cache is disabled. */
  Optional<Boolean> noCache();

  /** Returns {@code build.no_cache_filter}: stages built without cache. */
  List<String> noCacheFilter();

  /** Returns {@code build.additional_contexts}: named additional contexts. */
  Map<String, String> additionalContexts();

  /** Returns {@code build.network}: the network used during the build. */
  Optional<String> network();

  /** Returns {@code build.pull}: whether base images are always pulled. */
  Optional<Boolean> pull();

  /** Returns {@code build.target}: the build stage. */
  Optional<String> target();

  /** Returns {@code build.shm_size}: the size of {@code /dev/shm} during the build. */
  Optional<ByteSize> shmSize();

  /** Returns {@code build.extra_hosts}: extra hosts during the build as {@code host:ip}. */
  List<String> extraHosts();

  /** Returns {@code build.isolation}: the isolation technology of the build. */
  Optional<String> isolation();

  /** Returns {@code build.privileged}: whether the build runs privileged. */
  Optional<Boolean> privileged();

  /** Returns {@code build.secrets}: secrets available to the build. */
  List<ServiceSecret> secrets();

  /** Returns {@code build.tags}: additional tags of the built image. */
  List<String> tags();

  /** Returns {@code build.ulimits}: resource limits of the build. */
  Map<String, Ulimit> ulimits();

  /** Returns {@code build.platforms}: platforms to build for. */
  List<String> platforms();

  /** Returns {@code build.entitlements}: extra privileged entitlements. */
  List<String> entitlements();

  /**
   * Returns {@code build.provenance}: the provenance attestation setting ({@code true}, {@code
   * false} or a mode).
   */
  Optional<String> provenance();

  /**
   * Returns {@code build.sbom}: the SBOM attestation setting ({@code true}, {@code false} or
   * generator options).
   */
  Optional<String> sbom();

  /** Returns the {@code x-*} extension keys of the build, by key. */
  Map<String, RawValue> extensions();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default Build copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link Build} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableBuild.Builder {
    /** Returns a new, empty builder; same as {@link Build#builder()}. */
    public Builder() {}
  }
}
