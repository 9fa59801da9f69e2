package dev.tracecurator.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The tutorial's {@code message_text}: the text of a message whatever its content's shape. */
public final class MessageText {
  private MessageText() {}

  public static String of(JsonNode message) {
    if (message == null || !message.isObject()) {
      return "";
    }
    JsonNode content = message.get("content");
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.textValue();
    }
    if (content.isArray()) {
      List<String> parts = new ArrayList<>(content.size());
      for (JsonNode block : content) {
        if (block.isObject()) {
          // block.get("text") or block.get("content") or ""
          JsonNode text = block.get("text");
          JsonNode chosen = PythonText.truthy(text) ? text : block.get("content");
          if (PythonText.truthy(chosen)) {
            parts.add(PythonText.str(chosen));
          }
        } else if (block.isTextual() && !block.textValue().isEmpty()) {
          parts.add(block.textValue());
        }
      }
      return String.join("\n", parts);
    }
    return PythonText.str(content);
  }
}
