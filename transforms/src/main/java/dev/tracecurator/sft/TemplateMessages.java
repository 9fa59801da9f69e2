package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.normalize.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A conversation as {@code apply_chat_template} is handed it, in plain Java maps and lists for a
 * Jinja engine: role ({@code unknown} when null) and content ({@code ""} when null) always;
 * {@code reasoning_content} when reasoning is kept (the field Qwen3, DeepSeek and most reasoning
 * templates read; templates that know no such field leave it out); {@code tool_calls} only when
 * the message has some, each call's arguments the object they hold ({@link CallArguments});
 * {@code tool_call_id} and {@code name} when present.
 */
final class TemplateMessages {
  private TemplateMessages() {}

  static List<Map<String, Object>> of(List<Message> messages, boolean keepReasoning) {
    List<Map<String, Object>> out = new ArrayList<>(messages.size());
    for (Message m : messages) {
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("role", SftMessages.role(m));
      message.put("content", m.content() == null ? "" : m.content());
      if (keepReasoning && m.reasoningContent() != null) {
        message.put("reasoning_content", m.reasoningContent());
      }
      if (!m.toolCalls().isEmpty()) {
        List<Object> calls = new ArrayList<>();
        for (ToolCall call : m.toolCalls()) {
          Map<String, Object> function = new LinkedHashMap<>();
          function.put("name", call.name());
          function.put("arguments", plain(CallArguments.of(call)));
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("id", call.id());
          c.put("type", "function");
          c.put("function", function);
          calls.add(c);
        }
        message.put("tool_calls", calls);
      }
      if (m.toolCallId() != null) {
        message.put("tool_call_id", m.toolCallId());
      }
      if (m.name() != null) {
        message.put("name", m.name());
      }
      out.add(message);
    }
    return out;
  }

  /** Tool schemas as the maps a template prints; empty for none. */
  static List<Object> tools(List<String> schemas) {
    return ToolSchemas.parse(schemas).stream().map(TemplateMessages::plain).toList();
  }

  /** A JSON value as Java maps (in key order), lists, strings, numbers and booleans. */
  static Object plain(JsonNode node) {
    return Json.STRICT.convertValue(node, Object.class);
  }
}
