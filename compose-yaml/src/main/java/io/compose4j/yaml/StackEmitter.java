package io.compose4j.yaml;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import io.compose4j.model.BlkioConfig;
import io.compose4j.model.BlkioLimit;
import io.compose4j.model.BlkioWeight;
import io.compose4j.model.ByteSize;
import io.compose4j.model.Build;
import io.compose4j.model.Config;
import io.compose4j.model.Constraint;
import io.compose4j.model.Deploy;
import io.compose4j.model.DependsOn;
import io.compose4j.model.Device;
import io.compose4j.model.DeviceRequest;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.EnvFile;
import io.compose4j.model.GenericResource;
import io.compose4j.model.GoDuration;
import io.compose4j.model.Healthcheck;
import io.compose4j.model.Include;
import io.compose4j.model.Ipam;
import io.compose4j.model.IpamConfig;
import io.compose4j.model.Logging;
import io.compose4j.model.Model;
import io.compose4j.model.Mount;
import io.compose4j.model.Network;
import io.compose4j.model.Placement;
import io.compose4j.model.PlacementPreference;
import io.compose4j.model.PortMapping;
import io.compose4j.model.RawValue;
import io.compose4j.model.Resource;
import io.compose4j.model.Resources;
import io.compose4j.model.RestartPolicy;
import io.compose4j.model.RollbackConfig;
import io.compose4j.model.Secret;
import io.compose4j.model.Service;
import io.compose4j.model.ServiceConfig;
import io.compose4j.model.ServiceHook;
import io.compose4j.model.ComposeKeys;
import io.compose4j.model.ComposeKeys.Shape;
import io.compose4j.model.ServiceModel;
import io.compose4j.model.ServiceNetwork;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.Stack;
import io.compose4j.model.SwarmFormat;
import io.compose4j.model.Target;
import io.compose4j.model.Ulimit;
import io.compose4j.model.UpdateConfig;
import io.compose4j.model.Volume;
import io.compose4j.model.WatchRule;
import io.compose4j.yaml.internal.Interpolator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The one walk over the model that produces canonical YAML. Key order inside each object is fixed
 * (see {@code docs/FORMAT.md}); maps keyed by user names are sorted; lists keep their order.
 */
final class StackEmitter {
  private final JsonGenerator g;
  private final boolean swarm;
  /** Whether the stack's strings are Compose templates written as they are ({@link Stack#variablesKept()}). */
  private boolean keepVariables;
  private final List<Diagnostic> warnings = new ArrayList<>();
  /** For the Swarm target: the keys the 3.x format lacks, by YAML path, with a hint. */
  private final Map<String, String> dropped = new java.util.HashMap<>();

  StackEmitter(JsonGenerator g, Target target) {
    this.g = g;
    this.swarm = target == Target.SWARM;
  }

  List<Diagnostic> warnings() {
    return warnings;
  }

  /**
   * Returns true (and records a warning) when the Swarm target leaves out the key at this path,
   * because {@link SwarmFormat#unsupported} lists it.
   */
  private boolean swarmDrops(String path) {
    String hint = dropped.get(path);
    if (!swarm || hint == null) {
      return false;
    }
    warnings.add(Diagnostic.warning("swarm-unsupported-key", path,
        "'" + last(path) + "' is not supported by docker stack deploy and was left out", hint));
    return true;
  }

  private static String last(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  // ---------------------------------------------------------------- primitives

  private String esc(String value) {
    if (value.indexOf('$') < 0) {
      return value;
    }
    if (!keepVariables) {
      return value.replace("$", "$$");
    }
    try {
      Interpolator.expressions(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(currentPath() + ": " + e.getMessage()
          + " (the stack keeps its variables: its strings are Compose templates)", e);
    }
    return value;
  }

  /** Returns the YAML path of the value being written ({@code services.web.environment.A}). */
  private String currentPath() {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = g.getOutputContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.addFirst(c.getCurrentName());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (b.length() > 0 && !p.startsWith("[")) {
        b.append('.');
      }
      b.append(p);
    }
    return b.toString();
  }

  private void key(String key) throws IOException {
    g.writeFieldName(key);
  }

  private void value(String v) throws IOException {
    g.writeString(esc(v));
  }

  private void str(String key, String v) throws IOException {
    key(key);
    value(v);
  }

  /**
   * Writes a size as {@code 512M} when that text reads back as the same size, else as an integer
   * number of bytes ({@code -4}, {@code 9223372036854775807}), which the reader takes as it is.
   */
  private void size(String key, ByteSize v) throws IOException {
    String text = v.toString();
    boolean readsBack;
    try {
      readsBack = ByteSize.parse(text).equals(v);
    } catch (IllegalArgumentException e) {
      readsBack = false;
    }
    key(key);
    if (readsBack) {
      value(text);
    } else {
      g.writeNumber(v.bytes());
    }
  }

  private void str(String key, Optional<String> v) throws IOException {
    if (v.isPresent()) {
      str(key, v.get());
    }
  }

  private void bool(String key, Optional<Boolean> v) throws IOException {
    if (v.isPresent()) {
      key(key);
      g.writeBoolean(v.get());
    }
  }

  private void lng(String key, OptionalLong v) throws IOException {
    if (v.isPresent()) {
      key(key);
      g.writeNumber(v.getAsLong());
    }
  }

  private void integer(String key, OptionalInt v) throws IOException {
    if (v.isPresent()) {
      key(key);
      g.writeNumber(v.getAsInt());
    }
  }

  private void dur(String key, Optional<Duration> v) throws IOException {
    if (v.isPresent()) {
      str(key, GoDuration.format(v.get()));
    }
  }

  private void strings(String key, List<String> items) throws IOException {
    if (items.isEmpty()) {
      return;
    }
    key(key);
    g.writeStartArray();
    for (String s : items) {
      value(s);
    }
    g.writeEndArray();
  }

  private void map(String key, Map<String, String> map) throws IOException {
    if (map.isEmpty()) {
      return;
    }
    key(key);
    g.writeStartObject();
    for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
      str(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  private void nullableMap(String key, Map<String, Optional<String>> map) throws IOException {
    if (map.isEmpty()) {
      return;
    }
    key(key);
    g.writeStartObject();
    for (Map.Entry<String, Optional<String>> e : new TreeMap<>(map).entrySet()) {
      key(e.getKey());
      if (e.getValue().isPresent()) {
        value(e.getValue().get());
      } else {
        g.writeNull();
      }
    }
    g.writeEndObject();
  }

  private void extensions(Map<String, RawValue> ext, String path) throws IOException {
    for (Map.Entry<String, RawValue> e : new TreeMap<>(ext).entrySet()) {
      if (swarmDrops(path.isEmpty() ? e.getKey() : path + "." + e.getKey())) {
        continue;
      }
      key(e.getKey());
      raw(e.getValue());
    }
  }

  private void raw(RawValue v) throws IOException {
    if (v instanceof RawValue.Null) {
      g.writeNull();
    } else if (v instanceof RawValue.Str s) {
      value(s.value());
    } else if (v instanceof RawValue.Int i) {
      g.writeNumber(i.value());
    } else if (v instanceof RawValue.Float f) {
      double d = f.value();
      if (Double.isNaN(d)) {
        g.writeNumber(".nan");
      } else if (Double.isInfinite(d)) {
        g.writeNumber(d > 0 ? ".inf" : "-.inf");
      } else {
        g.writeNumber(d);
      }
    } else if (v instanceof RawValue.Bool b) {
      g.writeBoolean(b.value());
    } else if (v instanceof RawValue.Seq s) {
      g.writeStartArray();
      for (RawValue item : s.items()) {
        raw(item);
      }
      g.writeEndArray();
    } else if (v instanceof RawValue.Mapping m) {
      g.writeStartObject();
      for (Map.Entry<String, RawValue> e : new TreeMap<>(m.entries()).entrySet()) {
        key(e.getKey());
        raw(e.getValue());
      }
      g.writeEndObject();
    }
  }

  // ---------------------------------------------------------------- stack

  void stack(Stack s) throws IOException {
    keepVariables = s.variablesKept();
    if (swarm) {
      SwarmFormat.unsupported(s).forEach(u -> dropped.put(u.path(), u.hint()));
    }
    g.writeStartObject();
    if (!swarm) {
      str("name", s.name());
    } else if (s.name().isPresent()) {
      warnings.add(Diagnostic.info("swarm-stack-name", "name",
          "the stack name '" + s.name().get() + "' is not written; Swarm takes it from the command line",
          "deploy with: docker stack deploy -c FILE " + s.name().get()));
    }
    if (!s.include().isEmpty() && !swarmDrops("include")) {
      key("include");
      g.writeStartArray();
      for (Include inc : s.include()) {
        include(inc);
      }
      g.writeEndArray();
    }
    if (!s.services().isEmpty()) {
      key("services");
      g.writeStartObject();
      for (Map.Entry<String, Service> e : new TreeMap<>(s.services()).entrySet()) {
        key(e.getKey());
        service(e.getValue(), "services." + e.getKey());
      }
      g.writeEndObject();
    } else if (swarm) {
      key("services");
      g.writeStartObject();
      g.writeEndObject();
    }
    if (!s.networks().isEmpty()) {
      key("networks");
      g.writeStartObject();
      for (Map.Entry<String, Network> e : new TreeMap<>(s.networks()).entrySet()) {
        key(e.getKey());
        network(e.getValue(), "networks." + e.getKey());
      }
      g.writeEndObject();
    }
    if (!s.volumes().isEmpty()) {
      key("volumes");
      g.writeStartObject();
      for (Map.Entry<String, Volume> e : new TreeMap<>(s.volumes()).entrySet()) {
        key(e.getKey());
        volume(e.getValue(), "volumes." + e.getKey());
      }
      g.writeEndObject();
    }
    if (!s.secrets().isEmpty()) {
      key("secrets");
      g.writeStartObject();
      for (Map.Entry<String, Secret> e : new TreeMap<>(s.secrets()).entrySet()) {
        key(e.getKey());
        secret(e.getValue(), "secrets." + e.getKey());
      }
      g.writeEndObject();
    }
    if (!s.configs().isEmpty()) {
      key("configs");
      g.writeStartObject();
      for (Map.Entry<String, Config> e : new TreeMap<>(s.configs()).entrySet()) {
        key(e.getKey());
        config(e.getValue(), "configs." + e.getKey());
      }
      g.writeEndObject();
    }
    if (!s.models().isEmpty() && !swarmDrops("models")) {
      key("models");
      g.writeStartObject();
      for (Map.Entry<String, Model> e : new TreeMap<>(s.models()).entrySet()) {
        key(e.getKey());
        model(e.getValue());
      }
      g.writeEndObject();
    }
    extensions(s.extensions(), "");
    g.writeEndObject();
  }

  private void include(Include inc) throws IOException {
    g.writeStartObject();
    strings("path", inc.path());
    str("project_directory", inc.projectDirectory());
    strings("env_file", inc.envFile());
    g.writeEndObject();
  }

  private void model(Model m) throws IOException {
    g.writeStartObject();
    str("model", m.model());
    str("name", m.name());
    lng("context_size", m.contextSize());
    strings("runtime_flags", m.runtimeFlags());
    extensions(m.extensions(), "");
    g.writeEndObject();
  }

  // ---------------------------------------------------------------- service

  private void service(Service s, String path) throws IOException {
    g.writeStartObject();
    writeKeys(ComposeKeys.SERVICE, s, path, name -> complexServiceKey(name, s, path));
    extensions(s.extensions(), path);
    g.writeEndObject();
  }

  /** Writes the value of a key whose shape needs a writer of its own. */
  private interface ComplexWriter {
    void write(String key) throws IOException;
  }

  /**
   * Writes the keys an object sets in the canonical order of its {@link ComposeKeys} table, each
   * as its row says it is spelled, unless the Swarm target leaves it out.
   */
  private <O> void writeKeys(ComposeKeys.Table<O, ?> table, O object, String path, ComplexWriter complex)
      throws IOException {
    for (ComposeKeys.Key<O, ?, ?> key : table.canonicalOrder()) {
      if (key.present(object) && !swarmDrops(path + "." + key.name())) {
        if (key.shape() == Shape.COMPLEX) {
          complex.write(key.name());
        } else {
          value(key.shape(), key.name(), key.value(object));
        }
      }
    }
  }

  /** Writes a value of a shape every object writes alike. */
  @SuppressWarnings("unchecked")
  private void value(Shape shape, String name, Object v) throws IOException {
    switch (shape) {
      case STRING, TEXT, PATH -> str(name, (Optional<String>) v);
      case BOOL, EXTERNAL, EXTERNAL_OPEN -> bool(name, (Optional<Boolean>) v);
      case LONG -> lng(name, (OptionalLong) v);
      case INT -> integer(name, (OptionalInt) v);
      case SIZE -> size(name, ((Optional<ByteSize>) v).get());
      case DURATION -> dur(name, (Optional<Duration>) v);
      case CPUS -> str(name, ((Optional<?>) v).get().toString());
      case STRINGS, TEXTS, STRING_OR_LIST, HOSTS -> strings(name, (List<String>) v);
      case LABELS, STRING_MAP -> map(name, (Map<String, String>) v);
      case ENVIRONMENT -> nullableMap(name, (Map<String, Optional<String>>) v);
      case RAW -> {
        key(name);
        raw(((Optional<RawValue>) v).get());
      }
      case COMPLEX -> throw new IllegalStateException("no common writer for " + name);
    }
  }

  /** Writes a service key whose value has a syntax of its own. */
  private void complexServiceKey(String name, Service s, String path) throws IOException {
    switch (name) {
      case "build" -> build(s.build().get(), path + ".build");
      case "command" -> {
        key(name);
        writeList(s.command().get());
      }
      case "entrypoint" -> {
        key(name);
        writeList(s.entrypoint().get());
      }
      case "env_file" -> envFiles(s.envFile(), path + ".env_file");
      case "ports" -> ports(s.ports(), path + ".ports");
      case "networks" -> serviceNetworks(s.networks(), path + ".networks");
      case "volumes" -> mounts(s.volumes(), path + ".volumes");
      case "secrets" -> {
        key(name);
        g.writeStartArray();
        int i = 0;
        for (ServiceSecret ref : s.secrets()) {
          fileRef(ref.source(), ref.target(), ref.uid(), ref.gid(), ref.mode().map(m -> m.yamlOctal()),
              ref.extensions(), path + ".secrets[" + i++ + "]");
        }
        g.writeEndArray();
      }
      case "configs" -> {
        key(name);
        g.writeStartArray();
        int i = 0;
        for (ServiceConfig ref : s.configs()) {
          fileRef(ref.source(), ref.target(), ref.uid(), ref.gid(), ref.mode().map(m -> m.yamlOctal()),
              ref.extensions(), path + ".configs[" + i++ + "]");
        }
        g.writeEndArray();
      }
      case "healthcheck" -> healthcheck(s.healthcheck().get(), path + ".healthcheck");
      case "deploy" -> deploy(s.deploy().get(), path + ".deploy");
      case "blkio_config" -> blkio(s.blkioConfig().get());
      case "credential_spec" -> {
        key(name);
        g.writeStartObject();
        str("config", s.credentialSpec().get().config());
        str("file", s.credentialSpec().get().file());
        str("registry", s.credentialSpec().get().registry());
        g.writeEndObject();
      }
      case "depends_on" -> dependsOn(s.dependsOn(), path + ".depends_on");
      case "develop" -> develop(s);
      case "devices" -> {
        key(name);
        g.writeStartArray();
        for (Device d : s.devices()) {
          value(d.shortSyntax());
        }
        g.writeEndArray();
      }
      case "extends" -> {
        key(name);
        g.writeStartObject();
        str("service", s.extendsService().get().service());
        str("file", s.extendsService().get().file());
        g.writeEndObject();
      }
      case "logging" -> {
        Logging l = s.logging().get();
        key(name);
        g.writeStartObject();
        str("driver", l.driver());
        nullableMap("options", l.options());
        g.writeEndObject();
      }
      case "models" -> {
        key(name);
        g.writeStartObject();
        for (Map.Entry<String, ServiceModel> e : new TreeMap<>(s.models()).entrySet()) {
          key(e.getKey());
          g.writeStartObject();
          str("endpoint_var", e.getValue().endpointVar());
          str("model_var", e.getValue().modelVar());
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      case "pre_start" -> hooks(name, s.preStart());
      case "post_start" -> hooks(name, s.postStart());
      case "pre_stop" -> hooks(name, s.preStop());
      case "provider" -> {
        key(name);
        g.writeStartObject();
        str("type", s.provider().get().type());
        if (!s.provider().get().options().isEmpty()) {
          key("options");
          g.writeStartObject();
          for (Map.Entry<String, List<String>> e : new TreeMap<>(s.provider().get().options()).entrySet()) {
            key(e.getKey());
            if (e.getValue().size() == 1) {
              value(e.getValue().get(0));
            } else {
              writeList(e.getValue());
            }
          }
          g.writeEndObject();
        }
        g.writeEndObject();
      }
      case "ulimits" -> ulimits(name, s.ulimits());
      default -> throw new IllegalStateException("no writer for the service key " + name);
    }
  }

  private interface Body {
    void write() throws IOException;
  }

  /** Writes a key, unless the Swarm target leaves it out (then a warning is recorded). */
  private void compose(String key, boolean present, String path, Body body) throws IOException {
    if (!present || swarmDrops(path + "." + key)) {
      return;
    }
    body.write();
  }

  private void writeList(List<String> items) throws IOException {
    g.writeStartArray();
    for (String s : items) {
      value(s);
    }
    g.writeEndArray();
  }

  private void build(Build b, String path) throws IOException {
    key("build");
    g.writeStartObject();
    str("context", b.context());
    str("dockerfile", b.dockerfile());
    bnew("dockerfile_inline", b.dockerfileInline().isPresent(), () -> str("dockerfile_inline", b.dockerfileInline()));
    nullableMap("args", b.args());
    bnew("ssh", !b.ssh().isEmpty(), () -> strings("ssh", b.ssh()));
    if (!b.labels().isEmpty()) {
      map("labels", b.labels());
    }
    if (!b.cacheFrom().isEmpty()) {
      strings("cache_from", b.cacheFrom());
    }
    bnew("cache_to", !b.cacheTo().isEmpty(), () -> strings("cache_to", b.cacheTo()));
    bnew("no_cache", b.noCache().isPresent(), () -> bool("no_cache", b.noCache()));
    bnew("no_cache_filter", !b.noCacheFilter().isEmpty(), () -> strings("no_cache_filter", b.noCacheFilter()));
    bnew("additional_contexts", !b.additionalContexts().isEmpty(), () -> map("additional_contexts", b.additionalContexts()));
    if (b.network().isPresent()) {
      str("network", b.network());
    }
    bnew("pull", b.pull().isPresent(), () -> bool("pull", b.pull()));
    if (b.target().isPresent()) {
      str("target", b.target());
    }
    if (b.shmSize().isPresent()) {
      size("shm_size", b.shmSize().get());
    }
    if (!b.extraHosts().isEmpty()) {
      strings("extra_hosts", b.extraHosts());
    }
    if (b.isolation().isPresent()) {
      str("isolation", b.isolation());
    }
    bnew("privileged", b.privileged().isPresent(), () -> bool("privileged", b.privileged()));
    bnew("secrets", !b.secrets().isEmpty(), () -> {
      key("secrets");
      g.writeStartArray();
      int i = 0;
      for (ServiceSecret ref : b.secrets()) {
        fileRef(ref.source(), ref.target(), ref.uid(), ref.gid(), ref.mode().map(m -> m.yamlOctal()),
            ref.extensions(), path + ".secrets[" + i++ + "]");
      }
      g.writeEndArray();
    });
    bnew("tags", !b.tags().isEmpty(), () -> strings("tags", b.tags()));
    bnew("ulimits", !b.ulimits().isEmpty(), () -> ulimits("ulimits", b.ulimits()));
    bnew("platforms", !b.platforms().isEmpty(), () -> strings("platforms", b.platforms()));
    bnew("entitlements", !b.entitlements().isEmpty(), () -> strings("entitlements", b.entitlements()));
    bnew("provenance", b.provenance().isPresent(), () -> str("provenance", b.provenance()));
    bnew("sbom", b.sbom().isPresent(), () -> str("sbom", b.sbom()));
    if (!b.extensions().isEmpty()) {
      extensions(b.extensions(), path);
    }
    g.writeEndObject();
  }

  /** A build key the 3.x schemas list only from 3.11, where build accepts any key. */
  private void bnew(String key, boolean present, Body body) throws IOException {
    if (present) {
      body.write();
    }
  }

  private void envFiles(List<EnvFile> files, String path) throws IOException {
    if (files.isEmpty()) {
      return;
    }
    boolean simple = files.stream().allMatch(f -> f.required().orElse(true) && f.format().isEmpty());
    key("env_file");
    g.writeStartArray();
    int i = 0;
    for (EnvFile f : files) {
      if (simple || swarm) {
        swarmDrops(path + "[" + i + "].required");
        swarmDrops(path + "[" + i + "].format");
        value(f.path());
      } else {
        g.writeStartObject();
        str("path", f.path());
        bool("required", f.required());
        str("format", f.format());
        g.writeEndObject();
      }
      i++;
    }
    g.writeEndArray();
  }

  private void ports(List<PortMapping> ports, String path) throws IOException {
    if (ports.isEmpty()) {
      return;
    }
    key("ports");
    g.writeStartArray();
    int i = 0;
    for (PortMapping p : ports) {
      String pp = path + "[" + i++ + "]";
      g.writeStartObject();
      integer("target", p.target());
      if (p.published().isPresent()) {
        if (p.publishedPort().isPresent()) {
          key("published");
          g.writeNumber(p.publishedPort().getAsInt());
        } else if (!swarmDrops(pp + ".published")) {
          str("published", p.published().get());
        }
      }
      if (p.hostIp().isPresent() && !swarmDrops(pp + ".host_ip")) {
        str("host_ip", p.hostIp());
      }
      str("protocol", p.protocol());
      str("mode", p.mode());
      if (p.name().isPresent() && !swarmDrops(pp + ".name")) {
        str("name", p.name());
      }
      if (p.appProtocol().isPresent() && !swarmDrops(pp + ".app_protocol")) {
        str("app_protocol", p.appProtocol());
      }
      extensions(p.extensions(), pp);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void serviceNetworks(Map<String, ServiceNetwork> networks, String path) throws IOException {
    if (networks.isEmpty()) {
      return;
    }
    key("networks");
    g.writeStartObject();
    for (Map.Entry<String, ServiceNetwork> e : new TreeMap<>(networks).entrySet()) {
      key(e.getKey());
      ServiceNetwork n = e.getValue();
      String np = path + "." + e.getKey();
      if (n.equals(ServiceNetwork.builder().build())) {
        g.writeNull();
        continue;
      }
      // when Swarm drops every setting the entry is written as the empty one is (null), so that
      // writing what was written gives the same text
      boolean open = !swarm || !n.aliases().isEmpty() || n.ipv4Address().isPresent() || n.ipv6Address().isPresent()
          || !n.driverOpts().isEmpty();
      if (open) {
        g.writeStartObject();
      } else {
        g.writeNull();
      }
      strings("aliases", n.aliases());
      str("ipv4_address", n.ipv4Address());
      str("ipv6_address", n.ipv6Address());
      if (!n.driverOpts().isEmpty()) {
        map("driver_opts", n.driverOpts());
      }
      compose("link_local_ips", !n.linkLocalIps().isEmpty(), np, () -> strings("link_local_ips", n.linkLocalIps()));
      compose("mac_address", n.macAddress().isPresent(), np, () -> str("mac_address", n.macAddress()));
      compose("priority", n.priority().isPresent(), np, () -> integer("priority", n.priority()));
      compose("gw_priority", n.gwPriority().isPresent(), np, () -> integer("gw_priority", n.gwPriority()));
      compose("interface_name", n.interfaceName().isPresent(), np, () -> str("interface_name", n.interfaceName()));
      if (open) {
        g.writeEndObject();
      }
    }
    g.writeEndObject();
  }

  private void mounts(List<Mount> mounts, String path) throws IOException {
    if (mounts.isEmpty()) {
      return;
    }
    key("volumes");
    g.writeStartArray();
    int i = 0;
    for (Mount m : mounts) {
      String mp = path + "[" + i++ + "]";
      g.writeStartObject();
      str("type", m.type());
      str("source", m.source());
      str("target", m.target());
      bool("read_only", m.readOnly());
      str("consistency", m.consistency());
      if (m.bind().isPresent()) {
        var b = m.bind().get();
        String bp = mp + ".bind";
        boolean composeOnly = b.createHostPath().isPresent() || b.selinux().isPresent() || b.recursive().isPresent();
        if (b.propagation().isPresent() || (composeOnly && !swarm)) {
          key("bind");
          g.writeStartObject();
          str("propagation", b.propagation());
          compose("create_host_path", b.createHostPath().isPresent(), bp, () -> bool("create_host_path", b.createHostPath()));
          compose("selinux", b.selinux().isPresent(), bp, () -> str("selinux", b.selinux()));
          compose("recursive", b.recursive().isPresent(), bp, () -> str("recursive", b.recursive()));
          g.writeEndObject();
        } else {
          // only Compose keys and a Swarm target: report each and write no empty 'bind'
          compose("create_host_path", b.createHostPath().isPresent(), bp, () -> { });
          compose("selinux", b.selinux().isPresent(), bp, () -> { });
          compose("recursive", b.recursive().isPresent(), bp, () -> { });
        }
      }
      if (m.volume().isPresent()) {
        var v = m.volume().get();
        key("volume");
        g.writeStartObject();
        bool("nocopy", v.nocopy());
        compose("subpath", v.subpath().isPresent(), mp + ".volume", () -> str("subpath", v.subpath()));
        if (!v.labels().isEmpty()) {
          compose("labels", true, mp + ".volume", () -> map("labels", v.labels()));
        }
        g.writeEndObject();
      }
      if (m.tmpfs().isPresent()) {
        var t = m.tmpfs().get();
        key("tmpfs");
        g.writeStartObject();
        if (t.size().isPresent()) {
          key("size");
          g.writeNumber(t.size().get().bytes());
        }
        compose("mode", t.mode().isPresent(), mp + ".tmpfs", () -> {
          key("mode");
          g.writeNumber(t.mode().get().yamlOctal());
        });
        g.writeEndObject();
      }
      compose("image", m.image().isPresent(), mp, () -> {
        key("image");
        g.writeStartObject();
        str("subpath", m.image().get().subpath());
        g.writeEndObject();
      });
      extensions(m.extensions(), mp);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void fileRef(String source, Optional<String> target, Optional<String> uid, Optional<String> gid,
      Optional<String> mode, Map<String, RawValue> ext, String path) throws IOException {
    g.writeStartObject();
    str("source", source);
    str("target", target);
    str("uid", uid);
    str("gid", gid);
    if (mode.isPresent()) {
      key("mode");
      g.writeNumber(mode.get());
    }
    extensions(ext, path);
    g.writeEndObject();
  }

  private void healthcheck(Healthcheck h, String path) throws IOException {
    key("healthcheck");
    g.writeStartObject();
    strings("test", h.test());
    dur("interval", h.interval());
    dur("timeout", h.timeout());
    lng("retries", h.retries());
    if (h.startPeriod().isPresent()) {
      dur("start_period", h.startPeriod());
    }
    if (h.startInterval().isPresent()) {
      dur("start_interval", h.startInterval());
    }
    bool("disable", h.disable());
    g.writeEndObject();
  }

  private void dependsOn(List<DependsOn> deps, String path) throws IOException {
    if (deps.isEmpty()) {
      return;
    }
    boolean simple = deps.stream().allMatch(DependsOn::isDefault);
    key("depends_on");
    if (simple || swarm) {
      swarmDrops(path + ".condition");
      g.writeStartArray();
      for (DependsOn d : deps) {
        value(d.service());
      }
      g.writeEndArray();
      return;
    }
    g.writeStartObject();
    for (DependsOn d : deps) {
      key(d.service());
      g.writeStartObject();
      str("condition", d.condition());
      if (!d.required()) {
        bool("required", Optional.of(false));
      }
      if (d.restart()) {
        bool("restart", Optional.of(true));
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void hooks(String key, List<ServiceHook> hooks) throws IOException {
    key(key);
    g.writeStartArray();
    for (ServiceHook h : hooks) {
      hook(h);
    }
    g.writeEndArray();
  }

  private void hook(ServiceHook h) throws IOException {
    g.writeStartObject();
    str("image", h.image());
    strings("command", h.command());
    str("user", h.user());
    bool("privileged", h.privileged());
    str("working_dir", h.workingDir());
    nullableMap("environment", h.environment());
    bool("per_replica", h.perReplica());
    g.writeEndObject();
  }

  private void develop(Service s) throws IOException {
    key("develop");
    g.writeStartObject();
    if (!s.develop().get().watch().isEmpty()) {
      key("watch");
      g.writeStartArray();
      for (WatchRule w : s.develop().get().watch()) {
        g.writeStartObject();
        str("path", w.path());
        str("action", w.action());
        str("target", w.target());
        strings("ignore", w.ignore());
        strings("include", w.include());
        bool("initial_sync", w.initialSync());
        if (w.exec().isPresent()) {
          key("exec");
          hook(w.exec().get());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private void blkio(BlkioConfig b) throws IOException {
    key("blkio_config");
    g.writeStartObject();
    integer("weight", b.weight());
    if (!b.weightDevice().isEmpty()) {
      key("weight_device");
      g.writeStartArray();
      for (BlkioWeight w : b.weightDevice()) {
        g.writeStartObject();
        str("path", w.path());
        key("weight");
        g.writeNumber(w.weight());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    limits("device_read_bps", b.deviceReadBps());
    limits("device_read_iops", b.deviceReadIops());
    limits("device_write_bps", b.deviceWriteBps());
    limits("device_write_iops", b.deviceWriteIops());
    g.writeEndObject();
  }

  private void limits(String key, List<BlkioLimit> limits) throws IOException {
    if (limits.isEmpty()) {
      return;
    }
    key(key);
    g.writeStartArray();
    for (BlkioLimit l : limits) {
      g.writeStartObject();
      str("path", l.path());
      str("rate", l.rate());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private void ulimits(String key, Map<String, Ulimit> ulimits) throws IOException {
    if (ulimits.isEmpty()) {
      return;
    }
    key(key);
    g.writeStartObject();
    for (Map.Entry<String, Ulimit> e : new TreeMap<>(ulimits).entrySet()) {
      key(e.getKey());
      Ulimit u = e.getValue();
      if (u.single().isPresent()) {
        g.writeNumber(u.single().getAsLong());
      } else {
        g.writeStartObject();
        lng("soft", u.soft());
        lng("hard", u.hard());
        g.writeEndObject();
      }
    }
    g.writeEndObject();
  }

  // ---------------------------------------------------------------- deploy

  private void deploy(Deploy d, String path) throws IOException {
    key("deploy");
    g.writeStartObject();
    writeKeys(ComposeKeys.DEPLOY, d, path, name -> {
      switch (name) {
        case "placement" -> placement(d.placement().get());
        case "resources" -> resources(d.resources().get(), path + ".resources");
        case "update_config" -> {
          UpdateConfig u = d.updateConfig().get();
          key(name);
          update(u.parallelism(), u.delay(), u.failureAction(), u.monitor(), u.maxFailureRatio(), u.order());
        }
        case "rollback_config" -> {
          RollbackConfig u = d.rollbackConfig().get();
          key(name);
          update(u.parallelism(), u.delay(), u.failureAction(), u.monitor(), u.maxFailureRatio(), u.order());
        }
        case "restart_policy" -> {
          RestartPolicy r = d.restartPolicy().get();
          key(name);
          g.writeStartObject();
          str("condition", r.condition());
          dur("delay", r.delay());
          lng("max_attempts", r.maxAttempts());
          dur("window", r.window());
          g.writeEndObject();
        }
        default -> throw new IllegalStateException("no writer for the deploy key " + name);
      }
    });
    extensions(d.extensions(), path);
    g.writeEndObject();
  }

  private void update(OptionalLong parallelism, Optional<Duration> delay, Optional<String> failureAction,
      Optional<Duration> monitor, Optional<Double> maxFailureRatio, Optional<String> order) throws IOException {
    g.writeStartObject();
    lng("parallelism", parallelism);
    dur("delay", delay);
    str("failure_action", failureAction);
    dur("monitor", monitor);
    if (maxFailureRatio.isPresent()) {
      key("max_failure_ratio");
      g.writeNumber(maxFailureRatio.get());
    }
    if (order.isPresent()) {
      str("order", order);
    }
    g.writeEndObject();
  }

  private void placement(Placement p) throws IOException {
    key("placement");
    g.writeStartObject();
    if (!p.constraints().isEmpty()) {
      key("constraints");
      g.writeStartArray();
      for (Constraint c : p.constraints()) {
        value(c.text());
      }
      g.writeEndArray();
    }
    if (!p.preferences().isEmpty()) {
      key("preferences");
      g.writeStartArray();
      for (PlacementPreference pref : p.preferences()) {
        g.writeStartObject();
        str("spread", pref.spread());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (p.maxReplicasPerNode().isPresent()) {
      lng("max_replicas_per_node", p.maxReplicasPerNode());
    }
    g.writeEndObject();
  }

  private void resources(Resources r, String path) throws IOException {
    key("resources");
    g.writeStartObject();
    if (r.limits().isPresent()) {
      resource("limits", r.limits().get(), path + ".limits");
    }
    if (r.reservations().isPresent()) {
      resource("reservations", r.reservations().get(), path + ".reservations");
    }
    g.writeEndObject();
  }

  private void resource(String key, Resource r, String path) throws IOException {
    key(key);
    g.writeStartObject();
    if (r.cpus().isPresent()) {
      str("cpus", r.cpus().get().toString());
    }
    if (r.memory().isPresent()) {
      size("memory", r.memory().get());
    }
    if (r.pids().isPresent()) {
      lng("pids", r.pids());
    }
    if (!r.genericResources().isEmpty()) {
      key("generic_resources");
      g.writeStartArray();
      for (GenericResource gr : r.genericResources()) {
        g.writeStartObject();
        key("discrete_resource_spec");
        g.writeStartObject();
        str("kind", gr.kind());
        key("value");
        g.writeNumber(gr.value());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    compose("devices", !r.devices().isEmpty(), path, () -> {
      key("devices");
      g.writeStartArray();
      for (DeviceRequest d : r.devices()) {
        g.writeStartObject();
        strings("capabilities", d.capabilities());
        str("count", d.count());
        strings("device_ids", d.deviceIds());
        str("driver", d.driver());
        map("options", d.options());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
    g.writeEndObject();
  }

  // ---------------------------------------------------------------- top-level objects

  private void network(Network n, String path) throws IOException {
    g.writeStartObject();
    writeKeys(ComposeKeys.NETWORK, n, path, name -> ipam(n.ipam().get(), path));
    extensions(n.extensions(), path);
    g.writeEndObject();
  }

  private void ipam(Ipam ipam, String path) throws IOException {
    key("ipam");
    g.writeStartObject();
    str("driver", ipam.driver());
    if (!ipam.config().isEmpty()) {
      key("config");
      g.writeStartArray();
      int i = 0;
      for (IpamConfig c : ipam.config()) {
        String cp = path + ".ipam.config[" + i++ + "]";
        g.writeStartObject();
        str("subnet", c.subnet());
        compose("gateway", c.gateway().isPresent(), cp, () -> str("gateway", c.gateway()));
        compose("ip_range", c.ipRange().isPresent(), cp, () -> str("ip_range", c.ipRange()));
        compose("aux_addresses", !c.auxAddresses().isEmpty(), cp, () -> map("aux_addresses", c.auxAddresses()));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    compose("options", !ipam.options().isEmpty(), path + ".ipam", () -> map("options", ipam.options()));
    g.writeEndObject();
  }

  private static final ComplexWriter NO_COMPLEX_KEYS = name -> {
    throw new IllegalStateException("no writer for the key " + name);
  };

  private void volume(Volume v, String path) throws IOException {
    g.writeStartObject();
    writeKeys(ComposeKeys.VOLUME, v, path, NO_COMPLEX_KEYS);
    extensions(v.extensions(), path);
    g.writeEndObject();
  }

  private void secret(Secret s, String path) throws IOException {
    g.writeStartObject();
    writeKeys(ComposeKeys.SECRET, s, path, NO_COMPLEX_KEYS);
    extensions(s.extensions(), path);
    g.writeEndObject();
  }

  private void config(Config c, String path) throws IOException {
    g.writeStartObject();
    writeKeys(ComposeKeys.CONFIG, c, path, NO_COMPLEX_KEYS);
    extensions(c.extensions(), path);
    g.writeEndObject();
  }
}
