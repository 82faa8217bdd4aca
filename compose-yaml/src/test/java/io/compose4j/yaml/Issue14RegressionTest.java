package io.compose4j.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.compose4j.model.ByteSize;
import io.compose4j.model.Service;
import io.compose4j.model.Stack;
import io.compose4j.model.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One regression test per defect of issue 14 (hardening), named after it. Inputs that used to take
 * quadratic time are large enough that the old code would run for minutes; the timeouts only guard
 * against that (speed is measured elsewhere, never asserted).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Issue14RegressionTest {
  private static final String WEB = "services:\n  web:\n    image: nginx\n";

  private static ComposeReadException fail(String yaml) {
    return fail(ComposeReader.create(), yaml);
  }

  private static ComposeReadException fail(ComposeReader reader, String yaml) {
    ComposeReadException e =
        catchThrowableOfType(ComposeReadException.class, () -> reader.read(yaml, "stack.yml"));
    assertThat(e).as("expected a ComposeReadException").isNotNull();
    assertThat(e.getMessage())
        .doesNotContain("\n")
        .doesNotContain("\r")
        .startsWith("stack.yml:" + e.line() + ":" + e.column() + ": error: ");
    assertThat(e.getMessage().length()).as("message length").isLessThan(4500);
    return e;
  }

  private static Stack read(String yaml) {
    return ComposeReader.create().read(yaml, "stack.yml").stack();
  }

  @Nested
  class Defect01QuadraticReading {
    @Test
    void dollarFollowedByAMegabyteOfBracesIsRefusedWithAShortMessage() {
      ComposeReadException e =
          fail(WEB + "    environment:\n      A: \"$" + "{".repeat(1_000_000) + "\"\n");
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.reason()).contains("invalid interpolation format").contains("more characters");
    }

    @Test
    void templateActionsWithManyBracesAreScannedOnce() {
      // "{{" everywhere and no "}}": the old regular expression tried every start
      Stack s = read(WEB + "    labels:\n      a: \"" + "{{ x ".repeat(200_000) + "\"\n");
      assertThat(s.services().get("web").labels().get("a")).startsWith("{{ x {{ x");
    }

    @Test
    void aCpusExponentBeyondRangeIsRefusedAtOnce() {
      // found after the fuzz run: "1e99999999" was expanded to a hundred million digits
      ComposeReadException e =
          fail(
              WEB
                  + "    deploy:\n      resources:\n        limits:\n          cpus: \"1e99999999\"\n");
      assertThat(e.line()).isEqualTo(7);
      assertThat(e.reason()).contains("invalid cpus \"1e99999999\": the exponent is out of range");
    }

    @Test
    void aMegabyteIntegerIsRefusedByTheNumberLimitWithoutQuotingItWhole() {
      ComposeReadException e =
          fail(WEB + "    deploy:\n      replicas: " + "9".repeat(1_000_000) + "\n");
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.reason()).contains("maxNumberLength").contains("quote it if it is text");
    }

    @Test
    void aLongIntegerWithinTheLimitIsConvertedInLinearTime() {
      ComposeReader reader =
          ComposeReader.create().withLimits(ReaderLimits.defaults().withMaxNumberLength(2_000_000));
      ComposeReadException e =
          fail(reader, WEB + "    deploy:\n      replicas: " + "9".repeat(1_000_000) + "\n");
      assertThat(e.path()).isEqualTo("services.web.deploy.replicas");
      assertThat(e.reason()).contains("more characters").doesNotContain("9".repeat(300));
      // leading zeros do not count: 0...07 is 7, as Go's ParseInt reads it
      Stack s =
          reader
              .read(
                  WEB + "    deploy:\n      replicas: " + "0".repeat(500_000) + "7\n", "stack.yml")
              .stack();
      assertThat(s.services().get("web").deploy().get().replicas()).hasValue(7);
    }
  }

  @Nested
  class Defect02StackOverflow {
    @Test
    void interpolationNestedTwoThousandDeepIsRefusedByTheDepthLimit() {
      String value = "${X:-".repeat(2000) + "v" + "}".repeat(2000);
      ComposeReadException e = fail(WEB + "    environment:\n      A: \"" + value + "\"\n");
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.path()).isEqualTo("services.web.environment.A");
      assertThat(e.reason())
          .contains("maxInterpolationDepth")
          .contains("-Dcompose4j.maxInterpolationDepth");
    }

    @Test
    void interpolationWithinTheDepthLimitStillWorks() {
      String value = "${X:-".repeat(20) + "v" + "}".repeat(20);
      assertThat(
              read(WEB + "    environment:\n      A: \"" + value + "\"\n")
                  .services()
                  .get("web")
                  .environment())
          .containsEntry("A", java.util.Optional.of("v"));
    }
  }

  @Nested
  class Defect03PortRanges {
    @Test
    void aWholeRangeIsRefusedBeforeItIsExpanded() {
      ComposeReadException e = fail(WEB + "    ports:\n      - \"1-65535:1-65535\"\n");
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.path()).isEqualTo("services.web.ports[0]");
      assertThat(e.reason()).contains("65535 mappings").contains("maxExpandedPorts");
    }

    @Test
    void theLimitCountsEveryRangeOfTheFile() {
      StringBuilder yaml = new StringBuilder("services:\n");
      for (int i = 0; i < 3; i++) {
        yaml.append("  s")
            .append(i)
            .append(":\n    image: nginx\n    ports:\n      - \"")
            .append(10000 + i * 4000)
            .append('-')
            .append(10000 + i * 4000 + 3999)
            .append(":80-4079\"\n");
      }
      ComposeReadException e = fail(yaml.toString());
      assertThat(e.path()).isEqualTo("services.s2.ports[0]");
      assertThat(e.reason()).contains("8000 that ranges expanded to before it");
    }

    @Test
    void portsWithoutARangeDoNotCount() {
      ComposeReader reader =
          ComposeReader.create().withLimits(ReaderLimits.defaults().withMaxExpandedPorts(3));
      StringBuilder yaml = new StringBuilder(WEB + "    ports:\n");
      for (int i = 0; i < 10; i++) {
        yaml.append("      - \"").append(8000 + i).append(":80").append(i).append("\"\n");
      }
      assertThat(
              reader
                  .read(yaml + "      - \"9000-9002:9000-9002\"\n", "stack.yml")
                  .stack()
                  .services()
                  .get("web")
                  .ports())
          .hasSize(13);
      assertThat(
              fail(
                      reader,
                      yaml + "      - \"9000-9002:9000-9002\"\n      - \"9100-9101:9100-9101\"\n")
                  .reason())
          .contains("expands to 2 mappings, and with the 3 that ranges expanded to before it");
    }

    @Test
    void theLimitCanBeRaised() {
      ComposeReader reader =
          ComposeReader.create().withLimits(ReaderLimits.defaults().withMaxExpandedPorts(70_000));
      Stack s = reader.read(WEB + "    ports:\n      - \"1-65535:1-65535\"\n", "stack.yml").stack();
      assertThat(s.services().get("web").ports()).hasSize(65535);
    }
  }

  @Nested
  class Defect05TagsOnNonNumericText {
    @Test
    void intAndFloatTagsOnTextAreReadErrorsWherever_theyAre() {
      String[] places = {
        "    deploy:\n      replicas: %s\n",
        "    deploy:\n      resources:\n        limits:\n          cpus: %s\n",
        "    labels:\n      a: %s\n",
        "    environment:\n      a: %s\n",
        "    ports:\n      - %s\n",
        "    stop_grace_period: %s\n",
      };
      for (String place : places) {
        for (String tagged :
            new String[] {
              "!!int abc",
              "!!float abc",
              "!!int 1.5",
              "!!float 1e400",
              "!!bool 7",
              "!!null x",
              "!!timestamp x",
              "!!int \"\""
            }) {
          ComposeReadException e = fail(WEB + String.format(place, tagged));
          assertThat(e.reason())
              .as(place + tagged)
              .contains("is tagged !!")
              .contains("remove the tag or fix the value");
        }
      }
    }

    @Test
    void tagsOnMatchingValuesAreRead() {
      Stack s =
          read(
              WEB
                  + "    deploy:\n      replicas: !!int 3\n    labels:\n      a: !!float 1.5\n      b: !!int 0x10\n");
      assertThat(s.services().get("web").deploy().get().replicas()).hasValue(3);
      assertThat(s.services().get("web").labels())
          .containsEntry("a", "1.5")
          .containsEntry("b", "16");
    }
  }

  @Nested
  class Defect07WriterOutputReadsBack {
    private String roundTrip(String yaml, Target target) {
      Stack first = read(yaml);
      String written = ComposeWriter.forTarget(target).write(first);
      Stack again = ComposeReader.create().read(written, "written.yml").stack();
      assertThat(ComposeWriter.forTarget(target).write(again)).as("idempotent").isEqualTo(written);
      return written;
    }

    @Test
    void sizesTheStringFormCannotHoldAreWrittenAsIntegers() {
      for (Target target : Target.values()) {
        for (String size : new String[] {"9223372036854775807", "-4", "9007199254740993"}) {
          String written =
              roundTrip(
                  WEB
                      + "    deploy:\n      resources:\n        limits:\n          memory: "
                      + size
                      + "\n"
                      + "    shm_size: "
                      + size
                      + "\n",
                  target);
          assertThat(written)
              .contains("memory: " + size + "\n")
              .contains("shm_size: " + size + "\n");
          Service web = ComposeReader.create().read(written, "w.yml").stack().services().get("web");
          assertThat(web.shmSize()).hasValue(ByteSize.of(Long.parseLong(size)));
        }
      }
      assertThat(roundTrip(WEB + "    shm_size: 1073741824\n", Target.SWARM))
          .contains("shm_size: 1G\n");
    }

    @Test
    void emptyServicesAreWrittenAsAnEmptyMappingForCompose() {
      assertThat(roundTrip("services:\n", Target.COMPOSE)).isEqualTo("services: {}\n");
      assertThat(roundTrip("services:\n", Target.SWARM)).endsWith("services: {}\n");
    }

    @Test
    void aServiceNetworkWhoseSettingsSwarmDropsIsWrittenAsNullOnceAndForAll() {
      String written =
          roundTrip(
              WEB + "    networks:\n      front:\n        priority: 5\nnetworks:\n  front: {}\n",
              Target.SWARM);
      assertThat(written).contains("      front: null\n");
    }
  }

  @Nested
  class Defect08OneLineMessages {
    @Test
    void aMultiLineValueQuotedInAnErrorStaysOnOneLine() {
      ComposeReadException e = fail(WEB + "    stop_grace_period: \"1s\\n2\\r\\n\"\n");
      assertThat(e.reason()).startsWith("invalid duration \"1s\\n2\\r\\n\"");
    }

    @Test
    void aMultiLineKeyInThePathStaysOnOneLine() {
      ComposeReadException e = fail(WEB + "    \"bad\\nkey\": 1\n");
      assertThat(e.path()).doesNotContain("\n");
    }
  }

  @Nested
  class Defect09LongTokens {
    @Test
    void aSixteenMillionCharacterScalarIsReadInLinearTime() {
      // SnakeYAML's own reader copied its window on every 1,024 characters: 16 MB took minutes
      String big = "x".repeat(16_000_000);
      Stack plain = read(WEB + "    labels:\n      a: " + big + "\n      b: c\n");
      assertThat(plain.services().get("web").labels()).containsEntry("b", "c");
      assertThat(plain.services().get("web").labels().get("a")).hasSize(16_000_000);
      Stack quoted = read(WEB + "    labels:\n      a: \"" + big + "\"\n");
      assertThat(quoted.services().get("web").labels().get("a")).hasSize(16_000_000);
    }

    @Test
    void positionsAfterALongTokenAreExact() {
      ComposeReadException e =
          fail(WEB + "    labels:\n      a: " + "x".repeat(5000) + "\n    unknown: 1\n");
      assertThat(e.line()).isEqualTo(6);
      assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void charactersYamlRefusesAreStillRefusedWithTheirPosition() {
      ComposeReadException e = fail(WEB + "    labels:\n      a: \"x\u0001\"\n");
      assertThat(e.reason()).contains("control character");
    }

    @Test
    void textBeyondTheBasicPlaneIsRead() {
      Stack s =
          read(
              WEB
                  + "    labels:\n      a: \"\uD83D\uDE00 "
                  + "\uD83D\uDE00".repeat(3000)
                  + "\"\n      b: c\n");
      assertThat(s.services().get("web").labels().get("a")).startsWith("\uD83D\uDE00 \uD83D\uDE00");
      assertThat(s.services().get("web").labels()).containsEntry("b", "c");
    }
  }

  @Nested
  class Defect10DotEnvInterpolation {
    @Test
    void unquotedAndDoubleQuotedValuesExpandSingleQuotedStayLiteral() {
      Map<String, String> env =
          EnvFiles.parse(
              """
              A=one
              B=${A}-two
              C="${A}-three"
              D='${A}-four'
              E=$A-five
              F=${UNSET:-dflt}
              G=${A:+alt}
              H=$$A
              I="${B}\\n${UNSET-}x"
              export J=${A}""",
              ".env");
      assertThat(env)
          .containsEntry("B", "one-two")
          .containsEntry("C", "one-three")
          .containsEntry("D", "${A}-four")
          .containsEntry("E", "one-five")
          .containsEntry("F", "dflt")
          .containsEntry("G", "alt")
          .containsEntry("H", "$A")
          .containsEntry("I", "one-two\nx")
          .containsEntry("J", "one");
    }

    @Test
    void theOutsideEnvironmentComesFirst() {
      Map<String, String> env =
          EnvFiles.parse(
              "A=file\nB=${A}\nC=${HOME_DIR}/x\n",
              ".env",
              Map.of("A", "process", "HOME_DIR", "/home/me")::get);
      assertThat(env).containsEntry("B", "process").containsEntry("C", "/home/me/x");
    }

    @Test
    void aMissingRequiredVariableIsAPositionedError() {
      ComposeReadException e =
          catchThrowableOfType(
              ComposeReadException.class, () -> EnvFiles.parse("A=1\nB=${NOPE:?set it}\n", ".env"));
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.reason()).contains("B").contains("NOPE");
    }

    @Test
    void aProjectDotEnvIsExpandedWhenTheProjectIsLoaded(@TempDir Path dir) throws IOException {
      Files.writeString(
          dir.resolve(".env"),
          "A=one\nB=${A}-two\nC=\"${A}-three\"\nD='${A}'\n",
          StandardCharsets.UTF_8);
      Path file = dir.resolve("compose.yml");
      Files.writeString(
          file,
          "services:\n  web:\n    image: nginx\n    environment:\n      B: ${B}\n      C: ${C}\n      D: ${D}\n",
          StandardCharsets.UTF_8);
      Stack s =
          ComposeLoader.create().withEnvironment(Map.of()).load(java.util.List.of(file)).stack();
      assertThat(s.services().get("web").environment())
          .containsEntry("B", java.util.Optional.of("one-two"))
          .containsEntry("C", java.util.Optional.of("one-three"))
          .containsEntry("D", java.util.Optional.of("${A}"));
    }
  }

  @Nested
  class Limits {
    @Test
    void theFileSizeIsCheckedBeforeTheFileIsRead(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("big.yml");
      Files.writeString(file, WEB + "# " + "x".repeat(2000) + "\n", StandardCharsets.UTF_8);
      ComposeReader reader =
          ComposeReader.create().withLimits(ReaderLimits.defaults().withMaxFileBytes(1000));
      ComposeReadException e =
          catchThrowableOfType(ComposeReadException.class, () -> reader.read(file));
      assertThat(e.getMessage())
          .startsWith(file + ":1:1: error: the file has " + Files.size(file) + " bytes")
          .contains("maxFileBytes");
      assertThat(
              catchThrowableOfType(
                      ComposeReadException.class,
                      () -> reader.read(Files.readString(file), "big.yml"))
                  .reason())
          .contains("maxFileBytes");
    }

    @Test
    void eachLimitIsNamedWithHowToRaiseIt() {
      ReaderLimits tight =
          ReaderLimits.defaults()
              .withMaxScalarLength(10)
              .withMaxNestingDepth(5)
              .withMaxAliases(2)
              .withMaxAliasExpansion(10);
      ComposeReader reader = ComposeReader.create().withLimits(tight);
      assertThat(fail(reader, WEB + "    labels:\n      a: \"" + "x".repeat(11) + "\"\n").reason())
          .contains("maxScalarLength")
          .contains("ReaderLimits.withMaxScalarLength");
      assertThat(fail(reader, WEB + "    labels:\n      a: [[[[[1]]]]]\n").reason())
          .contains("maxNestingDepth");
      assertThat(
              fail(
                      reader,
                      "x-a: &a [1, 2, 3, 4, 5, 6, 7, 8]\n" + WEB + "    labels: {a: *a, b: *a}\n")
                  .reason())
          .contains("maxAliasExpansion");
      assertThat(fail(reader, "x-a: &a 1\nx-b: [*a, *a, *a]\n" + WEB).reason())
          .contains("maxAliases");
    }

    @Test
    void theProjectLoaderEnforcesItsLimitsToo(@TempDir Path dir) throws IOException {
      Path file = dir.resolve("compose.yml");
      Files.writeString(
          file, WEB + "    ports:\n      - \"8000-8009:8000-8009\"\n", StandardCharsets.UTF_8);
      ComposeLoader loader = ComposeLoader.create().withEnvironment(Map.of());
      assertThat(loader.load(java.util.List.of(file)).stack().services().get("web").ports())
          .hasSize(10);
      ComposeReadException ports =
          catchThrowableOfType(
              ComposeReadException.class,
              () ->
                  loader
                      .withLimits(ReaderLimits.defaults().withMaxExpandedPorts(5))
                      .load(java.util.List.of(file)));
      assertThat(ports.reason()).contains("maxExpandedPorts");
      ComposeReadException size =
          catchThrowableOfType(
              ComposeReadException.class,
              () ->
                  loader
                      .withLimits(ReaderLimits.defaults().withMaxFileBytes(20))
                      .load(java.util.List.of(file)));
      assertThat(size.reason()).contains("maxFileBytes");
    }

    @Test
    void limitsMustBePositive() {
      assertThat(
              catchThrowableOfType(
                  IllegalArgumentException.class,
                  () -> ReaderLimits.defaults().withMaxExpandedPorts(0)))
          .hasMessageContaining("maxExpandedPorts");
    }
  }
}
