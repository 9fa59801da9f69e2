package dev.tracecurator.sft;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference conversations and renders of src/test-fixtures/templates (see its README). */
final class TemplateFixtures {
  static final Path FIXTURES = Path.of("src/test-fixtures/templates");

  private TemplateFixtures() {}

  /** One line of conversations.jsonl, read into our own message model. */
  record Conversation(String id, List<Message> messages, List<String> tools, boolean keepReasoning) {}

  /** One line of an expected file: the rendered text, or the message the template raised. */
  record Expected(String text, String error) {}

  static List<Conversation> conversations() throws IOException {
    List<Conversation> out = new ArrayList<>();
    for (JsonNode line : lines("conversations.jsonl")) {
      List<Message> messages = new ArrayList<>();
      for (JsonNode m : line.get("messages")) {
        messages.add(message(m));
      }
      List<String> tools = new ArrayList<>();
      line.get("tools").forEach(tool -> tools.add(Json.write(tool)));
      out.add(new Conversation(line.get("id").textValue(), messages, tools, line.get("keep_reasoning").booleanValue()));
    }
    return out;
  }

  private static Message message(JsonNode m) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode c : m.path("tool_calls")) {
      JsonNode function = c.get("function");
      calls.add(new ToolCall(c.get("id").textValue(), c.get("type").textValue(),
          function.get("name").textValue(), function.get("arguments").textValue()));
    }
    return new Message(m.get("role").textValue(), m.get("content").textValue(), m.path("reasoning_content").textValue(),
        calls, m.path("tool_call_id").textValue(), List.of(), m.path("name").textValue());
  }

  static Map<String, Expected> expected(String file) throws IOException {
    Map<String, Expected> out = new LinkedHashMap<>();
    for (JsonNode line : lines(file)) {
      out.put(line.get("id").textValue(), new Expected(line.path("text").textValue(), line.path("error").textValue()));
    }
    return out;
  }

  static String read(String file) throws IOException {
    return Files.readString(FIXTURES.resolve(file));
  }

  private static List<JsonNode> lines(String file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(FIXTURES.resolve(file))) {
      if (!line.isBlank()) {
        out.add(Json.STRICT.readTree(line));
      }
    }
    return out;
  }
}
