package io.compose4j.yaml.write;

import java.io.IOException;

/**
 * What the emitters write YAML through: the few generator calls canonical YAML needs (block
 * mappings and sequences, field names, strings, numbers, booleans, null). {@link FastYaml} writes
 * them straight into a buffer; {@link JacksonYaml} hands them to Jackson's YAML generator
 * (SnakeYAML's emitter), the reference whose bytes {@code FastYaml} reproduces and the fallback for
 * the rare scalar {@code FastYaml} leaves to it.
 */
interface YamlSink {
  void writeStartObject() throws IOException;

  void writeEndObject() throws IOException;

  void writeStartArray() throws IOException;

  void writeEndArray() throws IOException;

  void writeFieldName(String name) throws IOException;

  void writeString(String text) throws IOException;

  void writeNumber(int value) throws IOException;

  void writeNumber(long value) throws IOException;

  void writeNumber(double value) throws IOException;

  /** Writes a number spelled as given ({@code .nan}, {@code -.inf}), plain. */
  void writeNumber(String encoded) throws IOException;

  void writeBoolean(boolean value) throws IOException;

  void writeNull() throws IOException;

  /** Returns the YAML path of the value being written ({@code services.web.environment.A}). */
  String path();
}
