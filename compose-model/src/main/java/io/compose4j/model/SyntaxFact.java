package io.compose4j.model;

import java.util.Objects;

/**
 * Something about how a file was written that the model, which keeps meaning rather than spelling,
 * does not hold: a number where the 3.x schema wants a string, the long port syntax under an old
 * {@code version}, a file mode written in decimal. The reader records them; the validator turns
 * them into diagnostics for rules about the file's spelling.
 *
 * @param kind what was noticed
 * @param path the YAML path where it was noticed
 * @param detail the text involved, or {@code ""}
 */
public record SyntaxFact(Kind kind, String path, String detail) {
  /** Checks that no component is null. */
  public SyntaxFact {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(detail, "detail");
  }

  /** What the reader noticed. */
  public enum Kind {
    /** The file has no top-level {@code version}. */
    NO_VERSION,
    /** A port written in the long syntax (needs format 3.2). */
    LONG_PORT_SYNTAX,
    /** A volume written in the long syntax (needs format 3.2). */
    LONG_VOLUME_SYNTAX,
    /** A number where the 3.x schema requires a string ({@code cpus: 0.5}, {@code uid: 103}). */
    NUMBER_FOR_STRING,
    /**
     * A boolean where the 3.x schema allows only strings, numbers and null (environment, labels).
     */
    BOOLEAN_FOR_STRING,
    /** A Compose Specification spelling the 3.x schemas lack (depends_on as a mapping, ...). */
    COMPOSE_SPEC_SYNTAX,
    /** A file mode written as a decimal number whose digits look octal ({@code mode: 440}). */
    DECIMAL_FILE_MODE,
    /** The deprecated {@code external: {name: x}} spelling. */
    EXTERNAL_NAME,
    /** A short-syntax volume option Docker ignores ({@code :z}, {@code :cached}). */
    IGNORED_VOLUME_OPTION,
    /** A relative or {@code ~} bind-mount source, resolved on the client. */
    RELATIVE_BIND_SOURCE,
    /** A plain scalar YAML 1.1 readers take for something else ({@code 22:22}, {@code on}). */
    YAML11_AMBIGUOUS,
    /** A {@code $name} inside a Go template that interpolation replaced. */
    TEMPLATE_VARIABLE_INTERPOLATED,
    /**
     * An unknown key where the 3.x schemas leave the mapping open (no {@code additionalProperties:
     * false}): Docker accepts it and drops it silently; the model does not hold it (detail: the
     * key).
     */
    IGNORED_KEY,
    /**
     * An x-* key in a mapping whose x-* keys the model does not keep (healthcheck, logging,
     * deploy's objects, service networks, ipam, mount options, ...): read and left out of the stack
     * (detail: {@code refused} where the 3.x schemas refuse x-* keys, {@code accepted} where they
     * accept and drop them).
     */
    DROPPED_EXTENSION
  }
}
