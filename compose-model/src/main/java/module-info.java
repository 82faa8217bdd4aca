/**
 * The immutable model of Docker Compose and Docker Swarm stacks: {@link io.compose4j.model.Stack}
 * and every type under it, the typed scalars, diagnostics and the key table.
 *
 * <p>The model carries the Jakarta Bean Validation constraints of its fields (API only; {@code
 * io.compose4j.validate} runs them). Immutables generates the implementations at build time and is
 * not needed at run time.
 */
@SuppressWarnings("module") // the qualified export names modules built after this one
module io.compose4j.model {
  // compile-only (a provided dependency, absent at run time and from users' builds); not
  // transitive, else every module that reads this one would need it to compile
  requires static org.immutables.value;
  // @NullMarked / @Nullable on the API: users' null checkers see them; not needed at run time
  requires static transitive org.jspecify;
  // the constraint annotations on the model's accessors (jakarta.validation.constraints)
  requires transitive jakarta.validation;

  exports io.compose4j.model;
  // the project's own regular expressions (no java.util.regex on a short run), for its modules only
  exports io.compose4j.model.internal to
      io.compose4j.yaml,
      io.compose4j.validate;
}
