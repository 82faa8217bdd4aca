package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compose4j.cli.FmtCommandTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Run run(String... args) {
    return FmtCommandTest.run(Map.of(), args);
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  static final String VALID =
      """
      version: "3.9"
      services:
        web:
          image: nginx:1.25
          healthcheck:
            test: ["CMD", "true"]
          deploy:
            replicas: 2
            resources:
              limits: {memory: 64M}
      """;

  /** Diagnostics point at the key: replicas at 8:7, the host IP port at 10:9, networks at 11:5. */
  static final String BROKEN =
      """
      version: "3.9"
      services:
        web:
          image: nginx:1.25
          healthcheck:
            test: ["CMD", "true"]
          deploy:
            replicas: -1
          ports:
            - "127.0.0.1:8080:80"
          networks: [front]
      """;

  @Nested
  class ExitCodes {
    @Test
    void aValidFileExitsWithZeroAndPrintsNothingOnStdout() throws IOException {
      Run r = run("validate", file("ok.yml", VALID).toString());
      assertThat(r.code()).isZero();
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEqualTo("0 errors, 0 warnings, 0 info in 1 file\n");
    }

    @Test
    void warningsAloneExitWithZero() throws IOException {
      Path f = file("warn.yml", VALID.replace("nginx:1.25", "nginx:latest"));
      Run r = run("validate", f.toString());
      assertThat(r.code()).isZero();
      assertThat(r.out())
          .contains(
              f
                  + ":4:5: warning: the image nginx:latest is not pinned to a version [LINT-IMAGE-LATEST]");
    }

    @Test
    void anErrorExitsWithOne() throws IOException {
      Run r = run("validate", file("bad.yml", BROKEN).toString());
      assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void anUnparsableFileExitsWithTwoEvenNextToAFileWithErrors() throws IOException {
      Path bad = file("bad.yml", BROKEN);
      Path unknown =
          file(
              "unknown.yml",
              "services:\n  web:\n    image: nginx:1.25\n    deploy:\n      replica: 2\n");
      Run r = run("validate", bad.toString(), unknown.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out())
          .contains(
              unknown
                  + ":5:7: error: unknown key 'replica' in services.web.deploy; did you mean 'replicas'? [parse]")
          .contains(bad + ":8:7: error: replicas must not be negative (got -1) [SWARM-MODE-006]");
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingFileIsAParseDiagnosticWithoutPosition() {
      String missing = dir.resolve("nope.yml").toString();
      Run r = run("validate", missing);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out())
          .startsWith(missing + ": error: no such file; check the path")
          .contains("[parse]");
    }

    @Test
    void badUsageExitsWithTwo() throws IOException {
      Path f = file("ok.yml", VALID);
      assertThat(run("validate", "--format", "xml", f.toString()).code()).isEqualTo(2);
      assertThat(run("validate", "--format", "xml", f.toString()).err())
          .contains("'xml' is not a format; use text, json, sarif, github or junit");
      assertThat(run("validate", "--suppress", "SWARM-NOPE-1", f.toString()).err())
          .contains("SWARM-NOPE-1: no such rule");
      assertThat(run("validate").code()).isEqualTo(2);
    }
  }

  @Nested
  class Text {
    @Test
    void eachDiagnosticIsOneLineAtTheOffendingPositionWithAnIndentedHint() throws IOException {
      Path f = file("bad.yml", BROKEN);
      Run r = run("validate", f.toString());
      List<String> lines = r.out().lines().toList();
      assertThat(lines)
          .contains(
              f + ":8:7: error: replicas must not be negative (got -1) [SWARM-MODE-006]",
              f
                  + ":10:9: warning: ignoring IP-address 127.0.0.1: the service will listen on '0.0.0.0' [SWARM-EP-007]",
              f + ":11:5: error: service web: undefined network \"front\" [SWARM-REF-001]");
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("  ")) {
          assertThat(lines.get(i)).startsWith("  hint: ");
          assertThat(lines.get(i - 1)).startsWith(f.toString());
        } else {
          assertThat(lines.get(i)).matches(".+:\\d+:\\d+: (error|warning): .+ \\[[A-Za-z0-9-]+\\]");
        }
      }
      assertThat(r.err()).isEqualTo("2 errors, 1 warning, 1 info in 1 file\n");
    }

    @Test
    void infoIsShownOnlyWhenAskedFor() throws IOException {
      Path f = file("bad.yml", BROKEN);
      assertThat(run("validate", f.toString()).out()).doesNotContain(": info: ");
      assertThat(run("validate", "--info", f.toString()).out())
          .contains(
              f
                  + ":3:3: info: no memory limit: a task can take all the memory of its node [LINT-NO-MEMORY-LIMIT]");
    }

    @Test
    void suppressedRulesAreNotReported() throws IOException {
      Path f = file("bad.yml", BROKEN);
      Run r = run("validate", "--suppress", "SWARM-EP-007,SWARM-REF-001", f.toString());
      assertThat(r.out())
          .doesNotContain("SWARM-EP-007")
          .doesNotContain("SWARM-REF-001")
          .contains("SWARM-MODE-006");
      assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void targetComposeChecksTheComposeRulesOnly() throws IOException {
      Path f =
          file(
              "compose.yml",
              """
          services:
            web:
              image: nginx:1.25
              build: .
              ports: ["127.0.0.1:8080:80"]
          """);
      assertThat(run("validate", f.toString()).out())
          .contains("[SWARM-KEY-002]")
          .contains("[SWARM-EP-007]");
      Run compose = run("validate", "--target", "compose", f.toString());
      assertThat(compose.out()).doesNotContain("SWARM-KEY-002").doesNotContain("SWARM-EP-007");
      assertThat(compose.code()).isZero();
    }

    @Test
    void filesAreCheckedRelativeToTheirFolderAndUnsetVariablesAreWarnings() throws IOException {
      file("sub/app.env", "A=1\n");
      Path f =
          file(
              "sub/stack.yml",
              """
          version: "3.9"
          services:
            web:
              image: nginx:${TAG}
              env_file: [app.env, missing.env]
          """);
      Run r = run("validate", f.toString());
      assertThat(r.out())
          .contains(
              f
                  + ":4:5: warning: the variable TAG is not set; an empty string is used [variable-unset]")
          .contains("[SWARM-MISC-006]")
          .contains("missing.env")
          .doesNotContain("app.env: no such file");
      assertThat(r.code()).isEqualTo(1);
    }

    @Test
    void differentVersionsInSeveralFilesAreAnError() throws IOException {
      Path a = file("a.yml", VALID);
      Path b = file("b.yml", VALID.replace("\"3.9\"", "\"3.8\""));
      Run r = run("validate", a.toString(), b.toString());
      assertThat(r.out())
          .contains(b + ":1:1: error: version mismatched between two composefiles : 3.9 and 3.8");
      assertThat(r.code()).isEqualTo(1);
      assertThat(run("validate", a.toString(), file("c.yml", VALID).toString()).code()).isZero();
    }
  }

  @Nested
  class Json {
    @Test
    void hasTheShapeOfTheContract() throws IOException {
      Path bad = file("bad.yml", BROKEN);
      Path unparsable = file("tab.yml", "services:\n\tweb: {}\n");
      Run r = run("validate", "--format", "json", bad.toString(), unparsable.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).isEmpty();
      JsonNode root = JSON.readTree(r.out());
      assertThat(root.fieldNames()).toIterable().containsExactly("files");
      JsonNode files = root.get("files");
      assertThat(files).hasSize(2);
      assertThat(files.get(0).get("file").asText()).isEqualTo(bad.toString());
      JsonNode replicas = find(files.get(0).get("diagnostics"), "SWARM-MODE-006");
      assertThat(replicas.get("severity").asText()).isEqualTo("error");
      assertThat(replicas.get("path").asText()).isEqualTo("services.web.deploy.replicas");
      assertThat(replicas.get("line").asInt()).isEqualTo(8);
      assertThat(replicas.get("column").asInt()).isEqualTo(7);
      assertThat(replicas.get("message").asText())
          .isEqualTo("replicas must not be negative (got -1)");
      assertThat(replicas.has("hint")).isTrue();
      assertThat(
              find(files.get(0).get("diagnostics"), "LINT-NO-MEMORY-LIMIT")
                  .get("severity")
                  .asText())
          .isEqualTo("info");
      JsonNode parse = files.get(1).get("diagnostics");
      assertThat(parse).hasSize(1);
      assertThat(parse.get(0).get("rule").asText()).isEqualTo("parse");
      assertThat(parse.get(0).get("line").asInt()).isEqualTo(2);
    }

    @Test
    void aMissingFileHasNullPosition() throws IOException {
      Run r = run("validate", "--format", "json", dir.resolve("nope.yml").toString());
      JsonNode d = JSON.readTree(r.out()).get("files").get(0).get("diagnostics").get(0);
      assertThat(d.get("rule").asText()).isEqualTo("parse");
      assertThat(d.get("line").isNull()).isTrue();
      assertThat(d.get("column").isNull()).isTrue();
    }
  }

  @Nested
  class Sarif {
    /**
     * The same SARIF text from every JVM: a {@code Map.of}'s entry order is salted per JVM, and the
     * regions and logical locations were once written from such maps (four child JVMs gave three
     * different texts).
     */
    @Test
    void isTheSameTextInEveryJvm() throws Exception {
      Path f = file("bad.yml", BROKEN);
      String first = null;
      for (int i = 0; i < 4; i++) {
        List<String> command =
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "validate",
                "--format",
                "sarif",
                f.toString());
        Path out = dir.resolve("sarif-" + i + ".json");
        Process p =
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        String text = Files.readString(out, StandardCharsets.UTF_8);
        if (first == null) {
          first = text;
          assertThat(text)
              .containsSubsequence("\"startLine\" : 10", "\"startColumn\" : 9")
              .containsSubsequence("\"fullyQualifiedName\"", "\"kind\" : \"member\"");
        } else {
          assertThat(text).as("child JVM " + i).isEqualTo(first);
        }
      }
    }

    @Test
    void isASarif210LogWithRulesAndLocatedResults() throws IOException {
      Path f = file("bad.yml", BROKEN);
      Run r = run("validate", "--format", "sarif", f.toString());
      assertThat(r.code()).isEqualTo(1);
      JsonNode log = JSON.readTree(r.out());
      assertThat(log.get("version").asText()).isEqualTo("2.1.0");
      JsonNode run = log.get("runs").get(0);
      assertThat(run.at("/tool/driver/name").asText()).isEqualTo("compose4j");
      JsonNode rules = run.at("/tool/driver/rules");
      List<String> ids = new ArrayList<>();
      rules.forEach(n -> ids.add(n.get("id").asText()));
      assertThat(ids)
          .contains("SWARM-MODE-006", "SWARM-EP-007", "SWARM-REF-001", "LINT-NO-MEMORY-LIMIT")
          .doesNotHaveDuplicates();
      JsonNode results = run.get("results");
      assertThat(results).hasSize(4);
      for (JsonNode result : results) {
        String id = result.get("ruleId").asText();
        assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(id);
        assertThat(result.get("level").asText()).isIn("error", "warning", "note");
        assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
            .isEqualTo(f.toUri().toString());
      }
      JsonNode ep =
          results.findParents("ruleId").stream()
              .filter(n -> n.get("ruleId").asText().equals("SWARM-EP-007"))
              .findFirst()
              .orElseThrow();
      assertThat(ep.get("level").asText()).isEqualTo("warning");
      assertThat(ep.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(10);
      assertThat(ep.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(9);
      assertThat(ep.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
          .isEqualTo("services.web.ports[0]");
      assertThat(
              rules
                  .get(ids.indexOf("LINT-NO-MEMORY-LIMIT"))
                  .at("/defaultConfiguration/level")
                  .asText())
          .isEqualTo("note");
      assertThat(rules.get(ids.indexOf("SWARM-MODE-006")).at("/fullDescription/text").asText())
          .isNotBlank();
    }

    @Test
    void relativeFilesStayRelativeUris() throws IOException {
      Path f = file("sub dir/bad.yml", BROKEN);
      Path relative = Path.of("").toAbsolutePath().relativize(f);
      Run r = run("validate", "--format", "sarif", relative.toString());
      String uri =
          JSON.readTree(r.out())
              .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
              .asText();
      assertThat(uri).endsWith("sub%20dir/bad.yml").doesNotStartWith("file:").doesNotStartWith("/");
    }
  }

  static JsonNode find(JsonNode diagnostics, String rule) {
    for (JsonNode d : diagnostics) {
      if (d.get("rule").asText().equals(rule)) {
        return d;
      }
    }
    throw new AssertionError("no " + rule + " in " + diagnostics);
  }
}
