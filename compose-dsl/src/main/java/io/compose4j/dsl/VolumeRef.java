package io.compose4j.dsl;

/**
 * A handle on a volume the stack declares; see {@link StackDsl#volume(String,
 * java.util.function.Consumer)}.
 */
public final class VolumeRef extends Ref {
  VolumeRef(StackDsl owner, String key) {
    super(owner, key);
  }

  @Override
  String kind() {
    return "volume";
  }
}
