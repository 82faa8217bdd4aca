package io.compose4j.yaml.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A {@link YamlSink} over Jackson's YAML generator, configured for canonical YAML: no document
 * marker, no line splitting, {@code \n} line breaks, quotes only where {@link QuotingRules} asks
 * for them, sequences indented under their key.
 */
final class JacksonYaml implements YamlSink, AutoCloseable {
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .disable(YAMLGenerator.Feature.USE_PLATFORM_LINE_BREAKS)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .stringQuotingChecker(QuotingRules.INSTANCE)
          .build();

  private final JsonGenerator g;

  JacksonYaml(Writer out) throws IOException {
    this.g = FACTORY.createGenerator(out);
  }

  @Override
  public void writeStartObject() throws IOException {
    g.writeStartObject();
  }

  @Override
  public void writeEndObject() throws IOException {
    g.writeEndObject();
  }

  @Override
  public void writeStartArray() throws IOException {
    g.writeStartArray();
  }

  @Override
  public void writeEndArray() throws IOException {
    g.writeEndArray();
  }

  @Override
  public void writeFieldName(String name) throws IOException {
    g.writeFieldName(name);
  }

  @Override
  public void writeString(String text) throws IOException {
    g.writeString(text);
  }

  @Override
  public void writeNumber(int value) throws IOException {
    g.writeNumber(value);
  }

  @Override
  public void writeNumber(long value) throws IOException {
    g.writeNumber(value);
  }

  @Override
  public void writeNumber(double value) throws IOException {
    g.writeNumber(value);
  }

  @Override
  public void writeNumber(String encoded) throws IOException {
    g.writeNumber(encoded);
  }

  @Override
  public void writeBoolean(boolean value) throws IOException {
    g.writeBoolean(value);
  }

  @Override
  public void writeNull() throws IOException {
    g.writeNull();
  }

  @Override
  public String path() {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = g.getOutputContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.addFirst(c.getCurrentName());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (b.length() > 0 && !p.startsWith("[")) {
        b.append('.');
      }
      b.append(p);
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException {
    g.close();
  }
}
