package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link EnvFiles#lines} splits as {@code split("\\r?\\n", -1)} did. */
class EnvFilesLinesTest {
  @Test
  void splitsAsTheRegularExpressionDid() {
    Random r = new Random(11);
    String alphabet = "a=\r\n\n #";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int len = r.nextInt(12);
      for (int k = 0; k < len; k++) {
        s.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      String text = s.toString();
      assertThat(EnvFiles.lines(text)).as(text).containsExactly(text.split("\r?\n", -1));
    }
  }
}
