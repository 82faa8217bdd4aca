package io.compose4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.compose4j.cli.ValidateCommand.FileReport;
import io.compose4j.cli.ValidateCommand.Finding;
import io.compose4j.model.Diagnostic;
import io.compose4j.model.Severity;
import io.compose4j.validate.Rule;
import io.compose4j.validate.StackValidator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The three output formats of {@code compose4j validate}: text, JSON and SARIF 2.1.0. */
final class ReportFormats {
  /** The rule id of a file that cannot be read or parsed. */
  static final String PARSE = "parse";
  /** The rule id of the reader's warning about an unset variable. */
  static final String VARIABLE_UNSET = "variable-unset";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportFormats() {}

  /** {@code FILE:LINE:COL: severity: message [rule]} and an indented hint, errors and warnings (and info if asked). */
  static void text(List<FileReport> reports, boolean info, PrintWriter out) {
    for (FileReport r : reports) {
      for (Finding f : r.findings()) {
        if (info || f.diagnostic().severity() != Severity.INFO) {
          out.println(Diagnostics.line(f.file(), f.line(), f.column(), f.diagnostic()));
        }
      }
    }
  }

  /** One line on stderr: how many errors and warnings in how many files. */
  static void summary(List<FileReport> reports, PrintWriter err) {
    long errors = count(reports, Severity.ERROR);
    long warnings = count(reports, Severity.WARNING);
    long infos = count(reports, Severity.INFO);
    err.println(plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + plural(infos, "info")
        + " in " + plural(reports.size(), "file"));
  }

  private static long count(List<FileReport> reports, Severity s) {
    return reports.stream().flatMap(r -> r.findings().stream()).filter(f -> f.diagnostic().severity() == s).count();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 || word.equals("info") ? "" : "s");
  }

  /** The JSON of DESIGN.md section 7: {@code {"files":[{"file":..,"diagnostics":[..]}]}}. */
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
          physical.put("region", Map.of("startLine", f.line(), "startColumn", f.column()));
        }
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physical);
        if (!d.path().isEmpty()) {
          location.put("logicalLocations", List.of(Map.of("fullyQualifiedName", d.path(), "kind", "member")));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", d.ruleId());
        result.put("ruleIndex", ruleIds.indexOf(d.ruleId()));
        result.put("level", level(d.severity()));
        result.put("message", Map.of("text", d.hint().isEmpty() ? d.message() : d.message() + " (" + d.hint() + ")"));
        result.put("locations", List.of(location));
        results.add(result);
      }
    }
    Map<String, Object> driver = new LinkedHashMap<>();
    driver.put("name", "compose4j");
    driver.put("semanticVersion", version.replaceFirst("^compose4j ", "").replace("development build", "0.0.0-dev"));
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
    String summary = rule.map(Rule::summary).orElse(switch (id) {
      case PARSE -> "the file cannot be read or parsed";
      case VARIABLE_UNSET -> "a variable used in the file is not set";
      default -> id;
    });
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("shortDescription", Map.of("text", summary));
    rule.ifPresent(r -> m.put("fullDescription", Map.of("text", r.explanation().strip())));
    Severity severity = rule.map(Rule::severity).orElse(id.equals(PARSE) ? Severity.ERROR : Severity.WARNING);
    m.put("defaultConfiguration", Map.of("level", level(severity)));
    return m;
  }

  private static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** A relative file stays a relative URI reference (with forward slashes); an absolute one becomes a file: URI. */
  private static String uri(String file) {
    java.nio.file.Path p = java.nio.file.Path.of(file);
    if (p.isAbsolute()) {
      return p.toUri().toString();
    }
    StringBuilder b = new StringBuilder();
    for (java.nio.file.Path part : p) {
      if (b.length() > 0) {
        b.append('/');
      }
      b.append(java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return b.toString();
  }

  private static void print(Object value, PrintWriter out) {
    try {
      out.println(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
