package dev.tracecurator.normalize;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The two JSON readers the pipeline needs. Rows are read strictly (a row with NaN or trailing
 * garbage is rejected with the parser's reason); JSON nested inside string fields is read the way
 * Python's {@code json.loads} reads it, since that is what the tutorial's rules run on.
 */
public final class Json {
  /** Jackson's own default; far past any real row, short of what a thread's stack can take. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 2_000;

  /** Row lines: strict JSON, trailing tokens rejected, no length limits beyond memory. */
  public static final ObjectMapper STRICT = strict(DEFAULT_MAX_NESTING_DEPTH);

  /** Whole documents read value by value (a .json file): trailing values are the next rows. */
  public static final ObjectMapper DOCUMENT = configure(JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build(), DEFAULT_MAX_NESTING_DEPTH);

  /** Strings holding JSON: also NaN and Infinity, as {@code json.loads} accepts them. */
  public static final ObjectMapper PYTHON_LOADS = configure(JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build(), DEFAULT_MAX_NESTING_DEPTH);

  private Json() {}

  /** A new strict row reader (see {@link #STRICT}) that rejects JSON nested deeper than the given depth. */
  public static ObjectMapper strict(int maxNestingDepth) {
    return configure(JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // A row naming a field twice is ambiguous (Python keeps the last, others the first): reject it.
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build(), maxNestingDepth);
  }

  private static ObjectMapper configure(ObjectMapper mapper, int maxNestingDepth) {
    // Trajectories reach tens of MB in one string; Jackson's 20 MB default would reject them.
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(Integer.MAX_VALUE)
        .maxNestingDepth(maxNestingDepth)
        .build());
    mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    // A parse error must not quote the row: the message lands in rejected/ and logs, and rows can hold credentials.
    mapper.getFactory().disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());
    return mapper;
  }

  /** {@code json.loads(text)}, or empty when Python would raise. */
  public static Optional<JsonNode> pythonLoads(String text) {
    try {
      JsonNode node = PYTHON_LOADS.readTree(text);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Compact JSON text of a node. */
  public static String write(JsonNode node) {
    try {
      return STRICT.writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise JSON node", e);
    }
  }

  /** What writes one JSON value to a generator. */
  @FunctionalInterface
  public interface Writing {
    void writeTo(JsonGenerator out) throws IOException;
  }

  /**
   * The compact JSON text a writing makes, byte for byte what {@link #write(JsonNode)} makes of the
   * same value as a tree, written straight into a buffer of about {@code expectedChars}: a large
   * value (a row's SFT example) is then neither built as a tree nor copied while it grows.
   */
  public static String write(int expectedChars, Writing writing) {
    SizedStringWriter out = new SizedStringWriter(expectedChars);
    try (JsonGenerator generator = STRICT.createGenerator(out)) {
      writing.writeTo(generator);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    return out.toString();
  }

  /** A short human description of a node's JSON type, for error messages. */
  public static String typeName(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isNumber()) {
      return "a number";
    }
    return node.isArray() ? "an array" : "an object";
  }
}
