package io.compose4j.model;

import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/** A managed service account credential spec ({@code credential_spec}, Windows). */
@Value.Immutable
public interface CredentialSpec {
  /** Returns {@code credential_spec.config}: the name of a config holding the spec. */
  Optional<String> config();

  /** Returns {@code credential_spec.file}: a file holding the spec. */
  Optional<String> file();

  /** Returns {@code credential_spec.registry}: a registry value holding the spec. */
  Optional<String> registry();

  /** Returns a new, empty builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialized with this value. */
  default Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Returns a copy of this value with the changes the consumer makes to its builder. */
  default CredentialSpec copy(Consumer<Builder> changes) {
    Builder builder = toBuilder();
    changes.accept(builder);
    return builder.build();
  }

  /** Builds {@link CredentialSpec} values; collection setters are {@code addX}/{@code putX}. */
  final class Builder extends ImmutableCredentialSpec.Builder {
    /** Returns a new, empty builder; same as {@link CredentialSpec#builder()}. */
    public Builder() {}
  }
}
