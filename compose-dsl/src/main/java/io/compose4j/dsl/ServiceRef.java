package io.compose4j.dsl;

/**
 * A handle on a service the stack declares; see {@link StackDsl#service(String,
 * java.util.function.Consumer)}.
 */
public final class ServiceRef extends Ref {
  ServiceRef(StackDsl owner, String key) {
    super(owner, key);
  }

  @Override
  String kind() {
    return "service";
  }
}
