package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.errors.InvalidRecordException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Tells the formats apart by shape; a row of no known shape is an error that names what it has. */
public final class FormatDetector {
  private FormatDetector() {}

  public static RowFormat detect(JsonNode row, String file) {
    if (row.isArray()) {
      if (row.size() > 0 && isEvent(row.get(0))) {
        return RowFormat.OPENHANDS;
      }
      // A bare list is a trajectory only where a file holds one trajectory; as a JSONL line it is no row.
      return isOneRunFile(file) ? RowFormat.MINI_SWE_AGENT : RowFormat.OPEN_SWE_TRACES;
    }
    if (!row.isObject()) {
      return RowFormat.OPEN_SWE_TRACES;
    }
    if (row.path("history").isArray()) {
      return writesEvents(row.path("history")) ? RowFormat.OPENHANDS : RowFormat.SWE_AGENT;
    }
    if (row.path("conversations").isArray()) {
      JsonNode first = row.path("conversations").path(0);
      return first.has("from") || first.has("value") ? RowFormat.SHAREGPT : RowFormat.CONVERSATIONS;
    }
    if (row.path("messages").isArray() && row.path("info").isObject()
        && (!row.has("instance_id") || row.path("trajectory_format").asText().startsWith("mini-swe-agent")
            || row.path("info").has("mini_version"))) {
      return RowFormat.MINI_SWE_AGENT;
    }
    if (row.path("trajectory").isArray() && writesRoleAiText(row.path("trajectory"))) {
      return RowFormat.NEBIUS;
    }
    if (row.has("messages") && (row.has("run_id") || row.has("test_result"))) {
      return RowFormat.SWE_GYM;
    }
    if (row.has("messages") && row.has("traj_id")) {
      return RowFormat.SWE_SMITH;
    }
    if (row.has("trajectory") || row.has("messages")) {
      return RowFormat.OPEN_SWE_TRACES;
    }
    throw noTrajectory(row, RowFormat.TRAJECTORY_FIELDS, null);
  }

  /** In a {@code history}, OpenHands events have a source, a kind, or an action/observation name, and no role. */
  private static boolean writesEvents(JsonNode history) {
    for (JsonNode e : history) {
      if (e.isObject() && !e.has("role")) {
        return e.has("source") || e.has("kind") || e.has("action") || e.has("observation");
      }
    }
    return false;
  }

  /** One OpenHands event (V0 or V1): what a file of them, one run's trajectory, starts with. */
  public static boolean isEvent(JsonNode e) {
    return e.isObject() && !e.has("role") && (e.has("action") || e.has("observation") || e.has("kind"))
        && (e.has("source") || e.has("id") || e.has("timestamp"));
  }

  private static boolean writesRoleAiText(JsonNode trajectory) {
    for (JsonNode m : trajectory) {
      if ("ai".equals(m.path("role").asText()) || (m.has("text") && !m.has("content"))) {
        return true;
      }
    }
    return false;
  }

  static boolean isOneRunFile(String file) {
    return file.endsWith(".traj") || file.endsWith(".traj.json");
  }

  /** A row with none of the trajectory fields looked for: say which fields it has, and what was looked for. */
  static InvalidRecordException noTrajectory(JsonNode row, List<String> lookedFor, RowFormat format) {
    List<String> has = new ArrayList<>();
    for (Iterator<String> names = row.fieldNames(); names.hasNext() && has.size() < 20; ) {
      has.add(names.next());
    }
    String known = format == null
        ? "no known format's trajectory field (" + String.join(", ", lookedFor) + ")"
        : "no " + format.label() + " trajectory field (" + String.join(", ", lookedFor) + ")";
    return new InvalidRecordException("row of no known shape: it has " + (has.isEmpty() ? "no fields" : "fields " + has)
        + " and " + known + "; check the input, or name its format with #format=NAME");
  }
}
