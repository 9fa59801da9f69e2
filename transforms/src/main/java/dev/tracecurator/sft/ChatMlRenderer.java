package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.normalize.Json;
import java.util.List;

/**
 * Renders messages as ChatML: {@code <|im_start|>role\n…<|im_end|>} joined by newlines. Unlike
 * the tutorial's {@code to_chatml}, an assistant turn keeps what training needs: its reasoning as
 * {@code <think>…</think>} first, then its text, then each tool call as a
 * {@code <tool_call>{"name": …, "arguments": {…}}</tool_call>} block.
 */
public final class ChatMlRenderer {
  private ChatMlRenderer() {}

  public static String render(List<Message> messages) {
    return render(messages, true);
  }

  /** As {@link #render(List)}; without reasoning no {@code <think>} block is written at all. */
  public static String render(List<Message> messages, boolean keepReasoning) {
    StringBuilder out = new StringBuilder();
    for (Message message : messages) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append("<|im_start|>").append(SftMessages.role(message)).append('\n');
      appendBody(message, keepReasoning, out);
      out.append("<|im_end|>");
    }
    return out.toString();
  }

  private static void appendBody(Message message, boolean keepReasoning, StringBuilder out) {
    int start = out.length();
    String reasoning = keepReasoning ? PythonStrings.strip(message.reasoningContent()) : "";
    if (message.hasRole("assistant") && !reasoning.isEmpty()) {
      out.append("<think>\n").append(reasoning).append("\n</think>\n");
    }
    out.append(PythonStrings.strip(message.content()));
    for (ToolCall call : message.toolCalls()) {
      if (out.length() > start && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      out.append("<tool_call>\n").append(PythonJson.dumps(callObject(call))).append("\n</tool_call>");
    }
  }

  private static ObjectNode callObject(ToolCall call) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", call.name());
    JsonNode arguments = Json.pythonLoads(call.arguments()).orElse(null);
    if (arguments != null && arguments.isObject()) {
      node.set("arguments", arguments);
    } else {
      node.put("arguments", call.arguments());
    }
    return node;
  }
}
