package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.tokens.SpannedText;
import dev.tracecurator.tokens.SpannedTextBuilder;
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
    return renderSpanned(messages, keepReasoning).text();
  }

  /** As {@link #render(List, boolean)}, with where each message's text went. */
  static SpannedText renderSpanned(List<Message> messages, boolean keepReasoning) {
    SpannedTextBuilder out = new SpannedTextBuilder(SftMessages.renderedSizeHint(messages, keepReasoning));
    for (Message message : messages) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append("<|im_start|>").append(SftMessages.role(message)).append('\n');
      appendBody(message, keepReasoning, out);
      out.append("<|im_end|>");
    }
    return out.build();
  }

  private static void appendBody(Message message, boolean keepReasoning, SpannedTextBuilder out) {
    int start = out.length();
    boolean reasoning = keepReasoning && !PythonStrings.isBlank(message.reasoningContent());
    // The reasoning and each call's JSON are pieces ending in their line break: a certain cut at
    // both ends, so the assistant turn's count for train_tokens adds what the whole text's count
    // found for them instead of tokenising them again.
    if (message.hasRole("assistant") && reasoning) {
      out.append("<think>\n");
      String text = message.reasoningContent();
      int from = PythonStrings.stripStart(text);
      out.appendPiece(text.substring(from, PythonStrings.stripEnd(text, from)) + "\n");
      out.append("</think>\n");
    }
    PythonStrings.appendStripped(message.content(), out);
    for (ToolCall call : message.toolCalls()) {
      if (out.length() > start && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      out.append("<tool_call>\n").appendPiece(PythonJson.dumps(callObject(call)) + "\n").append("</tool_call>");
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
