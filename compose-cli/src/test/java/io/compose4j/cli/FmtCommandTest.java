package io.compose4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Nested
  class NoInterpolate {
    @Test
    void keepsTheVariablesAsWritten() throws IOException {
      Path f =
          file(
              "stack.yml",
              """
              services:
                web:
                  image: nginx:${TAG:-1.27}
                  environment:
                    PRICE: $$5
                    HOME_DIR: $HOME
                  ports: ["${PORT}:80"]
              """);
      Run r = run(Map.of("TAG", "9.9", "PORT", "81"), "fmt", "--no-interpolate", f.toString());
      assertThat(r.err()).isEmpty();
      assertThat(r.code()).isZero();
      assertThat(r.out())
          .isEqualTo(
              """
          version: "3.2"
          services:
            web:
              image: "nginx:${TAG:-1.27}"
              environment:
                HOME_DIR: $HOME
                PRICE: $$5
              ports:
                - target: 80
                  published: "${PORT}"
                  protocol: tcp
                  mode: ingress
          """);
      assertThat(run(Map.of("TAG", "9.9", "PORT", "81"), "fmt", f.toString()).out())
          .contains("image: nginx:9.9");
    }

    @Test
    void writeInPlaceKeepsTheVariablesAndCheckThenPasses() throws IOException {
      Path f =
          file(
              "stack.yml",
              "services:\n  web:\n    image: nginx:${TAG:-1.27}\n    ports: [\"${PORT}:80\"]\n");
      Run refused = run(Map.of("TAG", "9.9", "PORT", "81"), "fmt", "--check", f.toString());
      assertThat(refused.code()).isEqualTo(2);
      assertThat(refused.err())
          .contains("the value uses a variable", "use --no-interpolate to keep the variables");

      Run write =
          run(
              Map.of("TAG", "9.9", "PORT", "81"),
              "fmt",
              "--write",
              "--no-interpolate",
              f.toString());
      assertThat(write.err()).isEmpty();
      assertThat(write.code()).isZero();
      assertThat(write.out()).isEqualTo(f + "\n");
      assertThat(Files.readString(f))
          .contains("image: \"nginx:${TAG:-1.27}\"", "published: \"${PORT}\"")
          .doesNotContain("9.9", "81");
      Run check = run(Map.of(), "fmt", "--check", "--no-interpolate", f.toString());
      assertThat(check.code()).isZero();
      assertThat(check.out()).isEmpty();
    }

    @Test
    void aVariableInATypedKeyIsAPositionedError() throws IOException {
      Path f =
          file(
              "stack.yml",
              "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      replicas: ${REPLICAS}\n");
      Run r = run(Map.of(), "fmt", "--no-interpolate", f.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err())
          .isEqualTo(
              f
                  + ":5:17: error: services.web.deploy.replicas: cannot keep the variable ${REPLICAS} "
                  + "in 'replicas' when reading without interpolation: it takes an integer, so its value must be known; read the "
                  + "file with interpolation (give the variable a value) or write the value instead of the variable\n");
    }

    @Test
    void severalFilesAreRefused() throws IOException {
      Path a = file("a.yml", "services:\n  web:\n    image: nginx:1.27\n");
      Path b = file("b.yml", "services:\n  web:\n    image: nginx:1.28\n");
      Run r = run(Map.of(), "fmt", "--no-interpolate", a.toString(), b.toString());
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err())
          .contains(
              "--no-interpolate reads one file: merging several files needs the values of their variables");
    }
  }

  @Nested
  class Success {
    @Test
    void printsCanonicalSwarmYamlByDefault() throws IOException {
      Path f =
          file("stack.yml", "services:\n  web:\n    image: nginx:1.25\n    ports: [\"80:80\"]\n");
      Run r = run(Map.of(), "fmt", f.toString());
      assertThat(r.code()).isZero();
      assertThat(r.err()).isEmpty();
      assertThat(r.out())
          .isEqualTo(
              """
          version: "3.2"
          services:
            web:
              image: nginx:1.25
              ports:
                - target: 80
                  published: 80
                  protocol: tcp
                  mode: ingress
          """);
    }

    @Test
    void composeTargetHasNoVersionAndKeepsTheName() throws IOException {
      Path f =
          file(
              "stack.yml",
              "name: shop\nservices:\n  web:\n    image: nginx:1.25\n    profiles: [web]\n");
      Run r = run(Map.of(), "fmt", "--target", "compose", f.toString());
      assertThat(r.code()).isZero();
      assertThat(r.out())
          .isEqualTo(
              "name: shop\nservices:\n  web:\n    image: nginx:1.25\n    profiles:\n      - web\n");
    }

    @Test
    void interpolatesFromTheProcessEnvironmentAndEnvFilesWithTheProcessWinning()
        throws IOException {
      Path env = file("vars.env", "TAG=1.0\nREPLICAS=2\n# comment\nexport MODE=global\n");
      Path f =
          file(
              "stack.yml",
              "services:\n  web:\n    image: nginx:${TAG}\n    deploy:\n      replicas: ${REPLICAS}\n");
      Run r = run(Map.of("TAG", "2.0"), "fmt", "--env-file", env.toString(), f.toString());
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("image: nginx:2.0").contains("replicas: 2");
    }

    @Test
    void resolvesRelativePathsAgainstTheFilesFolder() throws IOException {
      file("sub/app.env", "A=1\n");
      file("sub/secret.txt", "s3cret\n");
      Path f =
          file(
              "sub/stack.yml",
              """
          services:
            web:
              image: nginx:1.25
              env_file: app.env
              volumes: ["./html:/usr/share/nginx/html:ro", "~/cache:/cache"]
              secrets: [pw]
          secrets:
            pw:
              file: ./secret.txt
          """);
      Run r = run(Map.of("HOME", "/home/me"), "fmt", f.toString());
      assertThat(r.code()).as(r.err()).isZero();
      String folder = dir.resolve("sub").toAbsolutePath().toString();
      assertThat(r.out())
          .contains("source: " + folder + "/html")
          .contains("source: /home/me/cache")
          .contains("file: " + folder + "/secret.txt")
          .contains("- app.env");
    }

    @Test
    void reportsWhatTheSwarmFormatLeavesOutOnStderr() throws IOException {
      Path f =
          file(
              "stack.yml",
              "services:\n  web:\n    image: nginx:1.25\n    ports: [\"127.0.0.1:80:80\"]\n    profiles: [x]\n");
      Run r = run(Map.of(), "fmt", f.toString());
      assertThat(r.code()).isZero();
      assertThat(r.err())
          .contains(f + ":4:13: warning: 'host_ip' is not supported")
          .contains(f + ":5:5: warning: 'profiles' is not supported")
          .contains("  hint: ");
      assertThat(r.out()).doesNotContain("host_ip").doesNotContain("profiles");
    }

    @Test
    void writesUtf8WhateverTheLocale() throws IOException {
      Path f =
          file(
              "stack.yml",
              "services:\n  web:\n    image: nginx:1.25\n    labels:\n      motto: \"Grüße ✓\"\n");
      Run r = run(Map.of("LANG", "C", "LC_ALL", "C"), "fmt", f.toString());
      assertThat(r.out()).contains("motto: Grüße ✓");
    }

    @Test
    void warnsAboutUnsetVariables() throws IOException {
      Path f = file("stack.yml", "services:\n  web:\n    image: nginx:${TAG}\n");
      Run r = run(Map.of(), "fmt", f.toString());
      assertThat(r.code()).isZero();
      assertThat(r.err())
          .contains(
              "warning: the variable TAG is not set; an empty string is used [variable-unset]");
    }
  }

  @Nested
  class Failure {
    private void assertOneErrorLine(Run r, String file, String fragment) {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).endsWith("\n").doesNotContain("\tat ").doesNotContain("Exception");
      assertThat(r.err().strip().lines()).hasSize(1);
      assertThat(r.err()).matches("\\Q" + file + "\\E:\\d+:\\d+: error: .*\\n").contains(fragment);
    }

    @Test
    void unreadableYamlExitsWithTwoAndOneLine() throws IOException {
      Path f = file("bad.yml", "services:\n  web:\n    image: [nginx\n");
      assertOneErrorLine(run(Map.of(), "fmt", f.toString()), f.toString(), "malformed YAML");
    }

    @Test
    void everyKindOfBadInputGivesOneLine() throws IOException {
      String[][] cases = {
        {"tabs.yml", "services:\n\tweb:\n\t\timage: a\n", "tab character"},
        {"dup.yml", "services:\n  a: {image: x}\n  a: {image: y}\n", "already defined"},
        {
          "unknown.yml",
          "services:\n  a:\n    image: x\n    deploy: {replica: 3}\n",
          "did you mean 'replicas'?"
        },
        {
          "type.yml",
          "services:\n  a:\n    image: x\n    deploy: {replicas: five}\n",
          "expected an integer"
        },
        {
          "list.yml",
          "services:\n  a:\n    image: x\n    deploy: [x]\n",
          "expected a mapping, got a list"
        },
        {"empty.yml", "", "the file is empty"},
        {"tag.yml", "services: !!java.util.HashMap {}\n", "is not allowed"},
        {
          "required.yml",
          "services:\n  a:\n    image: ${IMAGE:?give an image}\n",
          "required variable IMAGE"
        },
        {
          "deep.yml",
          "x-a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\nservices: {}\n",
          "nested deeper"
        },
      };
      for (String[] c : cases) {
        Path f = file(c[0], c[1]);
        assertOneErrorLine(run(Map.of(), "fmt", f.toString()), f.toString(), c[2]);
      }
    }

    @Test
    void nonUtf8FileExitsWithTwo() throws IOException {
      Path f = dir.resolve("latin1.yml");
      Files.write(
          f, new byte[] {'s', 'e', 'r', 'v', 'i', 'c', 'e', 's', ':', ' ', (byte) 0xe9, '\n'});
      assertOneErrorLine(
          run(Map.of(), "fmt", f.toString()), f.toString(), "invalid UTF-8 byte 0xe9");
    }

    @Test
    void missingFileAndMissingEnvFile() throws IOException {
      Path missing = dir.resolve("nope.yml");
      assertOneErrorLine(
          run(Map.of(), "fmt", missing.toString()), missing.toString(), "no such file");
      Path f = file("stack.yml", "services:\n  a:\n    image: x\n    env_file: [missing.env]\n");
      // the message of rule SWARM-MISC-006, as compose4j validate reports it
      assertOneErrorLine(
          run(Map.of(), "fmt", f.toString()),
          f.toString(),
          "services.a.env_file[0]: open "
              + dir.resolve("missing.env").toAbsolutePath().normalize()
              + ": no such file or directory; create the file or fix "
              + "the path (relative to the stack file) [SWARM-MISC-006]");
    }

    @Test
    void badUsageExitsWithTwo() {
      Run r = run(Map.of(), "fmt", "--target", "kubernetes", "x.yml");
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("'kubernetes' is not a target; use swarm or compose");
      assertThat(run(Map.of(), "fmt").code()).isEqualTo(2);
    }
  }
}
