package io.compose4j.docker;

/**
 * The engine could not be read: none answers, it is not a swarm manager, or it answered an error.
 * The message is one line.
 */
public final class DockerEngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Returns an exception with this one-line message. */
  public DockerEngineException(String message) {
    super(message);
  }
}
