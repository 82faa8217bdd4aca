package io.compose4j.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void oneChangedLineWithThreeLinesOfContext() {
    String a = "a\nb\nc\nd\ne\nf\ng\nh\n";
    String b = "a\nb\nc\nd\nE\nf\ng\nh\n";
    assertThat(UnifiedDiff.diff("x (golden)", a, "x (stack)", b))
        .isEqualTo(
            """
        --- x (golden)
        +++ x (stack)
        @@ -2,7 +2,7 @@
         b
         c
         d
        -e
        +E
         f
         g
         h
        """);
  }

  @Test
  void insertionsDeletionsAndSeparateHunks() {
    String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
    String b = "1\n2\n2.5\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n14\n15\n";
    assertThat(UnifiedDiff.diff("a", a, "b", b))
        .isEqualTo(
            """
        --- a
        +++ b
        @@ -1,5 +1,6 @@
         1
         2
        +2.5
         3
         4
         5
        @@ -10,6 +11,5 @@
         10
         11
         12
        -13
         14
         15
        """);
  }

  @Test
  void emptyExpectedAndTheFinalNewline() {
    assertThat(UnifiedDiff.diff("a", "", "b", "x\n"))
        .isEqualTo("--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
    assertThat(UnifiedDiff.diff("a", "x\n", "b", "x"))
        .endsWith("\\ the files differ in the newline at the end\n");
  }
}
