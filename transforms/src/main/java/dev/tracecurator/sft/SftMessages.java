package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import java.util.List;

/**
 * Messages in the OpenAI / TRL form trainers load: role and string content always; tool calls,
 * the answered call's id and the tool's name, and reasoning where the trajectory has them.
 */
public final class SftMessages {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SftMessages() {}

  /** A role trainers accept: a null role would break them, so it reads {@code unknown}. */
  static String role(Message message) {
    return message.role() == null ? "unknown" : message.role();
  }

  /** The messages with their reasoning left out ({@code --reasoning=strip}). */
  public static List<Message> withoutReasoning(List<Message> messages) {
    return messages.stream().map(m -> new Message(m.role(), m.content(), null, m.toolCalls(), m.toolCallId(), m.toolCallIds(),
        m.name())).toList();
  }

  /**
   * About how many characters a template renders the messages to: their texts and a line of
   * markup each. A renderer's buffer starts at that size rather than doubling its way there,
   * copying a row's text a dozen times.
   */
  static int renderedSizeHint(List<Message> messages, boolean keepReasoning) {
    long size = 0;
    for (Message message : messages) {
      size += 64 + length(message.content());
      if (keepReasoning) {
        size += length(message.reasoningContent());
      }
      for (ToolCall call : message.toolCalls()) {
        size += 64 + length(call.name()) + length(call.arguments());
      }
    }
    return (int) Math.min(size, Integer.MAX_VALUE - 16);
  }

  private static int length(String text) {
    return text == null ? 0 : text.length();
  }

  public static ArrayNode toJson(List<Message> messages) {
    ArrayNode out = NODES.arrayNode(messages.size());
    for (Message message : messages) {
      ObjectNode node = out.addObject();
      node.put("role", role(message));
      node.put("content", message.content());
      if (message.reasoningContent() != null) {
        node.put("reasoning_content", message.reasoningContent());
      }
      if (!message.toolCalls().isEmpty()) {
        ArrayNode calls = node.putArray("tool_calls");
        for (ToolCall call : message.toolCalls()) {
          ObjectNode c = calls.addObject();
          c.put("id", call.id());
          c.put("type", call.type());
          ObjectNode function = c.putObject("function");
          function.put("name", call.name());
          function.put("arguments", call.arguments());
        }
      }
      if (message.toolCallId() != null) {
        node.put("tool_call_id", message.toolCallId());
      }
      if (message.name() != null) {
        node.put("name", message.name());
      }
    }
    return out;
  }
}
