package io.compose4j.model;

import jakarta.validation.constraints.Pattern;
import java.util.Optional;

/** A model-like type with a constraint {@code ConstraintScreen} does not decide (test only). */
public interface ScreenProbe {
  @Pattern(regexp = "[a-z]+")
  Optional<String> name();
}
