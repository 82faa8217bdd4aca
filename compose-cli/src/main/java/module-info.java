/**
 * The {@code compose4j} command: fmt, validate, convert and plan ({@code java -p DIR -m
 * io.compose4j.cli/io.compose4j.cli.Main ...}). An application, not a library: it exports nothing
 * ({@code Main.run(...)} embeds it from the class path).
 */
module io.compose4j.cli {
  requires io.compose4j.yaml;
  requires io.compose4j.validate;
  requires io.compose4j.plan;
  requires io.compose4j.docker;
  requires static org.jspecify;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires org.yaml.snakeyaml;
  requires info.picocli;
  // JUnit XML reports (javax.xml.stream)
  requires java.xml;

  // picocli sets the commands' @Option and @Parameters fields and creates them reflectively
  opens io.compose4j.cli to
      info.picocli;
}
