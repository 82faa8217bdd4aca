package io.compose4j.yaml.bind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string command into words the way Docker does (google/shlex): whitespace separates
 * words, single quotes are literal, double quotes allow backslash escapes, a backslash outside
 * quotes escapes the next character, and {@code #} at the start of a word begins a comment.
 */
final class ShellWords {
  private ShellWords() {}

  private enum State {
    START,
    WORD,
    ESCAPING,
    ESCAPING_QUOTED,
    DOUBLE,
    SINGLE,
    COMMENT
  }

  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    State state = State.START;
    for (int i = 0; i <= text.length(); i++) {
      boolean eof = i == text.length();
      char c = eof ? 0 : text.charAt(i);
      boolean space = !eof && (c == ' ' || c == '\t' || c == '\r' || c == '\n');
      switch (state) {
        case START -> {
          if (eof || space) {
            break;
          }
          if (c == '"') {
            state = State.DOUBLE;
          } else if (c == '\'') {
            state = State.SINGLE;
          } else if (c == '\\') {
            state = State.ESCAPING;
          } else if (c == '#') {
            state = State.COMMENT;
          } else {
            word.append(c);
            state = State.WORD;
          }
        }
        case WORD -> {
          if (eof || space) {
            words.add(word.toString());
            word.setLength(0);
            state = State.START;
          } else if (c == '"') {
            state = State.DOUBLE;
          } else if (c == '\'') {
            state = State.SINGLE;
          } else if (c == '\\') {
            state = State.ESCAPING;
          } else {
            word.append(c);
          }
        }
        case ESCAPING -> {
          if (eof) {
            throw new IllegalArgumentException(
                "the command ends with an escape character '\\': \"" + text + "\"");
          }
          word.append(c);
          state = State.WORD;
        }
        case ESCAPING_QUOTED -> {
          if (eof) {
            throw new IllegalArgumentException(
                "the command ends with an escape character '\\': \"" + text + "\"");
          }
          word.append(c);
          state = State.DOUBLE;
        }
        case DOUBLE -> {
          if (eof) {
            throw new IllegalArgumentException(
                "the command has an unclosed double quote: \"" + text + "\"");
          } else if (c == '"') {
            state = State.WORD;
          } else if (c == '\\') {
            state = State.ESCAPING_QUOTED;
          } else {
            word.append(c);
          }
        }
        case SINGLE -> {
          if (eof) {
            throw new IllegalArgumentException(
                "the command has an unclosed single quote: \"" + text + "\"");
          } else if (c == '\'') {
            state = State.WORD;
          } else {
            word.append(c);
          }
        }
        case COMMENT -> {
          if (c == '\n') {
            state = State.START;
          }
        }
        default -> throw new IllegalStateException(state.name());
      }
    }
    return words;
  }
}
