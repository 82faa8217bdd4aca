package io.compose4j.yaml.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.compose4j.yaml.ComposeReadException;
import io.compose4j.yaml.ReaderLimits;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Parses YAML text into a {@link YNode} tree with jackson-dataformat-yaml, keeping positions,
 * resolving anchors, aliases and merge keys ({@code <<}) itself, and enforcing explicit safety
 * limits: document size, nesting depth, alias count and alias expansion, no duplicate keys, no tags
 * beyond the YAML core ones and Compose's {@code !reset} / {@code !override}.
 */
public final class YamlTreeReader {
  /**
   * Largest document accepted, in characters, by the parser underneath (the reader's own limit is
   * checked first).
   */
  private static final int MAX_CODE_POINTS = Integer.MAX_VALUE - 16;

  /**
   * Nesting the parser underneath accepts; the reader's own {@link ReaderLimits#maxNestingDepth()}
   * is checked first.
   */
  private static final int PARSER_MAX_DEPTH = 10_000;

  /**
   * Aliases the parser underneath accepts; the reader's own {@link ReaderLimits#maxAliases()} is
   * checked first.
   */
  private static final int PARSER_MAX_ALIASES = Integer.MAX_VALUE;

  /** The general parser's factory, made on first use (the fast path needs none of it). */
  private static final class Factory {
    static final YAMLFactory FACTORY = createFactory();

    private Factory() {}
  }

  private final String file;
  private final ReaderLimits limits;
  private YAMLParser parser;
  private final Map<String, YNode> anchors = new HashMap<>();
  private final Set<String> anchorsInProgress = new HashSet<>();
  private final IdentityHashMap<YNode, Long> weights = new IdentityHashMap<>();

  /**
   * One instance of each short text: a large stack repeats its keys and most values thousands of
   * times.
   */
  private final HashMap<String, String> strings = new HashMap<>();

  private int aliasCount;
  private long aliasExpansion;

  private YamlTreeReader(String file, ReaderLimits limits) {
    this.file = file;
    this.limits = limits;
  }

  private static YAMLFactory createFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setNestingDepthLimit(PARSER_MAX_DEPTH);
    options.setMaxAliasesForCollections(PARSER_MAX_ALIASES);
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    YAMLFactoryBuilder builder =
        YAMLFactory.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(PARSER_MAX_DEPTH)
                    .maxDocumentLength(-1)
                    .maxStringLength(MAX_CODE_POINTS)
                    .build());
    return new EventFactory(builder);
  }

  /**
   * A factory whose parsers expose the SnakeYAML event behind each token (scalar style, tag,
   * anchor).
   */
  private static final class EventFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    EventFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
      throw new UnsupportedOperationException("use parser(String)");
    }

    /**
     * Returns a parser over the whole text, read by a {@link TextStreamReader} (linear in the
     * longest token).
     */
    EventParser parser(String text) {
      IOContext ctxt = _createContext(_createContentReference(text), true);
      ParserImpl impl = new ParserImpl(new TextStreamReader(text), _loaderOptions);
      return new EventParser(
          ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, new StringReader(""), impl);
    }
  }

  private static final class EventParser extends YAMLParser {
    EventParser(
        IOContext ctxt,
        int parserFeatures,
        int formatFeatures,
        ObjectCodec codec,
        Reader reader,
        ParserImpl impl) {
      super(ctxt, parserFeatures, formatFeatures, codec, reader, impl);
    }

    Event event() {
      return _lastEvent;
    }
  }

  /**
   * Decodes bytes as UTF-8 (a UTF-8 byte order mark is skipped; UTF-16 with a byte order mark is
   * accepted) and reports the position of the first invalid byte.
   */
  public static String decode(byte[] bytes, String file) {
    int offset = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      offset = 3;
    } else if (bytes.length >= 2
        && (((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)
            || ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe))) {
      return new String(bytes, StandardCharsets.UTF_16);
    }
    // the JDK's own decoding is fast; it replaces a malformed sequence with U+FFFD, so without one
    // in its result the bytes were valid UTF-8 and the strict decoding below gives the same text
    String lenient = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return lenient;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
    } catch (CharacterCodingException e) {
      // find the first bad byte and its line/column
      CharsetDecoder d =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
      CharBuffer out = CharBuffer.allocate(bytes.length + 1);
      d.decode(in, out, true);
      int bad = in.position();
      out.flip();
      int line = 1;
      int column = 1;
      while (out.hasRemaining()) {
        char c = out.get();
        if (c == '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      throw new ComposeReadException(
          file,
          line,
          column,
          "",
          String.format("invalid UTF-8 byte 0x%02x; save the file as UTF-8", bytes[bad] & 0xff));
    }
  }

  /**
   * Parses one YAML document.
   *
   * @param text the document
   * @param file the file name used in errors
   * @return the root node, or null if the document holds no content at all
   */
  public static YNode read(String text, String file) {
    return read(text, file, ReaderLimits.defaults());
  }

  /**
   * Parses one YAML document within these limits (its size is checked before parsing).
   *
   * @param text the document
   * @param file the file name used in errors
   * @param limits the limits to enforce
   * @return the root node, or null if the document holds no content at all
   */
  public static YNode read(String text, String file, ReaderLimits limits) {
    if (text.length() > limits.maxFileBytes()) {
      throw new ComposeReadException(
          file,
          1,
          1,
          "",
          "the file has "
              + text.length()
              + " characters, more than the limit "
              + ReaderLimits.raise("maxFileBytes", limits.maxFileBytes()));
    }
    YNode fast = FastYamlReader.read(text, limits);
    return fast != null ? fast : new YamlTreeReader(file, limits).readDocument(text);
  }

  /**
   * Parses one YAML document with the general parser only (without {@link FastYamlReader}'s fast
   * path), for the tests that compare the two.
   */
  static YNode readGeneral(String text, String file, ReaderLimits limits) {
    return new YamlTreeReader(file, limits).readDocument(text);
  }

  private YNode readDocument(String text) {
    try (YAMLParser p = ((EventFactory) Factory.FACTORY).parser(text)) {
      this.parser = p;
      // duplicate keys are reported by readMap with both positions
      p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      YNode root = readValue(first, 1);
      JsonToken next = p.nextToken();
      if (next != null) {
        int[] pos = position();
        throw error(
            pos[0],
            pos[1],
            "",
            "a Compose file holds one YAML document, but another one starts here; remove the '---' separator and what follows or split the file");
      }
      return root;
    } catch (ComposeReadException e) {
      throw e;
    } catch (StreamConstraintsException e) {
      int[] pos = safePosition();
      String msg = e.getOriginalMessage();
      if (msg != null && msg.contains("nesting depth")) {
        throw tooDeep(pos);
      }
      throw error(pos[0], pos[1], "", "the document is too large (" + msg + ")");
    } catch (JsonProcessingException e) {
      MarkedYAMLException marked = marked(e);
      if (marked != null && marked.getProblemMark() != null) {
        Mark m = marked.getProblemMark();
        String problem = marked.getProblem() == null ? marked.getMessage() : marked.getProblem();
        String context = marked.getContext() == null ? "" : marked.getContext() + " ";
        throw error(m.getLine() + 1, m.getColumn() + 1, "", explain(context + problem));
      }
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      int col = loc == null ? 0 : loc.getColumnNr();
      throw error(line, col, "", explain(e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      int[] pos = safePosition();
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw error(pos[0], pos[1], "", explain(msg));
    }
  }

  private static MarkedYAMLException marked(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m) {
        return m;
      }
    }
    return null;
  }

  private static String explain(String raw) {
    String msg = raw == null ? "malformed YAML" : raw.replaceAll("\\s+", " ").trim();
    if (msg.contains("'\\t'") || msg.contains("\\t(TAB)") || msg.contains("TAB")) {
      return "a tab character is used for indentation; YAML allows only spaces ("
          + firstSentence(msg)
          + ")";
    }
    if (msg.contains("special characters are not allowed")) {
      return "the file contains a control character YAML does not allow; remove it ("
          + firstSentence(msg)
          + ")";
    }
    return "malformed YAML: " + firstSentence(msg);
  }

  private static String firstSentence(String msg) {
    // SnakeYAML messages repeat the position and quote the line; keep the explanation only
    String m =
        msg.replaceAll(" in 'reader', line \\d+, column \\d+:.*", "")
            .replaceAll(" at \\[Source: .*", "");
    return m.trim();
  }

  private int[] safePosition() {
    try {
      return position();
    } catch (RuntimeException e) {
      return new int[] {0, 0};
    }
  }

  /** Returns the 1-based start of the current token, from the SnakeYAML event behind it. */
  private int[] position() {
    Event event = ((EventParser) parser).event();
    if (event != null && event.getStartMark() != null) {
      return new int[] {event.getStartMark().getLine() + 1, event.getStartMark().getColumn() + 1};
    }
    JsonLocation loc = parser.currentTokenLocation();
    return new int[] {loc.getLineNr(), loc.getColumnNr()};
  }

  private ComposeReadException tooDeep(int[] pos) {
    return error(
        pos[0],
        pos[1],
        "",
        "the document is nested deeper than "
            + limits.maxNestingDepth()
            + " levels; a Compose file never needs that much nesting "
            + ReaderLimits.raise("maxNestingDepth", limits.maxNestingDepth()));
  }

  private ComposeReadException error(int line, int column, String path, String reason) {
    return new ComposeReadException(file, line, column, path, reason);
  }

  private YNode readValue(JsonToken token, int depth) throws IOException {
    if (depth > limits.maxNestingDepth()) {
      throw tooDeep(position());
    }
    Event event = ((EventParser) parser).event();
    int[] pos = position();
    if (event instanceof AliasEvent alias) {
      return resolveAlias(alias.getAnchor(), pos);
    }
    String anchor = null;
    String tag = null;
    if (event instanceof ScalarEvent se) {
      anchor = se.getAnchor();
      tag = se.getTag();
    } else if (event instanceof CollectionStartEvent ce) {
      anchor = ce.getAnchor();
      tag = ce.getTag();
    }
    if (anchor != null) {
      anchorsInProgress.add(anchor);
    }
    YNode node;
    switch (token) {
      case START_OBJECT -> {
        checkCollectionTag(tag, pos);
        node = readMap(pos, tag, depth);
      }
      case START_ARRAY -> {
        checkCollectionTag(tag, pos);
        node = readSeq(pos, tag, depth);
      }
      default -> node = scalar((ScalarEvent) event, pos);
    }
    if (anchor != null) {
      anchorsInProgress.remove(anchor);
      anchors.put(anchor, node);
      markShared(node);
    }
    return node;
  }

  private void checkCollectionTag(String tag, int[] pos) {
    if (tag != null && !Scalars.collectionTagAllowed(tag)) {
      throw error(
          pos[0],
          pos[1],
          "",
          "the tag '" + tag + "' is not allowed; Compose files may only use !reset and !override");
    }
  }

  private YNode.YScalar scalar(ScalarEvent se, int[] pos) {
    String text = shared(se.getValue());
    boolean plain = se.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    String tag = se.getTag();
    checkScalarLength(text, pos);
    YNode.Kind kind;
    if (tag != null) {
      kind = Scalars.resolveTagged(tag, text, plain);
      if (kind == null) {
        throw error(
            pos[0],
            pos[1],
            "",
            "the tag '"
                + tag
                + "' is not allowed; Compose files may only use !reset and !override");
      }
      if (kind != YNode.Kind.STRING) {
        checkNumberLength(text, pos);
      }
      if (!Scalars.fitsTag(kind, text)) {
        throw error(
            pos[0],
            pos[1],
            "",
            "the value '"
                + text
                + "' is tagged "
                + shortTag(tag)
                + " but is not "
                + Scalars.describe(kind)
                + "; remove the tag or fix the value");
      }
    } else if (plain) {
      if (text.length() > limits.maxNumberLength() && Scalars.looksNumeric(text)) {
        checkNumberLength(text, pos);
      }
      kind = Scalars.resolvePlain(text);
    } else {
      kind = YNode.Kind.STRING;
    }
    return new YNode.YScalar(pos[0], pos[1], tag, text, plain, kind);
  }

  private String shared(String text) {
    if (text.length() > 64) {
      return text;
    }
    String known = strings.putIfAbsent(text, text);
    return known != null ? known : text;
  }

  private void checkScalarLength(String text, int[] pos) {
    if (text.length() > limits.maxScalarLength()) {
      throw error(
          pos[0],
          pos[1],
          "",
          "the value has "
              + text.length()
              + " characters, more than the limit "
              + ReaderLimits.raise("maxScalarLength", limits.maxScalarLength()));
    }
  }

  private void checkNumberLength(String text, int[] pos) {
    if (text.length() > limits.maxNumberLength()) {
      throw error(
          pos[0],
          pos[1],
          "",
          "the number has "
              + text.length()
              + " characters, more than the limit "
              + ReaderLimits.raise("maxNumberLength", limits.maxNumberLength())
              + "; quote it if it is text");
    }
  }

  private static String shortTag(String tag) {
    return tag.startsWith("tag:yaml.org,2002:")
        ? "!!" + tag.substring("tag:yaml.org,2002:".length())
        : tag;
  }

  /** Marks an anchored node and everything under it as reachable more than once. */
  private static void markShared(YNode node) {
    if (node.shared) {
      return;
    }
    node.shared = true;
    if (node instanceof YNode.YMap m) {
      for (YNode.Entry e : m.entries.values()) {
        markShared(e.value());
      }
    } else if (node instanceof YNode.YSeq q) {
      for (YNode item : q.items) {
        markShared(item);
      }
    }
  }

  private YNode resolveAlias(String name, int[] pos) {
    if (anchorsInProgress.contains(name)) {
      throw error(
          pos[0],
          pos[1],
          "",
          "the alias *" + name + " refers to the node that contains it (a recursive alias)");
    }
    YNode target = anchors.get(name);
    if (target == null) {
      throw error(
          pos[0],
          pos[1],
          "",
          "the alias *" + name + " refers to no anchor &" + name + " defined before it");
    }
    if (++aliasCount > limits.maxAliases()) {
      throw error(
          pos[0],
          pos[1],
          "",
          "the document uses more than "
              + limits.maxAliases()
              + " aliases "
              + ReaderLimits.raise("maxAliases", limits.maxAliases()));
    }
    aliasExpansion += weight(target);
    if (aliasExpansion > limits.maxAliasExpansion()) {
      throw error(
          pos[0],
          pos[1],
          "",
          "aliases expand to more than "
              + limits.maxAliasExpansion()
              + " nodes (an alias bomb such as 'billion laughs'); the file is refused "
              + ReaderLimits.raise("maxAliasExpansion", limits.maxAliasExpansion()));
    }
    return target;
  }

  private long weight(YNode node) {
    Long known = weights.get(node);
    if (known != null) {
      return known;
    }
    long w = 1;
    if (node instanceof YNode.YMap m) {
      for (YNode.Entry e : m.entries.values()) {
        w += weight(e.value());
      }
    } else if (node instanceof YNode.YSeq s) {
      for (YNode item : s.items) {
        w += weight(item);
      }
    }
    w = Math.min(w, Long.MAX_VALUE / 4);
    weights.put(node, w);
    return w;
  }

  private YNode.YSeq readSeq(int[] pos, String tag, int depth) throws IOException {
    YNode.YSeq seq = YNode.seq(pos[0], pos[1], tag);
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw error(pos[0], pos[1], "", "the list is not closed");
      }
      seq.items.add(readValue(t, depth + 1));
    }
    return seq;
  }

  private YNode.YMap readMap(int[] pos, String tag, int depth) throws IOException {
    LinkedHashMap<String, YNode.Entry> explicit = new LinkedHashMap<>();
    List<Object> order =
        new ArrayList<>(); // String keys and merge sources (YNode) in document order
    JsonToken t;
    while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
      if (t != JsonToken.FIELD_NAME) {
        int[] p = position();
        throw error(p[0], p[1], "", "a mapping key must be a plain value");
      }
      Event keyEvent = ((EventParser) parser).event();
      int[] kp = position();
      String key = parser.currentName();
      boolean mergeKey = false;
      if (keyEvent instanceof ScalarEvent ks) {
        mergeKey = key.equals("<<") && ks.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        if (ks.getTag() != null
            && !ks.getTag().equals("tag:yaml.org,2002:str")
            && !ks.getTag().equals("tag:yaml.org,2002:merge")) {
          throw error(kp[0], kp[1], "", "the tag '" + ks.getTag() + "' is not allowed on a key");
        }
      } else if (keyEvent instanceof AliasEvent ka) {
        YNode target = anchors.get(ka.getAnchor());
        if (!(target instanceof YNode.YScalar s)) {
          throw error(kp[0], kp[1], "", "a mapping key must be a plain value");
        }
        key = s.text;
      }
      YNode value = readValue(parser.nextToken(), depth + 1);
      if (mergeKey) {
        order.add(value);
        continue;
      }
      YNode.Entry previous = explicit.get(key);
      if (previous != null) {
        throw error(
            kp[0],
            kp[1],
            "",
            "the key '"
                + key
                + "' is already defined at line "
                + previous.line()
                + "; remove one of them");
      }
      key = shared(key);
      explicit.put(key, new YNode.Entry(key, kp[0], kp[1], value));
      order.add(key);
    }
    YNode.YMap map = YNode.map(pos[0], pos[1], tag);
    for (Object item : order) {
      if (item instanceof String key) {
        map.entries.put(key, explicit.get(key));
      } else {
        merge(map, explicit, (YNode) item);
      }
    }
    return map;
  }

  private void merge(YNode.YMap into, Map<String, YNode.Entry> explicit, YNode source) {
    List<YNode> sources = new ArrayList<>();
    if (source instanceof YNode.YSeq seq) {
      sources.addAll(seq.items);
    } else {
      sources.add(source);
    }
    for (YNode s : sources) {
      if (!(s instanceof YNode.YMap m)) {
        throw error(
            s.line,
            s.column,
            "",
            "a merge key '<<' needs a mapping or a list of mappings, not " + s.describe());
      }
      for (YNode.Entry e : m.entries.values()) {
        if (!explicit.containsKey(e.key()) && !into.entries.containsKey(e.key())) {
          into.entries.put(e.key(), e);
        }
      }
    }
  }
}
