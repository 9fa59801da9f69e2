package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** Rewrites one format's messages into the OpenAI-style objects the common normalisation reads. */
final class MessageShapes {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MessageShapes() {}

  /**
   * The trajectory as the normaliser reads it: OpenAI-style lists are passed on untouched (the
   * tutorial's odd shapes included), other shapes rewritten message by message, the system prompt
   * a format keeps beside its turns put first.
   */
  static JsonNode messages(JsonNode source, MessageShape shape, String systemPrompt) {
    if (shape == MessageShape.OPENAI && systemPrompt == null) {
      return source;
    }
    ArrayNode out = NODES.arrayNode();
    if (systemPrompt != null) {
      out.addObject().put("role", "system").put("content", systemPrompt);
    }
    if (source == null || !source.isArray()) {
      return out;
    }
    int call = 0;
    for (JsonNode m : source) {
      if (!m.isObject()) {
        if (shape == MessageShape.OPENAI) {
          out.add(m);
        }
        continue;
      }
      switch (shape) {
        case OPENAI -> out.add(m);
        case SWE_AGENT_HISTORY -> out.add(sweAgent(m));
        case ROLE_AI_TEXT -> out.add(roleAiText(m));
        case SHAREGPT -> call = shareGptTurn(m, out, call);
        case OPENHANDS_EVENTS -> OpenHandsEvents.add(m, out);
      }
    }
    return out;
  }

  private static ObjectNode sweAgent(JsonNode m) {
    ObjectNode message = NODES.objectNode();
    for (String field : new String[] {"role", "content", "tool_calls", "tool_call_ids", "name", "action"}) {
      if (m.has(field)) {
        message.set(field, m.get(field));
      }
    }
    renameRole(message);
    return message;
  }

  /** nebius: text under {@code text}; the system turn may keep its text under {@code system_prompt}. */
  private static ObjectNode roleAiText(JsonNode m) {
    ObjectNode message = ((ObjectNode) m).deepCopy();
    if (!RowFields.present(message.get("content"))) {
      JsonNode text = message.get("text");
      if ((text == null || text.isNull() || text.asText().isEmpty()) && RowFields.present(message.get("system_prompt"))) {
        text = message.get("system_prompt");
      }
      message.remove("text");
      message.set("content", text == null ? NODES.nullNode() : text);
    }
    renameRole(message);
    return message;
  }

  /** ShareGPT: {from, value}; a function_call turn carries one JSON call {name, arguments}. */
  private static int shareGptTurn(JsonNode turn, ArrayNode out, int call) {
    String from = turn.path("from").asText(turn.path("role").asText());
    String value = turn.path("value").asText(turn.path("content").asText());
    ObjectNode message = out.addObject();
    switch (from) {
      case "human", "user" -> message.put("role", "user").put("content", value);
      case "gpt", "assistant", "model" -> message.put("role", "assistant").put("content", value);
      case "system" -> message.put("role", "system").put("content", value);
      case "observation", "tool", "function" -> message.put("role", "tool").put("content", value);
      case "function_call" -> {
        message.put("role", "assistant").put("content", "");
        JsonNode parsed = Json.pythonLoads(value).orElse(null);
        ObjectNode c = message.putArray("tool_calls").addObject();
        c.put("id", "call_" + call++).put("type", "function");
        ObjectNode function = c.putObject("function");
        function.put("name", parsed == null ? null : parsed.path("name").asText(null));
        JsonNode arguments = parsed == null ? null : parsed.get("arguments");
        function.put("arguments", arguments == null ? value : arguments.isTextual() ? arguments.asText() : arguments.toString());
      }
      default -> message.put("role", from).put("content", value);
    }
    return call;
  }

  private static void renameRole(ObjectNode message) {
    String role = message.path("role").asText();
    switch (role.toLowerCase(Locale.ROOT)) {
      case "ai", "gpt" -> message.put("role", "assistant");
      case "human" -> message.put("role", "user");
      default -> { }
    }
  }
}
