package dev.tracecurator.sft;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.util.List;

/**
 * Messages in the OpenAI / TRL form trainers load: role and string content always; tool calls,
 * the answered call's id and the tool's name, and reasoning where the trajectory has them.
 */
public final class SftMessages {
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

  /** The messages as trainers load them, as a JSON tree. */
  public static ArrayNode toJson(List<Message> messages) {
    try (TokenBuffer buffer = new TokenBuffer(Json.STRICT, false)) {
      write(messages, false, buffer);
      return (ArrayNode) Json.STRICT.readTree(buffer.asParser());
    } catch (IOException e) {
      throw new IllegalStateException("cannot build the messages' JSON", e);
    }
  }

  /**
   * The messages as a JSON array written to {@code out}, each ending with its {@link TrainFlags
   * train} flag when {@code trainFlags} is set: streamed, as a row's SFT example is, rather than
   * built as a tree of the whole conversation first.
   */
  static void write(List<Message> messages, boolean trainFlags, JsonGenerator out) throws IOException {
    out.writeStartArray();
    for (Message message : messages) {
      out.writeStartObject();
      out.writeStringField("role", role(message));
      out.writeStringField("content", message.content());
      if (message.reasoningContent() != null) {
        out.writeStringField("reasoning_content", message.reasoningContent());
      }
      if (!message.toolCalls().isEmpty()) {
        out.writeArrayFieldStart("tool_calls");
        for (ToolCall call : message.toolCalls()) {
          out.writeStartObject();
          out.writeStringField("id", call.id());
          out.writeStringField("type", call.type());
          out.writeObjectFieldStart("function");
          out.writeStringField("name", call.name());
          out.writeStringField("arguments", call.arguments());
          out.writeEndObject();
          out.writeEndObject();
        }
        out.writeEndArray();
      }
      if (message.toolCallId() != null) {
        out.writeStringField("tool_call_id", message.toolCallId());
      }
      if (message.name() != null) {
        out.writeStringField("name", message.name());
      }
      if (trainFlags) {
        out.writeBooleanField("train", TrainFlags.train(message));
      }
      out.writeEndObject();
    }
    out.writeEndArray();
  }
}
