package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.score.TrajectoryScore;
import java.util.List;

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
    ObjectNode node = NODES.objectNode();
    node.put("instance_id", record.instanceId());
    node.put("trajectory_id", record.trajectoryId());
    node.put("repo", record.repo());
    node.put("language", record.language());
    node.put("license", record.license());
    node.put("agent", record.agent());
    node.put("model", record.model());
    node.put("quality_score", score.quality());
    switch (settings.format()) {
      case MESSAGES -> {
        ArrayNode json = SftMessages.toJson(messages);
        for (int i = 0; i < messages.size(); i++) {
          ((ObjectNode) json.get(i)).put("train", TrainFlags.train(messages.get(i)));
        }
        node.set("messages", json);
        if (!record.tools().isEmpty()) {
          node.set("tools", tools(record.tools()));
        }
        node.put("text", text);
      }
      case SHAREGPT -> node.setAll(ShareGptConverter.convert(messages, record.tools(), settings.keepReasoning()));
      case TEXT -> node.put("text", text);
      default -> throw new IllegalStateException(settings.format().toString());
    }
    node.put("model_patch", record.modelPatch());
    node.put("approx_tokens", tokens);
    return Json.write(node);
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
