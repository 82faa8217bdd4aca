package io.compose4j.cli;

import io.compose4j.model.Diagnostic;
import io.compose4j.yaml.SourcePosition;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CommentEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * What {@code fmt --check} and {@code fmt --write} need beyond the writer: whether a file can be
 * replaced by its canonical form without losing what the model does not keep, and an atomic
 * replace. The canonical YAML holds no comments and holds values after interpolation, so a file
 * with a comment or a variable reference ({@code $VAR}, {@code ${VAR...}}; {@code $$} is kept) is
 * refused with the position of the first one rather than rewritten with it lost.
 */
final class Rewrite {
  /** The rule id of a file {@code fmt --check/--write} refuses. */
  static final String RULE = "fmt";

  private Rewrite() {}

  /**
   * Returns why the canonical form of this text would lose something, positioned; empty if nothing
   * is lost. {@code keepsVariables}: the text is read without interpolation, so its variable
   * references survive and are no loss.
   */
  static Optional<String> lossOf(String text, String file, boolean keepsVariables) {
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(true);
    try {
      for (Event e : new Yaml(options).parse(new StringReader(text))) {
        if (e instanceof CommentEvent c) {
          return Optional.of(
              describe(
                  file,
                  c.getStartMark(),
                  "the file has comments, which the canonical form does not keep",
                  "remove the comments, or print the canonical form with 'compose4j fmt FILE' and merge it by hand"));
        }
        if (e instanceof ScalarEvent s && !keepsVariables) {
          int at = variableReference(s.getValue());
          if (at >= 0) {
            String ref = s.getValue().substring(at, Math.min(s.getValue().length(), at + 24));
            return Optional.of(
                describe(
                    file,
                    s.getStartMark(),
                    "the value uses a variable ("
                        + ref.strip()
                        + "), which the canonical form replaces with its value",
                    "use --no-interpolate to keep the variables, keep this file as it is (leave it out of fmt --check), "
                        + "or write $$ for a literal $"));
          }
        }
      }
    } catch (RuntimeException e) {
      // not valid YAML: the reader reports it with its position
    }
    return Optional.empty();
  }

  /**
   * Returns the index of the first {@code $VAR} or {@code ${...}} in a value, or -1 ({@code $$} is
   * an escaped $).
   */
  static int variableReference(String value) {
    for (int i = value.indexOf('$');
        i >= 0 && i + 1 < value.length();
        i = value.indexOf('$', i + 1)) {
      char next = value.charAt(i + 1);
      if (next == '$') {
        i++;
      } else if (next == '{' || next == '_' || Character.isLetter(next)) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(String file, Mark mark, String message, String hint) {
    return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1)
        .describe(Diagnostic.error(RULE, "", message, hint));
  }

  /**
   * Replaces a file's content atomically: writes a temporary file beside it (same permissions) and
   * moves it over the file, so a reader sees the old or the new content, never a part.
   */
  static void replace(Path link, byte[] content) throws IOException {
    Path file = link.toRealPath(); // through a symbolic link, replace its target, not the link
    Path dir = file.getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, content);
      PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (posix != null) {
        Set<PosixFilePermission> perms = posix.readAttributes().permissions();
        Files.setPosixFilePermissions(tmp, perms);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
