package io.compose4j.yaml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests of this module find {@code ../shared/corpus}. */
public final class SharedCorpus {
  private SharedCorpus() {}

  /**
   * Returns the corpus folder: {@code compose4j.shared}'s {@code corpus}, else {@code
   * ../../shared/corpus} from the module; the calling test is skipped when it is not there.
   */
  public static Path corpus() {
    String configured = System.getProperty("compose4j.shared");
    Path shared =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("..", "..", "shared");
    Path corpus = shared.resolve("corpus");
    assumeTrue(
        Files.isDirectory(corpus.resolve("files")), "../shared/corpus is not available: skipped");
    return corpus.toAbsolutePath().normalize();
  }
}
