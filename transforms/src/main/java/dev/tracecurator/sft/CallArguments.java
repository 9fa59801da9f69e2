package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.normalize.Json;

/**
 * A tool call's arguments as the chat templates are handed them. Transformers documents them as a
 * dict while OpenAI's wire format (and our {@link ToolCall}) carries a JSON string; a string that
 * holds a JSON object becomes that object, so templates print it with {@code tojson} like a
 * dict. Anything else stays the string it is: the templates then decide (Qwen3 prints it raw,
 * Llama 3.1 quotes it), and no argument text is invented.
 */
final class CallArguments {
  private CallArguments() {}

  static JsonNode of(ToolCall call) {
    if (call.arguments() == null) {
      return NullNode.instance;
    }
    JsonNode parsed = Json.pythonLoads(call.arguments()).orElse(null);
    return parsed != null && parsed.isObject() ? parsed : TextNode.valueOf(call.arguments());
  }
}
