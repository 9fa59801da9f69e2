package dev.tracecurator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.SourcePosition;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.normalize.RowMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Builders for test rows: JSON written with single quotes for readability. */
public final class Rows {
  /** A score for table rows built by hand, where the score is not what a test is about. */
  public static final dev.tracecurator.score.TrajectoryScore NO_SCORE = new dev.tracecurator.score.TrajectoryScore(
      new dev.tracecurator.score.ScoreComponents(false, false, 0, false, 0, 0, 0, 0, 0, 0), 0.0, null, java.util.Map.of());
  private Rows() {}

  /** JSON text from a readable form that uses ' for ". */
  public static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  public static JsonNode node(String singleQuoted) {
    try {
      return Json.STRICT.readTree(json(singleQuoted));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode object(String singleQuoted) {
    return (ObjectNode) node(singleQuoted);
  }

  public static SourceLine line(String jsonText) {
    return SourceLine.of(new SourcePosition("test.jsonl", 1), jsonText, null, null);
  }

  public static TrajectoryRecord record(String singleQuoted) {
    return RowMapper.map(line(json(singleQuoted)));
  }

  public static List<Message> messages(String... roleContentPairs) {
    List<Message> out = new ArrayList<>();
    for (int i = 0; i < roleContentPairs.length; i += 2) {
      out.add(Message.of(roleContentPairs[i], roleContentPairs[i + 1]));
    }
    return out;
  }
}
