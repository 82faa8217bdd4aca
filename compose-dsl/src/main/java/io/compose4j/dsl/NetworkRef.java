package io.compose4j.dsl;

/**
 * A handle on a network the stack declares; see {@link StackDsl#network(String,
 * java.util.function.Consumer)}.
 */
public final class NetworkRef extends Ref {
  NetworkRef(StackDsl owner, String key) {
    super(owner, key);
  }

  @Override
  String kind() {
    return "network";
  }
}
