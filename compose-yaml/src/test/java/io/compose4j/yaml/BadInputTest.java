package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every kind of bad input gives a {@link ComposeReadException} whose one-line message is {@code
 * FILE:LINE:COL: error: ...} and says what to do. (The timeouts only guard against hangs; speed is
 * measured by the benchmarks.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BadInputTest {
  private static ComposeReadException fail(String yaml) {
    return fail(yaml, Map.of());
  }

  private static ComposeReadException fail(String yaml, Map<String, String> env) {
    ComposeReadException e =
        catchThrowableOfType(
            ComposeReadException.class,
            () -> ComposeReader.create().withEnvironment(env).read(yaml, "stack.yml"));
    assertThat(e).as("expected a ComposeReadException for:%n%s", yaml).isNotNull();
    assertThat(e.getMessage())
        .doesNotContain("\n")
        .startsWith("stack.yml:" + e.line() + ":" + e.column() + ": error: ");
    return e;
  }

  @Test
  void malformedYamlPointsAtTheProblem() {
    ComposeReadException e = fail("services:\n  web:\n    image: [nginx\n");
    assertThat(e.line()).isGreaterThanOrEqualTo(3);
    assertThat(e.reason()).startsWith("malformed YAML");
  }

  @Test
  void tabsForIndentationAreExplained() {
    ComposeReadException e = fail("services:\n\tweb:\n\t\timage: nginx\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).contains("tab character").contains("only spaces");
  }

  @Test
  void duplicateKeysNameTheFirstOne() {
    ComposeReadException e = fail("services:\n  web:\n    image: a\n    image: b\n");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(5);
    assertThat(e.reason()).contains("'image' is already defined at line 3");
  }

  @Test
  void unknownKeysAreErrorsWithASuggestion() {
    ComposeReadException e =
        fail("services:\n  web:\n    image: nginx\n    deploy:\n      replica: 3\n");
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.path()).isEqualTo("services.web.deploy.replica");
    assertThat(e.reason()).contains("unknown key 'replica'").contains("did you mean 'replicas'?");
  }

  @Test
  void unknownTopLevelKeyListsTheAllowedOnes() {
    ComposeReadException e = fail("services: {}\nfoo: bar\n");
    assertThat(e.reason()).contains("unknown key 'foo' at the top level").contains("services");
  }

  @Test
  void wrongTypesSayWhatWasExpected() {
    ComposeReadException e =
        fail("services:\n  web:\n    image: nginx\n    deploy:\n      replicas: five\n");
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(17);
    assertThat(e.path()).isEqualTo("services.web.deploy.replicas");
    assertThat(e.reason()).isEqualTo("expected an integer, got the string 'five'");
  }

  @Test
  void aNumberWhereAStringBelongsSuggestsQuoting() {
    ComposeReadException e = fail("services:\n  web:\n    image: 42\n");
    assertThat(e.reason()).contains("expected a string, got the integer 42").contains("quote it");
  }

  @Test
  void aListWhereAMapBelongs() {
    ComposeReadException e =
        fail("services:\n  web:\n    image: nginx\n    deploy:\n      - replicas: 2\n");
    assertThat(e.path()).isEqualTo("services.web.deploy");
    assertThat(e.reason()).isEqualTo("expected a mapping, got a list");
  }

  @Test
  void emptyFilesSayWhatAComposeFileNeeds() {
    assertThat(fail("").reason()).contains("the file is empty");
    assertThat(fail("# just a comment\n\n").reason()).contains("the file is empty");
  }

  @Test
  void theTopLevelMustBeAMapping() {
    assertThat(fail("- a\n- b\n").reason()).contains("must be a mapping");
    assertThat(fail("just text\n").reason()).contains("must be a mapping");
  }

  @Test
  void nonUtf8BytesArePinpointed() {
    byte[] bytes = "services:\n  web:\n    image: ng".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[bytes.length + 2];
    System.arraycopy(bytes, 0, bad, 0, bytes.length);
    bad[bytes.length] = (byte) 0xff;
    bad[bytes.length + 1] = '\n';
    ComposeReadException e =
        catchThrowableOfType(
            ComposeReadException.class, () -> ComposeReader.create().read(bad, "stack.yml"));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(14);
    assertThat(e.reason()).contains("invalid UTF-8 byte 0xff").contains("save the file as UTF-8");
  }

  @Test
  void customTagsAreRefused() {
    ComposeReadException e =
        fail(
            "services:\n  web: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
    assertThat(e.reason()).contains("tag").contains("is not allowed");
    assertThat(fail("x-a: !!java.lang.Object 1\nservices: {}\n").reason())
        .contains("tag:yaml.org,2002:java.lang.Object");
    assertThat(fail("x-a: !custom value\nservices: {}\n").reason())
        .contains("'!custom' is not allowed");
  }

  @Test
  void composeTagsAreAccepted() {
    ReadResult r =
        ComposeReader.create()
            .read(
                "services:\n  web:\n    image: nginx\n    labels: !override\n      a: b\n",
                "s.yml");
    assertThat(r.stack().services().get("web").labels()).containsEntry("a", "b");
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder y =
        new StringBuilder(
            "x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      y.append("x-").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    y.append("services: {}\n");
    ComposeReadException e = fail(y.toString());
    assertThat(e.reason()).contains("alias bomb");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "x-deep: " + "[".repeat(20_000) + "]".repeat(20_000) + "\nservices: {}\n";
    ComposeReadException e = fail(deep);
    assertThat(e.reason()).contains("nested deeper than");
    String deepMaps =
        "x-deep: " + "{a: ".repeat(20_000) + "1" + "}".repeat(20_000) + "\nservices: {}\n";
    assertThat(fail(deepMaps).reason()).contains("nested deeper than");
  }

  @Test
  void recursiveAndUndefinedAliases() {
    assertThat(fail("x-a: &a [*a]\nservices: {}\n").reason()).contains("recursive alias");
    assertThat(fail("x-a: *nowhere\nservices: {}\n").reason()).contains("no anchor &nowhere");
  }

  @Test
  void unsetRequiredVariablesNameTheVariable() {
    ComposeReadException e =
        fail(
            "services:\n  db:\n    image: postgres:16\n    environment:\n      PASSWORD: ${DB_PASSWORD:?set the database password}\n");
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.path()).isEqualTo("services.db.environment.PASSWORD");
    assertThat(e.reason())
        .contains("required variable DB_PASSWORD is missing a value: set the database password");
    assertThat(fail("services:\n  db:\n    image: ${IMAGE?}\n").reason()).contains("IMAGE");
    ComposeReadException empty =
        fail("services:\n  db:\n    image: ${IMAGE:?}\n", Map.of("IMAGE", ""));
    assertThat(empty.reason()).contains("required variable IMAGE");
  }

  @Test
  void invalidInterpolationSaysToEscape() {
    ComposeReadException e =
        fail("services:\n  web:\n    image: nginx\n    command: echo $(date)\n");
    assertThat(e.reason()).contains("write $$ for a literal $");
  }

  @Test
  void secondDocumentIsRefused() {
    assertThat(fail("services: {}\n---\nservices: {}\n").reason())
        .contains("another one starts here");
  }

  @Test
  void badScalarValuesCarryTheParserMessage() {
    assertThat(fail("services:\n  w:\n    image: a\n    stop_grace_period: 1d\n").reason())
        .contains("invalid duration \"1d\"");
    assertThat(fail("services:\n  w:\n    image: a\n    ports: [\"http\"]\n").reason())
        .contains("invalid port \"http\"");
    assertThat(fail("services:\n  w:\n    image: a\n    volumes: [\":/x\"]\n").reason())
        .contains("invalid volume");
    assertThat(
            fail("services:\n  w:\n    image: a\n    deploy:\n      resources:\n        limits:\n          memory: lots\n")
                .reason())
        .contains("invalid size \"lots\"");
  }
}
