/**
 * AssertJ assertions and JUnit 5 helpers for testing stacks: {@code ComposeAssertions}, golden
 * files, {@code stackFolder(...)}.
 */
module io.compose4j.test {
  requires transitive io.compose4j.model;
  requires transitive io.compose4j.yaml;
  requires transitive io.compose4j.validate;
  requires static transitive org.jspecify;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires org.opentest4j;

  exports io.compose4j.test;
}
