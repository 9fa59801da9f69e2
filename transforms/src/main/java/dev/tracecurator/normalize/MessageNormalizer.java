package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** Turns one message object of any supported shape into a {@link Message}. */
public final class MessageNormalizer {
  private MessageNormalizer() {}

  public static Message normalize(ObjectNode source) {
    return new Message(
        role(source),
        MessageText.of(source),
        optionalText(source.get("reasoning_content")),
        toolCalls(source.get("tool_calls")),
        optionalText(source.get("tool_call_id")),
        textList(source.get("tool_call_ids")),
        optionalText(source.get("name")),
        source.path("action").isTextual() ? source.get("action").textValue() : null);
  }

  /** {@code msg.get("role", "unknown")}: a missing key is unknown, a null role stays null. */
  private static String role(ObjectNode source) {
    if (!source.has("role")) {
      return "unknown";
    }
    JsonNode role = source.get("role");
    return role.isNull() ? null : PythonText.str(role);
  }

  private static List<ToolCall> toolCalls(JsonNode calls) {
    if (calls == null || !calls.isArray() || calls.isEmpty()) {
      return List.of();
    }
    List<ToolCall> out = new ArrayList<>(calls.size());
    for (JsonNode call : calls) {
      if (!call.isObject()) {
        continue;
      }
      // OpenAI nests name and arguments under "function"; some exports flatten them.
      JsonNode function = call.get("function");
      JsonNode holder = function != null && function.isObject() ? function : call;
      JsonNode name = holder.get("name");
      out.add(new ToolCall(
          optionalText(call.get("id")),
          call.hasNonNull("type") ? PythonText.str(call.get("type")) : "function",
          PythonText.truthy(name) ? PythonText.str(name) : null,
          argumentsText(holder.get("arguments"))));
    }
    return out;
  }

  private static String argumentsText(JsonNode arguments) {
    if (arguments == null || arguments.isNull()) {
      return "{}";
    }
    return arguments.isTextual() ? arguments.textValue() : Json.write(arguments);
  }

  private static List<String> textList(JsonNode values) {
    if (values == null || !values.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(values.size());
    for (JsonNode value : values) {
      if (!value.isNull()) {
        out.add(PythonText.str(value));
      }
    }
    return out;
  }

  static String optionalText(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    return value.isTextual() ? value.textValue() : Json.write(value);
  }
}
