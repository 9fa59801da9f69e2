package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.score.TrajectoryScore;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One kept trajectory as an SFT row of the chosen shape: the trajectory's identity and score, then
 * {@code messages} (each with a {@link TrainFlags train} flag) and {@code tools},
 * or ShareGPT {@code conversations}, or the rendered {@code text}; then the patch and token count.
 */
public final class SftExamples {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SftExamples() {}

  public static String of(TrajectoryRecord record, List<Message> messages, String text, int tokens, TrajectoryScore score,
      SftSettings settings) {
    return Json.write(expectedChars(record, messages, text), out -> {
      out.writeStartObject();
      out.writeStringField("instance_id", record.instanceId());
      out.writeStringField("trajectory_id", record.trajectoryId());
      out.writeStringField("repo", record.repo());
      out.writeStringField("language", record.language());
      out.writeStringField("license", record.license());
      out.writeStringField("agent", record.agent());
      out.writeStringField("model", record.model());
      out.writeNumberField("quality_score", score.quality());
      switch (settings.format()) {
        case MESSAGES -> {
          out.writeFieldName("messages");
          SftMessages.write(messages, true, out);
          if (!record.tools().isEmpty()) {
            out.writeFieldName("tools");
            out.writeTree(tools(record.tools()));
          }
          out.writeStringField("text", text);
        }
        case SHAREGPT -> {
          Iterator<Map.Entry<String, JsonNode>> fields =
              ShareGptConverter.convert(messages, record.tools(), settings.keepReasoning()).fields();
          while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            out.writeFieldName(field.getKey());
            out.writeTree(field.getValue());
          }
        }
        case TEXT -> out.writeStringField("text", text);
        default -> throw new IllegalStateException(settings.format().toString());
      }
      out.writeStringField("model_patch", record.modelPatch());
      out.writeNumberField("approx_tokens", tokens);
      out.writeEndObject();
    });
  }

  /**
   * About how long the example's JSON is: the conversation (as messages, or turns), the rendered
   * text, the patch and the schemas, and a little for the escapes of line breaks and quotes.
   */
  private static int expectedChars(TrajectoryRecord record, List<Message> messages, String text) {
    long chars = 512L + SftMessages.renderedSizeHint(messages, true) + length(text) + length(record.modelPatch());
    for (String schema : record.tools()) {
      chars += schema.length();
    }
    return (int) Math.min(Integer.MAX_VALUE, chars + chars / 10);
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  static ArrayNode tools(List<String> schemas) {
    ArrayNode tools = NODES.arrayNode();
    for (String schema : schemas) {
      JsonNode parsed = Json.pythonLoads(schema).orElse(null);
      if (parsed != null) {
        tools.add(parsed);
      }
    }
    return tools;
  }
}
