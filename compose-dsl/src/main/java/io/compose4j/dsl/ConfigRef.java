package io.compose4j.dsl;

/**
 * A handle on a config the stack declares; see {@link StackDsl#config(String,
 * java.util.function.Consumer)}.
 */
public final class ConfigRef extends Ref {
  ConfigRef(StackDsl owner, String key) {
    super(owner, key);
  }

  @Override
  String kind() {
    return "config";
  }
}
