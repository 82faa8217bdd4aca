package io.compose4j.dsl;

import io.compose4j.model.DependsOn;
import io.compose4j.model.Mount;
import io.compose4j.model.Service;
import io.compose4j.model.ServiceConfig;
import io.compose4j.model.ServiceSecret;
import io.compose4j.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Walks every reference a stack's services make to other objects of the stack. */
final class References {
  record Reference(String service, String kind, String key) {}

  private References() {}

  static List<Reference> of(Stack stack) {
    List<Reference> refs = new ArrayList<>();
    for (Map.Entry<String, Service> e : stack.services().entrySet()) {
      String svc = e.getKey();
      Service s = e.getValue();
      s.networks().keySet().forEach(n -> refs.add(new Reference(svc, "network", n)));
      for (Mount m : s.volumes()) {
        if (m.type().equals("volume") && m.source().isPresent()) {
          refs.add(new Reference(svc, "volume", m.source().get()));
        }
      }
      for (ServiceSecret x : s.secrets()) {
        refs.add(new Reference(svc, "secret", x.source()));
      }
      for (ServiceConfig x : s.configs()) {
        refs.add(new Reference(svc, "config", x.source()));
      }
      for (DependsOn d : s.dependsOn()) {
        refs.add(new Reference(svc, "service", d.service()));
      }
      s.credentialSpec()
          .flatMap(c -> c.config())
          .ifPresent(c -> refs.add(new Reference(svc, "config", c)));
    }
    return refs;
  }

  /** Returns the references that do not resolve to a declaration. */
  static List<Reference> dangling(Stack stack) {
    return of(stack).stream()
        .filter(
            r ->
                !switch (r.kind()) {
                  case "network" ->
                      stack.networks().containsKey(r.key()) || r.key().equals("default");
                  case "volume" -> stack.volumes().containsKey(r.key());
                  case "secret" -> stack.secrets().containsKey(r.key());
                  case "config" -> stack.configs().containsKey(r.key());
                  case "service" -> stack.services().containsKey(r.key());
                  default -> false;
                })
        .toList();
  }
}
