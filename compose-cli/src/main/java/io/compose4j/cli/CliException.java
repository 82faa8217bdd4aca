package io.compose4j.cli;

/**
 * Bad input the command reports and stops on with exit code 2: a bad project configuration file, a
 * folder without stack files, a file {@code fmt --write} cannot rewrite without losing something.
 * The message is complete (position, problem, what to do); no stack trace is shown.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message, null, false, false);
  }
}
