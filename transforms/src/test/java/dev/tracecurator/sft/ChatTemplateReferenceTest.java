package dev.tracecurator.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Our Qwen3 and Llama 3.1 renderings against the models' own templates: the expected files hold
 * what the saved templates print for each conversation, under @huggingface/jinja (render.mjs) and
 * Python's Jinja2 set up as transformers sets it up (render.py), which agree byte for byte. See
 * src/test-fixtures/templates/README.md for how they are made.
 */
class ChatTemplateReferenceTest {
  private static final Path FIXTURES = Path.of("src/test-fixtures/templates");

  /** One line of conversations.jsonl, read into our own message model. */
  private record Conversation(String id, List<Message> messages, List<String> tools, boolean keepReasoning) {}

  /** One line of an expected file: the rendered text, or the message the template raised. */
  private record Expected(String text, String error) {}

  @TestFactory
  Stream<DynamicTest> qwen3MatchesItsTemplate() throws IOException {
    return cases(ChatTemplate.QWEN3, "expected-qwen3.jsonl");
  }

  @TestFactory
  Stream<DynamicTest> llama3MatchesItsTemplate() throws IOException {
    return cases(ChatTemplate.LLAMA3, "expected-llama3.jsonl");
  }

  @Test
  void everyConversationHasBothReferences() throws IOException {
    List<Conversation> conversations = conversations();
    assertEquals(27, conversations.size());
    for (String file : List.of("expected-qwen3.jsonl", "expected-llama3.jsonl")) {
      assertEquals(conversations.stream().map(Conversation::id).toList(), List.copyOf(expected(file).keySet()), file);
    }
  }

  private static Stream<DynamicTest> cases(ChatTemplate template, String expectedFile) throws IOException {
    Map<String, Expected> expected = expected(expectedFile);
    return conversations().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
      Expected want = expected.get(c.id());
      if (want.error() != null) {
        UnrenderableConversationException e = assertThrows(UnrenderableConversationException.class,
            () -> template.render(c.messages(), c.tools(), c.keepReasoning()));
        assertEquals(want.error(), e.getMessage());
      } else {
        assertEquals(want.text(), template.render(c.messages(), c.tools(), c.keepReasoning()));
      }
    }));
  }

  private static List<Conversation> conversations() throws IOException {
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

  private static Map<String, Expected> expected(String file) throws IOException {
    Map<String, Expected> out = new LinkedHashMap<>();
    for (JsonNode line : lines(file)) {
      out.put(line.get("id").textValue(), new Expected(line.path("text").textValue(), line.path("error").textValue()));
    }
    return out;
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
