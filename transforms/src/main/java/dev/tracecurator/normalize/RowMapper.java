package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Maps a row of any format onto {@link TrajectoryRecord} by its declared {@link FormatMapping}:
 * each value from the first of its format's paths present (for Open-SWE-Traces the tutorial's
 * field before the Hub's current one), then the input's labels for what the row does not state.
 * The reference patch (the human fix) is never read.
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
    String file = line.position().file();
    RowFormat format = line.format() == RowFormat.AUTO ? FormatDetector.detect(parsed, file) : line.format();
    return map(parsed, line, FormatMappings.of(format));
  }

  /** A row already parsed, told by shape. */
  public static TrajectoryRecord map(JsonNode row, SourceLine line) {
    return map(row, line, FormatMappings.of(FormatDetector.detect(row, line.position().file())));
  }

  static TrajectoryRecord map(JsonNode row, SourceLine line, FormatMapping mapping) {
    RowView view = new RowView(requireShape(row, mapping), line.position().file());
    JsonNode trajectorySource = view.first(mapping.messages());
    String systemPrompt = view.text(mapping.systemPrompt());
    NormalizedTrajectory trajectory = TrajectoryNormalizer.normalize(MessageShapes.messages(trajectorySource, mapping.shape(), systemPrompt));
    List<Message> messages = new ArrayList<>(trajectory.messages().size());
    for (ObjectNode message : trajectory.messages()) {
      messages.add(MessageNormalizer.normalize(message));
    }
    String language = view.text(FormatMapping.LANGUAGE);
    String trajectoryId = view.text(mapping.trajectoryId());
    Integer resolved = view.resolved(mapping.resolved());
    return new TrajectoryRecord(
        line.position(),
        view.text(mapping.instance()),
        view.text(FormatMapping.REPO),
        language == null || language.isEmpty() ? UNKNOWN : language.toLowerCase(Locale.ROOT),
        view.text(FormatMapping.LICENSE),
        resolved != null ? resolved : line.resolvedHint(),
        label(view.text(mapping.agent()), line.agentHint() != null ? line.agentHint() : mapping.harness()),
        label(view.text(mapping.model()), line.modelHint()),
        trajectoryId != null ? trajectoryId : TrajectoryIds.contentHash(messages),
        RowFields.anyText(view.first(FormatMapping.CATEGORY)),
        view.wholeNumber(FormatMapping.META_FILES),
        view.wholeNumber(FormatMapping.META_LINES),
        messages,
        tools(view.first(mapping.tools())),
        view.text(mapping.patch()),
        trajectory.error(),
        mapping.textCommands(),
        view.text(FormatMapping.BASE_COMMIT));
  }

  /**
   * The row must be an object (or, where a file holds one run, a bare message list) holding one of
   * its format's trajectory fields; a row with none is of no known shape, never an empty run.
   */
  private static JsonNode requireShape(JsonNode row, FormatMapping mapping) {
    boolean bareList = mapping.messages().stream().anyMatch(r -> FieldRef.WHOLE_ROW.equals(r.path()));
    if (row.isArray() && bareList) {
      return row;
    }
    if (!row.isObject()) {
      String kind = mapping.format() == RowFormat.OPEN_SWE_TRACES ? "a row" : "a " + mapping.format().label() + " row";
      throw new InvalidRecordException(kind + " must be a JSON object, got " + Json.typeName(row));
    }
    List<String> fields = mapping.messageFields().stream().filter(f -> !FieldRef.WHOLE_ROW.equals(f)).toList();
    boolean any = fields.stream().anyMatch(row::has);
    if (!any) {
      throw FormatDetector.noTrajectory(row, fields, mapping.format());
    }
    if (mapping.format() != RowFormat.OPEN_SWE_TRACES) {
      // A named format's defining list: the tutorial's schema alone also takes a JSON string of one.
      String field = fields.stream().filter(row::has).findFirst().orElseThrow();
      if (!row.get(field).isArray()) {
        throw new InvalidRecordException("a " + mapping.format().label() + " row needs a '" + field + "' list, got "
            + Json.typeName(row.get(field)) + " (check the input's format= label)");
      }
    }
    return row;
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
