package io.compose4j.validate;

import static io.compose4j.model.Severity.ERROR;
import static io.compose4j.model.Severity.WARNING;
import static io.compose4j.validate.Checks.path;
import static io.compose4j.validate.Checks.services;
import static io.compose4j.validate.Rule.rule;

import io.compose4j.model.Service;
import io.compose4j.model.Target;
import io.compose4j.model.internal.Rx;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * SWARM-EXEC: commands run without a shell. A container's {@code entrypoint} and {@code command}
 * are executed directly (a string is split into words, as Compose does, never given to a shell),
 * and so is a health check's {@code CMD} form.
 */
final class ExecRules {
  private static final Rx SCRIPT_PATH = Rx.compile("[\\w./-]+");

  private ExecRules() {}

  /** Shell builtins and keywords that exist as no executable on any image. */
  static final Set<String> BUILTINS =
      Set.of(
          "cd",
          "export",
          "source",
          ".",
          "set",
          "unset",
          "alias",
          "unalias",
          "exit",
          "eval",
          "exec",
          "ulimit",
          "umask",
          "shopt",
          "declare",
          "local",
          "readonly",
          "trap",
          "typeset",
          "let",
          "[[",
          "if",
          "for",
          "while",
          "until",
          "then",
          "do",
          "function",
          "{",
          "(");

  /** Shell control operators and redirections that only a shell understands. */
  static final Set<String> OPERATORS =
      Set.of("&&", "||", "|", ";", "&", ">", ">>", "<", "2>", "2>&1", ">&2", "1>&2", "&>", ";;");

  private static final Set<String> SHELLS =
      Set.of(
          "sh",
          "bash",
          "ash",
          "dash",
          "zsh",
          "ksh",
          "busybox",
          "fish",
          "tini",
          "dumb-init",
          "env",
          "su-exec",
          "gosu",
          "xargs",
          "nohup",
          "timeout",
          "watch",
          "sudo",
          "s6-svscan");
  private static final Rx SHELL_SYNTAX = Rx.compile("&&|\\|\\||[|;<>`]|\\$\\(|^\\w+=");

  /**
   * Images whose official builds have no {@code ENTRYPOINT}: their {@code command} is the program
   * itself. (Other images may run {@code command} through an entrypoint that re-splits it.)
   */
  static final Set<String> NO_ENTRYPOINT =
      Set.of(
          "busybox",
          "alpine",
          "debian",
          "ubuntu",
          "centos",
          "fedora",
          "rockylinux",
          "almalinux",
          "amazonlinux",
          "archlinux",
          "python",
          "node",
          "golang",
          "ruby",
          "perl",
          "rust",
          "openjdk",
          "eclipse-temurin",
          "amazoncorretto",
          "buildpack-deps");

  /**
   * One command that is executed without a shell: where it is written, its words, and whether its
   * first word is certainly the program (an entrypoint or health check written in the file, or an
   * image without entrypoint).
   */
  record Exec(String path, List<String> words, boolean certain) {
    String program() {
      return words.get(0);
    }
  }

  /** Returns the commands of a service that Docker executes directly, program first. */
  static List<Exec> execs(String name, Service s) {
    List<Exec> out = new ArrayList<>();
    List<String> entrypoint = s.entrypoint().orElse(List.of());
    List<String> command = s.command().orElse(List.of());
    if (!entrypoint.isEmpty()) {
      List<String> all = new ArrayList<>(entrypoint);
      all.addAll(command);
      out.add(new Exec(path(name) + ".entrypoint", all, true));
    } else if (!command.isEmpty() && command.get(0) != null && !command.get(0).startsWith("-")) {
      out.add(
          new Exec(
              path(name) + ".command",
              command,
              s.image().map(ExecRules::withoutEntrypoint).orElse(false)));
    }
    s.healthcheck()
        .ifPresent(
            h -> {
              List<String> test = h.test();
              if (test.size() > 1 && "CMD".equals(test.get(0))) {
                out.add(
                    new Exec(path(name) + ".healthcheck.test", test.subList(1, test.size()), true));
              }
            });
    out.removeIf(e -> e.words().isEmpty() || e.program() == null);
    return out;
  }

  /** Returns whether the image is one of the well-known images without entrypoint. */
  static boolean withoutEntrypoint(String image) {
    String repo = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = repo.lastIndexOf('/');
    int colon = repo.lastIndexOf(':');
    if (colon > slash) {
      repo = repo.substring(0, colon);
    }
    return NO_ENTRYPOINT.contains(repo.substring(slash + 1));
  }

  /** Reports an error when the program is certain, else a warning saying what it depends on. */
  private static void report(RuleContext ctx, Exec e, String message, String hint) {
    if (e.certain()) {
      ctx.report(e.path(), message, hint);
    } else {
      ctx.report(
          WARNING,
          e.path(),
          message + " (unless the image's own entrypoint runs the command through a shell)",
          hint);
    }
  }

  private static String base(String program) {
    return program.substring(program.lastIndexOf('/') + 1);
  }

  private static String hint(Exec e) {
    return e.path().endsWith(".healthcheck.test")
        ? "write the test as CMD-SHELL with one string, or as CMD with one word per item"
        : "run it through a shell: [\"sh\", \"-c\", \""
            + String.join(" ", e.words()).replace("\"", "\\\"")
            + "\"]"
            + ", or give one word per list item";
  }

  static List<Rule> rules() {
    return List.of(
        rule("SWARM-EXEC-001", ERROR, "a program name with spaces or shell syntax")
            .stage("A")
            .targets(Target.SWARM, Target.COMPOSE)
            .source(
                "moby/moby daemon (container start, exec of Path); opencontainers/runc exec.LookPath")
            .explain(
                """
                In the list form, the first item of `entrypoint` (or of `command` when there is no
                entrypoint), and the item after `CMD` in a health check, is the program itself: Docker
                looks up a file of exactly that name. `["sleep 3600"]` or `["cd /app && ./run"]` fails
                at start on every node (`exec: "sleep 3600": executable file not found in $PATH`), so
                the task never runs (a health check never passes, and the task is restarted forever).
                Give one word per item, or run a shell: `["sh", "-c", "cd /app && ./run"]`. Reported
                in moby/moby#27397 (`docker service create ... "sleep infinity"`: "lots of dead
                containers").

                An error when the program is certain: an `entrypoint` or health check written in the
                file, or a `command` for a well-known image without entrypoint (`busybox`, `alpine`,
                `debian`, `ubuntu`, `python`, `node`, ...). For other images `command` is given to the
                image's entrypoint, which may re-split it (an unquoted `$@`): a warning. A `command`
                whose first item starts with `-` is taken as the entrypoint's options and not checked.""")
            .failing(
                """
                version: "3.9"
                services:
                  worker:
                    image: busybox:1.36
                    command: ["sleep 3600"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  worker:
                    image: busybox:1.36
                    command: ["sleep", "3600"]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (Exec e : execs(name, s)) {
                            String program = e.program();
                            if (program.isBlank()) {
                              report(ctx, e, "the program name is empty", hint(e));
                            } else if (hasWhitespace(program) || SHELL_SYNTAX.find(program)) {
                              report(
                                  ctx,
                                  e,
                                  "exec: \""
                                      + program
                                      + "\": executable file not found in $PATH; a program name"
                                      + " with spaces or shell syntax is looked up as one file name",
                                  hint(e));
                            }
                          }
                        })),
        rule("SWARM-EXEC-002", ERROR, "a shell builtin run as a program")
            .stage("A")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("moby/moby daemon (container start); POSIX shell builtins")
            .explain(
                """
                `cd`, `export`, `source`, `set`, `exec`, `exit`, `ulimit` and the like are built into
                shells and exist as no file, so a command that starts with one (`command: cd /app && npm
                start` is split into words and run without a shell) fails at start on every node: `exec:
                "cd": executable file not found in $PATH`. Certain (an error) as for SWARM-EXEC-001;
                a warning for a `command` of an image that may have its own entrypoint.""")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: node:20
                    command: cd /app && npm start
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: node:20
                    working_dir: /app
                    command: npm start
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (Exec e : execs(name, s)) {
                            if (BUILTINS.contains(e.program())) {
                              report(
                                  ctx,
                                  e,
                                  "exec: \""
                                      + e.program()
                                      + "\": executable file not found in $PATH; "
                                      + e.program()
                                      + " is a shell builtin",
                                  e.program().equals("cd")
                                      ? "use working_dir, or run it through sh -c"
                                      : hint(e));
                            }
                          }
                        })),
        rule("SWARM-EXEC-003", ERROR, "shell operators passed as arguments")
            .stage("A")
            .targets(Target.SWARM, Target.COMPOSE)
            .source(
                "moby/moby daemon (container start); docker/cli (string commands are split, not given to a shell)")
            .explain(
                """
                Without a shell, `&&`, `||`, `|`, `;` and redirections are plain arguments of the first
                program: `command: npm install && npm start` runs `npm` with the arguments `install`,
                `&&`, `npm`, `start`. The program runs once, not as written, and exits or fails: the real
                Swarm shows `command: echo start && sleep 3600` completing at once and restarted forever
                (the task never stays running). Run it through a shell
                (`["sh", "-c", "npm install && npm start"]`). Certain (an error) as for SWARM-EXEC-001; a
                warning for a `command` of an image that may have its own entrypoint.""")
            .failing(
                """
                version: "3.9"
                services:
                  app:
                    image: node:20
                    command: npm install && npm start
                """)
            .passing(
                """
                version: "3.9"
                services:
                  app:
                    image: node:20
                    command: ["sh", "-c", "npm install && npm start"]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (Exec e : execs(name, s)) {
                            if (SHELLS.contains(base(e.program()))
                                || BUILTINS.contains(e.program())) {
                              continue;
                            }
                            // the first operator among the arguments (a loop: see Rx)
                            List<String> words = e.words();
                            for (int w = 1; w < words.size(); w++) {
                              String op = words.get(w);
                              if (OPERATORS.contains(op)) {
                                report(
                                    ctx,
                                    e,
                                    "'"
                                        + op
                                        + "' is passed to "
                                        + e.program()
                                        + " as an argument; no shell runs this command",
                                    hint(e));
                                break;
                              }
                            }
                          }
                        })),
        rule("SWARM-EXEC-004", ERROR, "sh -c without its script as one item")
            .stage("A")
            .targets(Target.SWARM, Target.COMPOSE)
            .source("POSIX sh -c command_string [command_name [argument...]]")
            .explain(
                """
                `sh -c` takes the whole script as the one item after `-c`; the items after it become
                `$0`, `$1`, ... of the script, not part of it. `["sh", "-c", "sleep", "3600"]` runs
                `sleep` without an argument, which fails (real Swarm: `task: non-zero exit (1)`), and
                `["sh", "-c"]` has no script at all (`sh: -c requires an argument`, exit 2). Write
                `["sh", "-c", "sleep 3600"]`.""")
            .failing(
                """
                version: "3.9"
                services:
                  worker:
                    image: busybox:1.36
                    command: ["sh", "-c", "sleep", "3600"]
                """)
            .passing(
                """
                version: "3.9"
                services:
                  worker:
                    image: busybox:1.36
                    command: ["sh", "-c", "sleep 3600"]
                """)
            .check(
                ctx ->
                    services(
                        ctx.stack(),
                        (name, s) -> {
                          for (Exec e : execs(name, s)) {
                            if (!Set.of("sh", "bash", "ash", "dash", "zsh", "ksh")
                                .contains(base(e.program()))) {
                              continue;
                            }
                            List<String> w = e.words();
                            int c = w.indexOf("-c");
                            if (c < 0) {
                              continue;
                            }
                            if (c == w.size() - 1) {
                              report(
                                  ctx,
                                  e,
                                  e.program() + ": -c requires an argument",
                                  "give the script as the item after -c");
                            } else if (c + 2 < w.size()
                                && w.get(c + 1) != null
                                && SCRIPT_PATH.matches(w.get(c + 1).strip())) {
                              report(
                                  ctx,
                                  e,
                                  "the script of "
                                      + e.program()
                                      + " -c is only '"
                                      + w.get(c + 1)
                                      + "'; the items after it become $0, $1, ...",
                                  "write the script as one item: [\""
                                      + e.program()
                                      + "\", \"-c\", \""
                                      + String.join(" ", w.subList(c + 1, w.size()))
                                          .replace("\"", "\\\"")
                                      + "\"]");
                            }
                          }
                        })));
  }

  /** Whether a text holds a whitespace character (a loop, not chars().anyMatch: see Rx). */
  private static boolean hasWhitespace(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
