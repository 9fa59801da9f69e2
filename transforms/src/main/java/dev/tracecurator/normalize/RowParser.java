package dev.tracecurator.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracecurator.errors.InvalidRecordException;
import java.io.IOException;
import java.io.Serializable;

/**
 * Parses a row's text strictly, within the run's nesting limit. Deeply nested JSON is a classic
 * way to exhaust a parser's stack; past the limit the row is rejected with the depth it reached.
 */
public final class RowParser implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Real rows nest about ten levels deep; tool arguments holding JSON add a few more. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = Json.DEFAULT_MAX_NESTING_DEPTH;

  private final int maxNestingDepth;
  /** Built once per instance after deserialisation: a mapper is costly to make, cheap to share. */
  private transient ObjectMapper mapper;

  public RowParser(int maxNestingDepth) {
    if (maxNestingDepth < 1) {
      throw new IllegalArgumentException("the maximum nesting depth must be positive, got " + maxNestingDepth);
    }
    this.maxNestingDepth = maxNestingDepth;
  }

  public static RowParser withDefaults() {
    return new RowParser(DEFAULT_MAX_NESTING_DEPTH);
  }

  public int maxNestingDepth() {
    return maxNestingDepth;
  }

  /** The row's JSON; an {@link InvalidRecordException} with the parser's reason and column otherwise. */
  public JsonNode parse(String text) {
    JsonNode row;
    try {
      row = mapper().readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (at column " + e.getLocation().getColumnNr() + ")";
      throw new InvalidRecordException("not valid JSON: " + firstLine(e.getOriginalMessage()) + where);
    } catch (IOException e) {
      throw new InvalidRecordException("not valid JSON: " + firstLine(e.getMessage()));
    }
    if (row == null || row.isMissingNode()) {
      throw new InvalidRecordException("empty record");
    }
    return row;
  }

  private ObjectMapper mapper() {
    if (mapper == null) {
      mapper = maxNestingDepth == DEFAULT_MAX_NESTING_DEPTH ? Json.STRICT : Json.strict(maxNestingDepth);
    }
    return mapper;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
