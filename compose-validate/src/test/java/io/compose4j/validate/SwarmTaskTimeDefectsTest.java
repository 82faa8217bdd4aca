package io.compose4j.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.compose4j.model.Target;
import io.compose4j.yaml.ComposeReader;
import io.compose4j.yaml.ReadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The validator's side of {@link SwarmTaskTimeTest}, in the normal build (no Docker): each
 * task-time defect is reported with its rule as an error, and the corrected stack has no error.
 */
class SwarmTaskTimeDefectsTest {
  @TempDir Path dir;

  @Test
  void eachDefectIsAnErrorOfItsRuleAndItsCorrectionIsClean() throws Exception {
    Files.writeString(dir.resolve("app.conf"), "listen 80;\n", StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("tpl.conf"), "token={{ secret \"token\" }}\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("token.txt"), "s3cret\n", StandardCharsets.UTF_8);
    List<Arguments> defects = SwarmTaskTimeTest.defects().toList();
    assertThat(defects).hasSizeGreaterThanOrEqualTo(12);
    for (Arguments a : defects) {
      Object[] x = a.get();
      String rule = (String) x[0];
      String broken = (String) x[2];
      String fixed = broken.replace((String) x[3], (String) x[4]);
      assertThat(fixed).as("%s: the correction changes the stack", rule).isNotEqualTo(broken);
      assertThat(errors(broken)).as("%s is reported for the defect", rule).contains(rule);
      assertThat(errors(fixed))
          .as("%s: the corrected stack has no error:%n%s", rule, fixed)
          .isEmpty();
    }
  }

  private List<String> errors(String yaml) {
    ReadResult read = ComposeReader.create().withBaseDir(dir).read(yaml, "stack.yml");
    return StackValidator.forTarget(Target.SWARM)
        .baseDir(dir)
        .validate(read.stack(), read.facts())
        .errors()
        .stream()
        .map(d -> d.ruleId())
        .toList();
  }
}
