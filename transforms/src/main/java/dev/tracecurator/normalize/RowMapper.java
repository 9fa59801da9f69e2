package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.errors.InvalidRecordException;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.TrajectoryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps a row of either schema onto {@link TrajectoryRecord}: the tutorial's ({@code trajectory},
 * top-level {@code model_patch}, flat metadata) and the Hub's current one ({@code messages},
 * {@code tools}, {@code metadata.model_patch}). Where both could apply, the tutorial's field wins,
 * as the mapping says. The reference patch (the human fix) is never read.
 */
public final class RowMapper {
  private static final String UNKNOWN = "unknown";

  private RowMapper() {}

  /** Parses and maps one line; throws {@link InvalidRecordException} naming what is wrong. */
  public static TrajectoryRecord map(SourceLine line) {
    return map(line, RowParser.withDefaults());
  }

  /** {@link #map(SourceLine)} within the parser's limits. */
  public static TrajectoryRecord map(SourceLine line, RowParser parser) {
    JsonNode parsed = parser.parse(line.text());
    FormatAdapters.Canonical canonical = FormatAdapters.toCanonical(parsed, line.position().file(), line.format());
    if (!canonical.row().isObject()) {
      throw new InvalidRecordException("a row must be a JSON object, got " + Json.typeName(canonical.row()));
    }
    return map(canonical.row(), line, canonical.formatAgent());
  }

  public static TrajectoryRecord map(JsonNode row, SourceLine line) {
    return map(row, line, null);
  }

  static TrajectoryRecord map(JsonNode row, SourceLine line, String formatAgent) {
    ObjectNode metadata = metadata(row.get("metadata"));
    JsonNode trajectorySource = RowFields.present(row.get("trajectory")) ? row.get("trajectory") : row.get("messages");
    NormalizedTrajectory trajectory = TrajectoryNormalizer.normalize(trajectorySource);
    List<Message> messages = new ArrayList<>(trajectory.messages().size());
    for (ObjectNode message : trajectory.messages()) {
      messages.add(MessageNormalizer.normalize(message));
    }
    String language = RowFields.textField(row, "language");
    String trajectoryId = RowFields.textField(row, "trajectory_id");
    if (trajectoryId == null) {
      trajectoryId = RowFields.textField(row, "traj_id");
    }
    JsonNode patchInfo = metadata.path("model_patch");
    return new TrajectoryRecord(
        line.position(),
        RowFields.textField(row, "instance_id"),
        RowFields.textField(row, "repo"),
        language == null || language.isEmpty() ? UNKNOWN : language.toLowerCase(Locale.ROOT),
        RowFields.textField(row, "license"),
        RowFields.resolved(row),
        label(RowFields.textField(row, "agent"), line.agentHint() != null ? line.agentHint() : formatAgent),
        label(RowFields.textField(row, "model"), line.modelHint()),
        trajectoryId != null ? trajectoryId : TrajectoryIds.contentHash(messages),
        RowFields.anyText(metadata.get("category")),
        firstNumber(metadata, patchInfo, "num_modified_files"),
        firstNumber(metadata, patchInfo, "num_modified_lines"),
        messages,
        tools(row.get("tools")),
        modelPatch(row, patchInfo),
        trajectory.error());
  }

  /** The tutorial's {@code normalize_metadata}: an object, or a JSON string of one, else empty. */
  static ObjectNode metadata(JsonNode value) {
    JsonNode meta = value;
    if (meta != null && meta.isTextual()) {
      meta = Json.pythonLoads(meta.textValue()).orElse(null);
    }
    return meta != null && meta.isObject() ? (ObjectNode) meta : JsonNodeFactory.instance.objectNode();
  }

  private static Long firstNumber(ObjectNode metadata, JsonNode patchInfo, String field) {
    if (RowFields.present(metadata.get(field))) {
      return RowFields.wholeNumber(metadata.get(field), "metadata." + field);
    }
    return RowFields.wholeNumber(patchInfo.get(field), "metadata.model_patch." + field);
  }

  private static String modelPatch(JsonNode row, JsonNode patchInfo) {
    JsonNode top = row.get("model_patch");
    if (RowFields.present(top)) {
      return top.isObject() ? RowFields.text(top.get("patch"), "model_patch.patch") : RowFields.text(top, "model_patch");
    }
    if (patchInfo.isObject()) {
      return RowFields.text(patchInfo.get("patch"), "metadata.model_patch.patch");
    }
    // Other public sets keep the agent's patch under these names (nebius: generated_patch; SWE-smith: patch).
    for (String field : new String[] {"generated_patch", "patch"}) {
      if (RowFields.present(row.get(field))) {
        return RowFields.text(row.get(field), field);
      }
    }
    return null;
  }

  /** Tool schemas as JSON object text, whether the row holds them as strings or objects. */
  static List<String> tools(JsonNode value) {
    if (!RowFields.present(value)) {
      return List.of();
    }
    JsonNode list = value;
    if (value.isTextual()) {
      list = Json.pythonLoads(value.textValue())
          .orElseThrow(() -> new InvalidRecordException("field 'tools' is a string that is not valid JSON"));
    }
    if (!list.isArray()) {
      throw new InvalidRecordException("field 'tools' must be a list of tool schemas, got " + Json.typeName(list));
    }
    List<String> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode tool = list.get(i);
      Optional<JsonNode> schema = tool.isTextual() ? Json.pythonLoads(tool.textValue()) : Optional.of(tool);
      if (schema.isEmpty() || !schema.get().isObject()) {
        throw new InvalidRecordException("tools[" + i + "] is not a JSON object schema");
      }
      out.add(Json.write(schema.get()));
    }
    return out;
  }

  private static String label(String fromRow, String hint) {
    if (fromRow != null && !fromRow.isEmpty()) {
      return fromRow;
    }
    return hint != null && !hint.isEmpty() ? hint : UNKNOWN;
  }
}
