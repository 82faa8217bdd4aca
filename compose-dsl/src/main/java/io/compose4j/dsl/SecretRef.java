package io.compose4j.dsl;

/**
 * A handle on a secret the stack declares; see {@link StackDsl#secret(String,
 * java.util.function.Consumer)}.
 */
public final class SecretRef extends Ref {
  SecretRef(StackDsl owner, String key) {
    super(owner, key);
  }

  @Override
  String kind() {
    return "secret";
  }
}
