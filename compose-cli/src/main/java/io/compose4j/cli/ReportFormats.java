package io.compose4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.validate.FileCheck;
import io.compose4j.validate.FileCheck.FileReport;
import io.compose4j.validate.FileCheck.Finding;
import io.compose4j.validate.Rule;
import io.compose4j.validate.StackValidator;
import io.compose4j.yaml.ReadResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The output formats of {@code compose4j validate}: text, JSON, SARIF 2.1.0, GitHub workflow
 * commands, JUnit XML.
 */
final class ReportFormats {
  /**
   * Jackson's databind (some 300 classes) is loaded only by the JSON and SARIF formats, not on a
   * text run.
   */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  private ReportFormats() {}

  /**
   * Where the rules are documented: {@code docs/RULES.md} of the project's repository, one {@code
   * ## RULE-ID} heading per rule (GitHub's anchor: the id in lower case).
   */
  static final String RULES_URL = "https://github.com/compose4j/compose4j/blob/main/docs/RULES.md";

  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  /**
   * {@code FILE:LINE:COL: severity: message [rule]} and an indented hint, for the findings at least
   * as severe as {@code shown}; with {@code colour} the position is bold and the severity coloured.
   */
  static void text(List<FileReport> reports, Severity shown, boolean colour, PrintWriter out) {
    for (FileReport r : reports) {
      for (Finding f : r.findings()) {
        if (f.diagnostic().severity().compareTo(shown) <= 0) {
          String line = f.describe();
          out.println(colour ? colour(line, f) : line);
        }
      }
    }
  }

  private static String colour(String line, Finding f) {
    Severity s = f.diagnostic().severity();
    String label = ": " + s.label() + ": ";
    int at = line.indexOf(label);
    if (at < 0) {
      return line;
    }
    String c =
        switch (s) {
          case ERROR -> RED;
          case WARNING -> YELLOW;
          case INFO -> CYAN;
        };
    return BOLD
        + line.substring(0, at)
        + RESET
        + ": "
        + c
        + BOLD
        + s.label()
        + RESET
        + ": "
        + line.substring(at + label.length());
  }

  /**
   * GitHub Actions workflow commands, one per finding at least as severe as {@code shown}: {@code
   * ::error file=F,line=L,col=C,title=RULE::message}; info becomes {@code notice}. GitHub shows
   * them as annotations on the changed lines.
   */
  static void github(List<FileReport> reports, Severity shown, PrintWriter out) {
    for (FileReport r : reports) {
      for (Finding f : r.findings()) {
        Diagnostic d = f.diagnostic();
        if (d.severity().compareTo(shown) > 0) {
          continue;
        }
        String command =
            switch (d.severity()) {
              case ERROR -> "error";
              case WARNING -> "warning";
              case INFO -> "notice";
            };
        StringBuilder b =
            new StringBuilder("::").append(command).append(" file=").append(property(f.file()));
        if (f.line() > 0) {
          b.append(",line=").append(f.line()).append(",col=").append(f.column());
        }
        b.append(",title=").append(property(d.ruleId()));
        String message = d.hint().isEmpty() ? d.message() : d.message() + "\nhint: " + d.hint();
        b.append("::").append(data(message));
        out.println(b);
      }
    }
  }

  /** Escapes a workflow command's message ({@code %}, CR and LF). */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a workflow command's property value (also {@code :} and {@code ,}). */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }

  /**
   * JUnit XML (the form CI servers read): one test suite, one test case per file, named after it; a
   * file with a finding at least as severe as {@code threshold} has a {@code failure} listing them
   * in text form, an unreadable file an {@code error}; the other findings go to {@code system-out}.
   */
  static void junit(List<FileReport> reports, Severity threshold, PrintWriter out) {
    int failures = 0;
    int errors = 0;
    for (FileReport r : reports) {
      if (r.unreadable()) {
        errors++;
      } else if (r.fails(threshold)) {
        failures++;
      }
    }
    StringWriter buffer = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "compose4j validate");
      x.writeAttribute("tests", Integer.toString(reports.size()));
      x.writeAttribute("failures", Integer.toString(failures));
      x.writeAttribute("errors", Integer.toString(errors));
      x.writeCharacters("\n  ");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "compose4j validate");
      x.writeAttribute("tests", Integer.toString(reports.size()));
      x.writeAttribute("failures", Integer.toString(failures));
      x.writeAttribute("errors", Integer.toString(errors));
      x.writeAttribute("skipped", "0");
      for (FileReport r : reports) {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "compose4j.validate");
        x.writeAttribute("name", r.file());
        x.writeAttribute("file", r.file());
        List<String> failing = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (Finding f : r.findings()) {
          String line = f.describe();
          (r.unreadable() || f.diagnostic().severity().compareTo(threshold) <= 0 ? failing : other)
              .add(line);
        }
        if (!failing.isEmpty()) {
          x.writeCharacters("\n      ");
          x.writeStartElement(r.unreadable() ? "error" : "failure");
          x.writeAttribute("type", r.unreadable() ? FileCheck.PARSE : "compose4j");
          x.writeAttribute(
              "message",
              failing.size()
                  + " problem"
                  + (failing.size() == 1 ? "" : "s")
                  + ": "
                  + r.findings().stream()
                      .filter(
                          f ->
                              r.unreadable() || f.diagnostic().severity().compareTo(threshold) <= 0)
                      .findFirst()
                      .map(f -> f.diagnostic().message())
                      .orElse(""));
          x.writeCharacters(String.join("\n", failing));
          x.writeEndElement();
        }
        if (!other.isEmpty()) {
          x.writeCharacters("\n      ");
          x.writeStartElement("system-out");
          x.writeCharacters(String.join("\n", other));
          x.writeEndElement();
        }
        if (!failing.isEmpty() || !other.isEmpty()) {
          x.writeCharacters("\n    ");
        }
        x.writeEndElement();
      }
      x.writeCharacters("\n  ");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    out.println(buffer);
  }

  /** One line on stderr: how many errors and warnings in how many files. */
  static void summary(List<FileReport> reports, PrintWriter err) {
    long errors = count(reports, Severity.ERROR);
    long warnings = count(reports, Severity.WARNING);
    long infos = count(reports, Severity.INFO);
    err.println(
        plural(errors, "error")
            + ", "
            + plural(warnings, "warning")
            + ", "
            + plural(infos, "info")
            + " in "
            + plural(reports.size(), "file"));
  }

  private static long count(List<FileReport> reports, Severity s) {
    return reports.stream()
        .flatMap(r -> r.findings().stream())
        .filter(f -> f.diagnostic().severity() == s)
        .count();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
  }

  /**
   * The JSON of the CLI contract (README, "compose4j validate"): {@code
   * {"files":[{"file":..,"diagnostics":[..]}]}}.
   */
  static void json(List<FileReport> reports, PrintWriter out) {
    List<Object> files = new ArrayList<>();
    for (FileReport r : reports) {
      List<Object> diagnostics = new ArrayList<>();
      for (Finding f : r.findings()) {
        Diagnostic d = f.diagnostic();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", d.severity().label());
        m.put("rule", d.ruleId());
        m.put("path", d.path());
        m.put("line", f.line() > 0 ? f.line() : null);
        m.put("column", f.line() > 0 ? f.column() : null);
        m.put("message", d.message());
        m.put("hint", d.hint());
        diagnostics.add(m);
      }
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("file", r.file());
      file.put("diagnostics", diagnostics);
      files.add(file);
    }
    print(Map.of("files", files), out);
  }

  /** A SARIF 2.1.0 log with one run: the rules that were reported, and one result per finding. */
  static void sarif(List<FileReport> reports, String version, PrintWriter out) {
    List<String> ruleIds = new ArrayList<>();
    for (FileReport r : reports) {
      for (Finding f : r.findings()) {
        if (!ruleIds.contains(f.diagnostic().ruleId())) {
          ruleIds.add(f.diagnostic().ruleId());
        }
      }
    }
    List<Object> rules = new ArrayList<>();
    for (String id : ruleIds) {
      rules.add(sarifRule(id));
    }
    List<Object> results = new ArrayList<>();
    for (FileReport r : reports) {
      for (Finding f : r.findings()) {
        Diagnostic d = f.diagnostic();
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", Map.of("uri", uri(f.file())));
        if (f.line() > 0) {
          // LinkedHashMap, not Map.of: the order of a Map.of's entries changes from one JVM to
          // the next, and so did the SARIF text
          Map<String, Object> region = new LinkedHashMap<>();
          region.put("startLine", f.line());
          region.put("startColumn", f.column());
          physical.put("region", region);
        }
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physical);
        if (!d.path().isEmpty()) {
          Map<String, Object> logical = new LinkedHashMap<>();
          logical.put("fullyQualifiedName", d.path());
          logical.put("kind", "member");
          location.put("logicalLocations", List.of(logical));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", d.ruleId());
        result.put("ruleIndex", ruleIds.indexOf(d.ruleId()));
        result.put("level", level(d.severity()));
        result.put(
            "message",
            Map.of("text", d.hint().isEmpty() ? d.message() : d.message() + " (" + d.hint() + ")"));
        result.put("locations", List.of(location));
        results.add(result);
      }
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "compose4j");
    driver.put(
        "semanticVersion",
        version.replaceFirst("^compose4j ", "").replace("development build", "0.0.0-dev"));
    driver.put("rules", rules);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Map.of("driver", driver));
    run.put("results", results);
    Map<String, Object> log = new LinkedHashMap<>();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    log.put("runs", List.of(run));
    print(log, out);
  }

  private static Map<String, Object> sarifRule(String id) {
    Optional<Rule> rule = StackValidator.rule(id);
    String summary =
        rule.map(Rule::summary)
            .orElse(
                switch (id) {
                  case FileCheck.PARSE -> "the file cannot be read or parsed";
                  case ReadResult.VARIABLE_UNSET -> "a variable used in the file is not set";
                  default -> id;
                });
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("shortDescription", Map.of("text", summary));
    rule.ifPresent(r -> m.put("fullDescription", Map.of("text", r.explanation().strip())));
    rule.ifPresent(r -> m.put("helpUri", helpUri(r.id())));
    Severity severity =
        rule.map(Rule::severity)
            .orElse(id.equals(FileCheck.PARSE) ? Severity.ERROR : Severity.WARNING);
    m.put("defaultConfiguration", Map.of("level", level(severity)));
    return m;
  }

  /** Returns the address of a rule's entry in docs/RULES.md (the heading {@code ## RULE-ID}). */
  static String helpUri(String ruleId) {
    return RULES_URL + "#" + ruleId.toLowerCase(Locale.ROOT);
  }

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /**
   * A relative file stays a relative URI reference (with forward slashes); an absolute one becomes
   * a file: URI.
   */
  private static String uri(String file) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      return p.toUri().toString();
    }
    StringBuilder b = new StringBuilder();
    for (Path part : p) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return b.toString();
  }

  private static void print(Object value, PrintWriter out) {
    try {
      out.println(Json.MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
