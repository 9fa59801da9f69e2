package dev.tracecurator.pipelines.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * A row in the tutorial's schema (NVIDIA's SWE-Zero / SWE-Hero still use it), in the varied shapes
 * such sets hold: the trajectory as a list of messages, a list of JSON strings or one JSON string;
 * native tool calls or XML-style {@code <function=…>} calls in the text; text-block content;
 * metadata as an object or a JSON string; language capitalised or missing.
 */
final class TutorialRowWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TutorialRowWriter() {}

  static ObjectNode write(GeneratedRow row, long seed) {
    Draw draw = new Draw(seed ^ 0x5EEDL, row.index());
    boolean xmlCalls = draw.chance(0.4);
    boolean observationsAsUser = xmlCalls && draw.chance(0.5);
    boolean keepReasoning = !xmlCalls && draw.chance(0.3);
    ArrayNode messages = NODES.arrayNode();
    for (GeneratedTurn turn : row.turns()) {
      ObjectNode m = NODES.objectNode();
      switch (turn.role()) {
        case "assistant" -> {
          m.put("role", "assistant");
          if (xmlCalls) {
            StringBuilder text = new StringBuilder(turn.content());
            for (GeneratedTurn.Call call : turn.calls()) {
              text.append(text.length() > 0 ? "\n\n" : "").append(xmlCall(call));
            }
            m.put("content", text.toString());
          } else {
            if (turn.content().isEmpty() && draw.chance(0.5)) {
              m.putNull("content");
            } else {
              m.put("content", turn.content());
            }
            HubRowWriter.putToolCalls(m, turn.calls());
          }
          if (keepReasoning && turn.reasoning() != null) {
            m.put("reasoning_content", turn.reasoning());
          }
        }
        case "tool" -> {
          if (observationsAsUser) {
            m.put("role", "user");
            m.put("content", "OBSERVATION:\n" + turn.content());
          } else {
            m.put("role", "tool");
            if (!xmlCalls) {
              m.put("tool_call_id", turn.callId());
            }
            m.put("name", turn.toolName());
            m.put("content", turn.content());
          }
        }
        default -> {
          m.put("role", turn.role());
          if (draw.chance(0.2)) {
            m.putArray("content").addObject().put("type", "text").put("text", turn.content());
          } else {
            m.put("content", turn.content());
          }
        }
      }
      messages.add(m);
    }

    ObjectNode node = NODES.objectNode();
    node.put("instance_id", row.instanceId());
    node.put("repo", row.repo());
    double languageShape = draw.uniform();
    if (languageShape < 0.05) {
      node.putNull("language");
    } else {
      node.put("language", languageShape < 0.35 ? capitalised(row.language()) : row.language());
    }
    node.put("license", row.license());
    node.put("resolved", row.resolved());
    ObjectNode metadata = NODES.objectNode();
    metadata.put("category", row.category());
    metadata.put("num_modified_files", row.modelPatch().files());
    metadata.put("num_modified_lines", row.modelPatch().added() + row.modelPatch().deleted());
    if (draw.chance(0.5)) {
      node.set("metadata", metadata);
    } else {
      node.put("metadata", metadata.toString());
    }
    if (draw.chance(0.5)) {
      node.put("trajectory_id", row.trajectoryId());
    }
    double shape = draw.uniform();
    if (shape < 0.5) {
      node.set("trajectory", messages);
    } else if (shape < 0.75) {
      ArrayNode strings = node.putArray("trajectory");
      for (JsonNode m : messages) {
        strings.add(m.toString());
      }
      if (draw.chance(0.3)) {
        strings.insert(2, "[stray log line from the harness, not JSON]");
      }
    } else {
      node.put("trajectory", messages.toString());
    }
    node.put("model_patch", row.modelPatch().diff());
    return node;
  }

  /** An XML-style call as Qwen-family models write them in text. */
  static String xmlCall(GeneratedTurn.Call call) {
    StringBuilder out = new StringBuilder("<function=").append(call.name()).append(">\n");
    JsonNode arguments;
    try {
      arguments = new com.fasterxml.jackson.databind.ObjectMapper().readTree(call.arguments());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("generated arguments are not JSON", e);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      out.append("<parameter=").append(field.getKey()).append('>').append(field.getValue().asText()).append("</parameter>\n");
    }
    return out.append("</function>").toString();
  }

  private static String capitalised(String language) {
    return language.substring(0, 1).toUpperCase(Locale.ROOT) + language.substring(1);
  }
}
