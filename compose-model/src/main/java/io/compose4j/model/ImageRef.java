package io.compose4j.model;

import io.compose4j.model.internal.Rx;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A container image reference ({@code image: registry.example.com:5000/team/app:1.4.2@sha256:...})
 * with Docker's grammar and normalization: a reference without a registry is on {@code docker.io},
 * a single-component name there is under {@code library/}, and a reference without tag or digest
 * means the tag {@code latest}.
 */
public final class ImageRef {
  private static final String ALNUM = "[a-z0-9]+";
  private static final String SEPARATOR = "(?:[._]|__|[-]+)";
  private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
  private static final Rx PATH = Rx.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final Rx DOMAIN =
      Rx.compile(
          "(?:"
              + DOMAIN_COMPONENT
              + "(?:\\."
              + DOMAIN_COMPONENT
              + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
  private static final Rx TAG = Rx.compile("[\\w][\\w.-]{0,127}");
  private static final Rx DIGEST =
      Rx.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");

  /** Longest digest looked at: an algorithm name and a SHA-512 in hex are far shorter. */
  private static final int MAX_DIGEST = 1024;

  private static final Rx ANCHORED_ID = Rx.compile("[a-f0-9]{64}");

  private final String raw;
  private final String domain;
  private final String path;
  private final String tag;
  private final String digest;

  private ImageRef(String raw, String domain, String path, String tag, String digest) {
    this.raw = raw;
    this.domain = domain;
    this.path = path;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses an image reference as {@code docker} does.
   *
   * @throws IllegalArgumentException with the input quoted if Docker would refuse it
   */
  public static ImageRef parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw invalid(text, "the reference is empty");
    }
    if (ANCHORED_ID.matches(text)) {
      throw invalid(text, "a 64-character hex string is an image ID, not a reference");
    }
    String rest = text;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      // bounded: no digest is that long, and the message quotes it
      if (digest.length() > MAX_DIGEST || !DIGEST.matches(digest)) {
        throw invalid(text, "the digest '" + shown(digest) + "' is not algorithm:hex");
      }
    }
    String tag = null;
    int slash = rest.lastIndexOf('/');
    int colon = rest.lastIndexOf(':');
    if (colon > slash) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matches(tag)) {
        throw invalid(
            text,
            "the tag '"
                + shown(tag)
                + "' may contain only letters, digits, '_', '.' and '-' (at most 128)");
      }
    }
    if (rest.length() > 255) {
      // Docker's limit on the name (registry and path); checked before the regular expressions,
      // which recurse once per path component and overflow the stack on a 10 kB name
      throw invalid(text, "repository name must not be longer than 255 characters");
    }
    String domain = null;
    String path = rest;
    int firstSlash = rest.indexOf('/');
    if (firstSlash >= 0) {
      String first = rest.substring(0, firstSlash);
      if (first.contains(".")
          || first.contains(":")
          || first.equals("localhost")
          || !first.toLowerCase(Locale.ROOT).equals(first)) {
        domain = first;
        path = rest.substring(firstSlash + 1);
        if (!DOMAIN.matches(domain)) {
          throw invalid(text, "'" + shown(domain) + "' is not a valid registry host");
        }
      }
    }
    if (path.isEmpty()) {
      throw invalid(text, "the repository name is empty");
    }
    if (!path.toLowerCase(Locale.ROOT).equals(path)) {
      throw invalid(text, "repository name must be lowercase");
    }
    if (!PATH.matches(path)) {
      throw invalid(text, "'" + shown(path) + "' is not a valid repository name");
    }
    String fullName = (domain == null ? "" : domain + "/") + path;
    if (fullName.length() > 255) {
      throw invalid(text, "repository name must not be longer than 255 characters");
    }
    return new ImageRef(text, domain, path, tag, digest);
  }

  /** Returns whether {@link #parse} would accept the text. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("invalid image reference \"" + shown(text) + "\": " + why);
  }

  /** The text as quoted in a message: a long one keeps its first 200 characters. */
  private static String shown(String text) {
    return text.length() > 300
        ? text.substring(0, 200) + "...(" + (text.length() - 200) + " more characters)"
        : text;
  }

  /** Returns the reference as written. */
  public String raw() {
    return raw;
  }

  /** Returns the registry host as written, if the reference names one. */
  public Optional<String> registry() {
    return Optional.ofNullable(domain);
  }

  /** Returns the repository path as written ({@code nginx}, {@code team/app}). */
  public String repository() {
    return path;
  }

  /** Returns the tag, if the reference has one. */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /** Returns the digest ({@code sha256:...}), if the reference has one. */
  public Optional<String> digest() {
    return Optional.ofNullable(digest);
  }

  /** Returns the fully qualified repository ({@code docker.io/library/nginx}). */
  public String normalizedName() {
    String d = domain == null ? "docker.io" : domain;
    String p = path;
    if (d.equals("docker.io") && !p.contains("/")) {
      p = "library/" + p;
    }
    return d + "/" + p;
  }

  /** Returns whether the image is pinned: it has a digest, or a tag other than {@code latest}. */
  public boolean isPinned() {
    return digest != null || (tag != null && !tag.equals("latest"));
  }

  /** Returns a reference with the given tag (and no digest). */
  public ImageRef withTag(String newTag) {
    String name = (domain == null ? "" : domain + "/") + path;
    return parse(name + ":" + newTag);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageRef other && other.raw.equals(raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  /** Returns the reference as written. */
  @Override
  public String toString() {
    return raw;
  }
}
