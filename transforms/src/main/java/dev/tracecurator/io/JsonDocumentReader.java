package dev.tracecurator.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a {@code .json} file: a JSON array whose elements are rows, or one or more JSON values one
 * after another (a single pretty-printed row, or JSON Lines under a .json name). Each row is
 * reported with the line it starts on. An array of OpenHands events (a trajectory as OpenHands
 * downloads it) is one run, so the whole array is one row. A syntax error ends the file: it is reported with its line,
 * since nothing after it can be told apart reliably.
 */
public final class JsonDocumentReader {
  /** Receives each row. */
  public interface Sink {
    void row(long line, String json);

    void malformed(long line, String error);
  }

  private JsonDocumentReader() {}

  public static void read(InputStream in, Sink sink) throws IOException {
    long line = 1;
    try (JsonParser parser = Json.DOCUMENT.getFactory().createParser(in)) {
      parser.setCodec(Json.DOCUMENT);
      JsonToken token = parser.nextToken();
      if (token == null) {
        return;
      }
      if (token == JsonToken.START_ARRAY) {
        com.fasterxml.jackson.databind.node.ArrayNode events = null;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
          line = parser.currentTokenLocation().getLineNr();
          JsonNode row = parser.readValueAsTree();
          if (events == null && line > 0 && dev.tracecurator.normalize.FormatDetector.isEvent(row)) {
            events = Json.DOCUMENT.createArrayNode();
          }
          if (events != null) {
            events.add(row);
          } else {
            sink.row(line, Json.write(row));
          }
        }
        if (events != null) {
          sink.row(1, Json.write(events));
        }
        return;
      }
      while (token != null) {
        line = parser.currentTokenLocation().getLineNr();
        JsonNode row = parser.readValueAsTree();
        sink.row(line, Json.write(row));
        token = parser.nextToken();
      }
    } catch (JsonProcessingException e) {
      long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
      sink.malformed(at, "malformed JSON at line " + at + ": " + e.getOriginalMessage()
          + "; the rest of the file was not read");
    }
  }
}
