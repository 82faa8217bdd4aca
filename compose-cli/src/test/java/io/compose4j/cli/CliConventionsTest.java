package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.compose4j.cli.FmtCommandTest.Run;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The conventions linters share: stdin, fmt --check/--write, --fail-on, folders, .compose4j.yml,
 * formats.
 */
class CliConventionsTest {
  @TempDir Path dir;

  /** Canonical already: fmt --check passes, fmt --write leaves it. */
  static final String CANONICAL =
      """
      version: "3.8"
      services:
        web:
          image: nginx:1.25
          healthcheck:
            test:
              - CMD
              - "true"
          deploy:
            replicas: 2
            resources:
              limits:
                memory: 64M
      """;

  /** The same stack, not in canonical form (flow style, key order). */
  static final String UNFORMATTED =
      """
      version: "3.8"
      services:
        web:
          deploy: {replicas: 2, resources: {limits: {memory: 64M}}}
          healthcheck: {test: [CMD, "true"]}
          image: nginx:1.25
      """;

  /** An error at 8:7 (replicas -1). */
  static final String BROKEN = ValidateCommandTest.BROKEN;

  /** One warning (unpinned image, 4:5) and nothing else. */
  static final String WARNING_ONLY =
      ValidateCommandTest.VALID.replace("nginx:1.25", "nginx:latest");

  /** One info (no memory limit) and nothing else. */
  static final String INFO_ONLY =
      """
      version: "3.9"
      services:
        web:
          image: nginx:1.25
          healthcheck:
            test: ["CMD", "true"]
      """;

  Run run(String stdin, Map<String, String> env, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            dir,
            terminal);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Run run(String... args) {
    return run("", Map.of(), false, args);
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Nested
  class StandardInput {
    @Test
    void validateReadsDashFromStdinAndNamesItStdin() {
      Run r = run(BROKEN, Map.of(), false, "validate", "-");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out())
          .contains("<stdin>:8:7: error: replicas must not be negative (got -1) [SWARM-MODE-006]");
    }

    @Test
    void aParseErrorOnStdinIsPositionedAtStdin() {
      Run r =
          run(
              "services:\n  web:\n    image: nginx:1.25\n    replica: 2\n",
              Map.of(),
              false,
              "validate",
              "-");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).startsWith("<stdin>:4:5: error: unknown key 'replica'");
    }

    @Test
    void fmtPrintsTheCanonicalFormOfStdin() {
      Run r = run(UNFORMATTED, Map.of(), false, "fmt", "-");
      assertThat(r.code()).isZero();
      assertThat(r.out()).isEqualTo(CANONICAL);
    }

    @Test
    void fmtCheckReadsStdinAndNamesIt() {
      Run r = run(UNFORMATTED, Map.of(), false, "fmt", "--check", "-");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out()).isEqualTo("<stdin>\n");
    }

    @Test
    void stdinGivenTwiceIsBadUsage() {
      Run r = run(CANONICAL, Map.of(), false, "validate", "-", "-");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("'-' (standard input) can be given only once");
    }

    @Test
    void convertSaysItDoesNotReadStdin() {
      Run r = run(CANONICAL, Map.of(), false, "convert", "-");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("'-' (standard input) is not supported");
    }

    @Test
    void writeRefusesStdin() {
      Run r = run(UNFORMATTED, Map.of(), false, "fmt", "--write", "-");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("<stdin>: error: --write cannot replace standard input [fmt]");
    }
  }

  @Nested
  class FmtCheckAndWrite {
    @Test
    void checkPassesOnCanonicalFilesAndPrintsNothing() throws IOException {
      Path f = file("ok.yml", CANONICAL);
      Run r = run("fmt", "--check", f.toString());
      assertThat(r.code()).isZero();
      assertThat(r.out()).isEmpty();
      assertThat(Files.readString(f)).isEqualTo(CANONICAL);
    }

    @Test
    void checkNamesTheFilesThatWouldChangeExitsOneAndChangesNothing() throws IOException {
      Path ok = file("ok.yml", CANONICAL);
      Path bad = file("bad.yml", UNFORMATTED);
      Run r = run("fmt", "--check", ok.toString(), bad.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out()).isEqualTo(bad + "\n");
      assertThat(Files.readString(bad)).isEqualTo(UNFORMATTED);
    }

    @Test
    void writeReplacesTheFileWithItsCanonicalFormAndNamesIt() throws IOException {
      Path ok = file("ok.yml", CANONICAL);
      Path bad = file("bad.yml", UNFORMATTED);
      Run r = run("fmt", "--write", ok.toString(), bad.toString());
      assertThat(r.code()).isZero();
      assertThat(r.out()).isEqualTo(bad + "\n");
      assertThat(Files.readString(bad)).isEqualTo(CANONICAL);
      assertThat(run("fmt", "--check", bad.toString()).code()).isZero();
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("no temporary file left")
            .containsOnly("ok.yml", "bad.yml");
      }
    }

    @Test
    void writeKeepsTheFilesPermissionsAndWritesThroughASymlink() throws IOException {
      Path real = file("real/bad.yml", UNFORMATTED);
      Files.setPosixFilePermissions(
          real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
      Path link = Files.createSymbolicLink(dir.resolve("link.yml"), real);
      Run r = run("fmt", "--write", link.toString());
      assertThat(r.code()).isZero();
      assertThat(Files.isSymbolicLink(link)).isTrue();
      assertThat(Files.readString(real)).isEqualTo(CANONICAL);
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(real)))
          .isEqualTo("rw-r-----");
    }

    @Test
    void refusesAFileWithCommentsAtTheFirstCommentAndLeavesItAlone() throws IOException {
      String text =
          UNFORMATTED.replace("    image: nginx:1.25\n", "    image: nginx:1.25  # pinned\n");
      Path f = file("c.yml", text);
      Run r = run("fmt", "--write", f.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err())
          .startsWith(
              f
                  + ":6:24: error: the file has comments, which the canonical form does not keep [fmt]");
      assertThat(Files.readString(f)).isEqualTo(text);
    }

    @Test
    void refusesAFileWithVariableReferencesButNotEscapedDollars() throws IOException {
      Path vars = file("v.yml", "services:\n  web:\n    image: nginx:${TAG:-1.25}\n");
      Run r = run("", Map.of("TAG", "2"), false, "fmt", "--check", vars.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err())
          .startsWith(vars + ":3:12: error: the value uses a variable (${TAG:-1.25})");
      Path dollars =
          file("d.yml", "services:\n  web:\n    image: nginx:1.25\n    command: echo $$HOME\n");
      assertThat(run("fmt", "--check", dollars.toString()).err()).doesNotContain("variable");
    }

    @Test
    void refusesWhatTheTargetFormatLeavesOut() throws IOException {
      Path f = file("p.yml", "services:\n  web:\n    image: nginx:1.25\n    profiles: [debug]\n");
      Run r = run("fmt", "--write", f.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err())
          .startsWith(f + ":4:5: error: ")
          .contains("the canonical form would leave it out [fmt]");
      assertThat(Files.readString(f)).contains("profiles: [debug]");
    }

    @Test
    void checkAndWriteTogetherIsBadUsage() throws IOException {
      Path f = file("ok.yml", CANONICAL);
      assertThat(run("fmt", "--check", "--write", f.toString()).code()).isEqualTo(2);
    }

    @Test
    void checkTakesAFolder() throws IOException {
      file("stacks/a.yml", CANONICAL);
      Path b = file("stacks/sub/b.yaml", UNFORMATTED);
      Run r = run("fmt", "--check", dir.resolve("stacks").toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out()).isEqualTo(b + "\n");
    }

    @Test
    void plainFmtRefusesAFolder() throws IOException {
      file("stacks/a.yml", CANONICAL);
      Run r = run("fmt", dir.resolve("stacks").toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("is a folder; fmt prints one stack");
    }
  }

  @Nested
  class FailOn {
    @Test
    void warningsFailWithFailOnWarning() throws IOException {
      Path f = file("w.yml", WARNING_ONLY);
      assertThat(run("validate", f.toString()).code()).isZero();
      assertThat(run("validate", "--fail-on", "warning", f.toString()).code()).isEqualTo(1);
      assertThat(run("validate", "--fail-on", "error", f.toString()).code()).isZero();
    }

    @Test
    void infoFailsOnlyWithFailOnInfoAndIsThenShown() throws IOException {
      Path f = file("i.yml", INFO_ONLY);
      assertThat(run("validate", "--fail-on", "warning", f.toString()).code()).isZero();
      Run r = run("validate", "--fail-on", "info", f.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out()).contains(": info: ").contains("[LINT-NO-MEMORY-LIMIT]");
    }

    @Test
    void aBadSeverityIsBadUsage() throws IOException {
      Run r = run("validate", "--fail-on", "fatal", file("ok.yml", CANONICAL).toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("'fatal' is not a severity; use error, warning or info");
    }
  }

  @Nested
  class Folders {
    @Test
    void aFolderStandsForItsStackFilesOnly() throws IOException {
      Path stack =
          file(
              "deploy/app.yml",
              """
          version: "3.8"
          services:
            web:
              image: nginx:1.25
              configs: [nginx]
              secrets: [token]
          configs:
            nginx:
              file: ./conf/nginx.yml
          secrets:
            token:
              file: ./token.yaml
          """);
      Path other = file("deploy/sub/other.yaml", BROKEN);
      file(
          "deploy/conf/nginx.yml",
          "services:\n  this: is a config file that happens to say services\n");
      file("deploy/token.yaml", "services: secret\n");
      file("deploy/settings.yml", "server:\n  port: 8080\n");
      file("deploy/list.yml", "- services\n- more\n");
      file("deploy/.github/workflows/ci.yml", "on: push\njobs: {}\nservices: {}\n");
      file("deploy/.hidden.yml", BROKEN);
      file("deploy/notes.txt", BROKEN);
      Run r = run("validate", "--format", "json", dir.resolve("deploy").toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(fileNames(r.out())).containsExactly(stack.toString(), other.toString());
    }

    @Test
    void aFileThatIsNotValidYamlIsKeptAndReported() throws IOException {
      Path broken = file("deploy/broken.yml", "services:\n  web: [\n");
      Run r = run("validate", dir.resolve("deploy").toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).startsWith(broken + ":");
    }

    @Test
    void excludeGlobsAreRelativeToTheFolder() throws IOException {
      file("deploy/app.yml", CANONICAL);
      file("deploy/legacy/old.yml", BROKEN);
      Run r = run("validate", "--exclude", "legacy/**", dir.resolve("deploy").toString());
      assertThat(r.code()).isZero();
      assertThat(r.err()).isEqualTo("0 errors, 0 warnings, 0 info in 1 file\n");
    }

    @Test
    void filesOfAFolderAndSeparateStacksNeedNotAgreeOnTheVersion() throws IOException {
      Path a = file("deploy/a.yml", CANONICAL);
      Path b = file("deploy/b.yml", CANONICAL.replace("version: \"3.8\"", "version: \"3.9\""));
      assertThat(run("validate", a.toString(), b.toString()).out())
          .as("one deploy")
          .contains("[SWARM-VER-005]");
      Run separate = run("validate", "--separate-stacks", a.toString(), b.toString());
      assertThat(separate.code()).isZero();
      assertThat(separate.out()).doesNotContain("SWARM-VER-005");
      Run folder = run("validate", dir.resolve("deploy").toString());
      assertThat(folder.code()).isZero();
      assertThat(folder.out()).doesNotContain("SWARM-VER-005");
    }

    @Test
    void aFolderWithoutStackFilesIsAnError() throws IOException {
      file("empty/settings.yml", "a: 1\n");
      Run r = run("validate", dir.resolve("empty").toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains(dir.resolve("empty") + ": error: no stack files in this folder");
    }
  }

  @Nested
  class ProjectConfigFile {
    @Test
    void isFoundUpwardFromTheWorkingDirectoryAndApplies() throws IOException {
      file(
          ".compose4j.yml",
          "fail-on: warning\nsuppress: [SWARM-MODE-006]\nexclude: ['legacy/**']\n");
      Path w = file("w.yml", WARNING_ONLY);
      Path b = file("b.yml", BROKEN);
      file("legacy/old.yml", BROKEN);
      Path workingDir = Files.createDirectories(dir.resolve("a/b"));
      Run r = runIn(workingDir, "validate", w.toString());
      assertThat(r.code()).as("fail-on: warning").isEqualTo(1);
      Run suppressed = runIn(workingDir, "validate", "--fail-on", "error", b.toString());
      assertThat(suppressed.out()).doesNotContain("SWARM-MODE-006");
      Run folder =
          runIn(workingDir, "validate", "--format", "json", "--fail-on", "error", dir.toString());
      assertThat(fileNames(folder.out()))
          .doesNotContain(dir.resolve("legacy/old.yml").toString())
          .contains(b.toString());
      Run explicit =
          runIn(
              workingDir,
              "validate",
              "--format",
              "json",
              dir.resolve("legacy/old.yml").toString(),
              w.toString());
      assertThat(fileNames(explicit.out()))
          .as("an explicit file the config excludes")
          .containsExactly(w.toString());
    }

    @Test
    void theTargetComesFromTheConfigUnlessGivenOnTheCommandLine() throws IOException {
      file(".compose4j.yml", "target: compose\n");
      Path f = file("s.yml", "name: shop\nservices:\n  web:\n    image: nginx:1.25\n");
      assertThat(run("fmt", f.toString()).out()).startsWith("name: shop\n");
      assertThat(run("fmt", "--target", "swarm", f.toString()).out()).startsWith("version: ");
    }

    @Test
    void anUnknownKeyIsAPositionedError() throws IOException {
      Path c = file(".compose4j.yml", "target: swarm\nfail_on: warning\n");
      Run r = run("validate", file("ok.yml", CANONICAL).toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              c
                  + ":2:1: error: unknown key 'fail_on' in .compose4j.yml [config]\n"
                  + "  hint: use one of: target, fail-on, suppress, exclude\n");
    }

    @Test
    void badValuesArePositionedErrors() throws IOException {
      Path c = file(".compose4j.yml", "target: kubernetes\n");
      assertThat(run("validate", file("ok.yml", CANONICAL).toString()).err())
          .startsWith(c + ":1:9: error: 'kubernetes' is not a target [config]");
      file(".compose4j.yml", "fail-on: fatal\n");
      assertThat(run("fmt", file("ok.yml", CANONICAL).toString()).err())
          .startsWith(c + ":1:10: error: 'fatal' is not a severity [config]");
      file(".compose4j.yml", "suppress:\n  - [x]\n");
      assertThat(run("validate", file("ok.yml", CANONICAL).toString()).err())
          .startsWith(
              c + ":2:5: error: each entry of suppress must be a non-empty string [config]");
      file(".compose4j.yml", "suppress: [NOPE-1]\n");
      assertThat(run("validate", file("ok.yml", CANONICAL).toString()).err())
          .startsWith(c + ": error: suppress: no such rule NOPE-1 [config]");
      file(".compose4j.yml", "target: [\n");
      Run r = run("validate", file("ok.yml", CANONICAL).toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).startsWith(c + ":2:1: error: not valid YAML").doesNotContain("Exception");
    }

    Run runIn(Path workingDir, String... args) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          Main.run(
              args,
              new ByteArrayInputStream(new byte[0]),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              Map.of(),
              workingDir,
              false);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  @Nested
  class Quiet {
    @Test
    void printsNothingWhenTheRunPasses() throws IOException {
      Run r = run("validate", "--quiet", file("w.yml", WARNING_ONLY).toString());
      assertThat(r.code()).isZero();
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).isEmpty();
    }

    @Test
    void printsOnlyWhatFailsTheRun() throws IOException {
      Path f = file("b.yml", BROKEN.replace("nginx:1.25", "nginx:latest"));
      Run r = run("validate", "-q", f.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out()).contains(": error: ").doesNotContain(": warning: ");
      assertThat(r.err()).isEmpty();
    }
  }

  @Nested
  class GithubFormat {
    @Test
    void printsWorkflowCommandsWithPositionsAndEscapes() throws IOException {
      Path f = file("b.yml", BROKEN);
      Run r = run("validate", "--format", "github", f.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "::error file="
                  + f
                  + ",line=8,col=7,title=SWARM-MODE-006::replicas must not be negative (got -1)%0Ahint: ");
      assertThat(r.out().lines())
          .allMatch(
              l ->
                  l.matches(
                      "::(error|warning|notice) file=[^,]+,line=\\d+,col=\\d+,title=[A-Z0-9-]+::.*"));
    }

    @Test
    void escapesPropertyValues() {
      assertThat(ReportFormats.property("a,b:c%d\ne")).isEqualTo("a%2Cb%3Ac%25d%0Ae");
      assertThat(ReportFormats.data("50%\r\nx")).isEqualTo("50%25%0D%0Ax");
    }
  }

  @Nested
  class JunitFormat {
    @Test
    void oneTestCasePerFileWithFailuresAndErrors() throws Exception {
      Path ok = file("ok.yml", CANONICAL);
      Path bad = file("bad.yml", BROKEN);
      Path unreadable = file("u.yml", "services: [\n");
      Run r =
          run(
              "validate",
              "--format",
              "junit",
              ok.toString(),
              bad.toString(),
              unreadable.toString());
      assertThat(r.code()).isEqualTo(2);
      Document doc =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new java.io.ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
      Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
      assertThat(suite.getAttribute("tests")).isEqualTo("3");
      assertThat(suite.getAttribute("failures")).isEqualTo("1");
      assertThat(suite.getAttribute("errors")).isEqualTo("1");
      var cases = doc.getElementsByTagName("testcase");
      assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo(ok.toString());
      assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
      Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
      assertThat(failure.getTextContent())
          .contains(bad + ":8:7: error: replicas must not be negative (got -1) [SWARM-MODE-006]");
      assertThat(((Element) cases.item(2)).getElementsByTagName("error").getLength()).isOne();
    }

    @Test
    void warningsAreFailuresWithFailOnWarning() throws Exception {
      Path w = file("w.yml", WARNING_ONLY);
      Run passing = run("validate", "--format", "junit", w.toString());
      assertThat(passing.out()).contains("failures=\"0\"").contains("<system-out>");
      Run failing = run("validate", "--format", "junit", "--fail-on", "warning", w.toString());
      assertThat(failing.out()).contains("failures=\"1\"").contains("<failure");
    }
  }

  @Nested
  class Sarif {
    @Test
    void rulesCarryAHelpUriToTheirDocumentationAnchor() throws IOException {
      Run r = run("validate", "--format", "sarif", file("b.yml", BROKEN).toString());
      JsonNode rules = json(r.out()).at("/runs/0/tool/driver/rules");
      assertThat(rules.size()).isPositive();
      for (JsonNode rule : rules) {
        String id = rule.get("id").asText();
        assertThat(rule.get("helpUri").asText())
            .isEqualTo(ReportFormats.RULES_URL + "#" + id.toLowerCase(Locale.ROOT));
      }
    }

    @Test
    void everyHelpUriAnchorIsAHeadingOfRulesMd() throws IOException {
      String rulesMd = Files.readString(Path.of("..", "docs", "RULES.md"));
      for (io.compose4j.validate.Rule rule : io.compose4j.validate.StackValidator.rules()) {
        String anchor =
            ReportFormats.helpUri(rule.id()).substring(ReportFormats.RULES_URL.length() + 1);
        assertThat(rulesMd).contains("\n## " + rule.id() + "\n");
        assertThat(anchor).isEqualTo(rule.id().toLowerCase(Locale.ROOT));
      }
    }
  }

  @Nested
  class CompletionAndColour {
    @Test
    void generateCompletionPrintsABashScriptForEverySubcommand() {
      Run r = run("generate-completion");
      assertThat(r.code()).isZero();
      assertThat(r.out())
          .contains("complete -F _complete_compose4j")
          .contains("fmt")
          .contains("validate")
          .contains("--fail-on")
          .contains("--format");
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() throws IOException {
      Path f = file("b.yml", BROKEN);
      Run terminal = run("", Map.of(), true, "validate", f.toString());
      assertThat(terminal.out()).contains("\u001b[31m");
      Map<String, String> noColor = new HashMap<>();
      noColor.put("NO_COLOR", "1");
      assertThat(run("", noColor, true, "validate", f.toString()).out()).doesNotContain("\u001b[");
      assertThat(run("", Map.of(), false, "validate", f.toString()).out())
          .doesNotContain("\u001b[");
      assertThat(run("", Map.of(), true, "validate", "--help").out()).contains("\u001b[");
      assertThat(run("", noColor, true, "validate", "--help").out()).doesNotContain("\u001b[");
    }
  }

  static JsonNode json(String text) throws IOException {
    return new ObjectMapper().readTree(text);
  }

  static java.util.List<String> fileNames(String jsonOut) throws IOException {
    java.util.List<String> names = new java.util.ArrayList<>();
    json(jsonOut).get("files").forEach(f -> names.add(f.get("file").asText()));
    return names;
  }
}
