package dev.tracecurator.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.testing.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShareGptConverterTest {
  private static final String BASH_SCHEMA = "{\"type\": \"function\", \"function\": {\"name\": \"execute_bash\", "
      + "\"parameters\": {\"type\": \"object\", \"properties\": {\"command\": {\"type\": \"string\"}}}}}";

  @Test
  void anAgentRunBecomesAlternatingTurns() {
    List<Message> messages = List.of(
        Message.of("system", "You are an agent."),
        Message.of("user", "Fix the bug."),
        assistant("", null, call("c1", "execute_bash", "{\"command\":\"ls\"}")),
        Message.of("tool", "a.py"),
        assistant("Done.", null));
    ObjectNode example = ShareGptConverter.convert(messages, List.of(BASH_SCHEMA), true);
    assertEquals(Rows.object("{'conversations':["
        + "{'from':'human','value':'Fix the bug.'},"
        + "{'from':'function_call','value':'{\\'name\\': \\'execute_bash\\', \\'arguments\\': {\\'command\\': \\'ls\\'}}'},"
        + "{'from':'observation','value':'a.py'},"
        + "{'from':'gpt','value':'Done.'}],"
        + "'system':'You are an agent.',"
        + "'tools':'[{\\'type\\': \\'function\\', \\'function\\': {\\'name\\': \\'execute_bash\\', \\'parameters\\': "
        + "{\\'type\\': \\'object\\', \\'properties\\': {\\'command\\': {\\'type\\': \\'string\\'}}}}}]'}"), example);
    assertNull(LlamaFactorySharegpt.rejection(example));
  }

  @Test
  void parallelCallsAreAListAndTheirResultsOneObservation() {
    List<Message> messages = List.of(Message.of("user", "Look."),
        assistant("", null, call("c1", "a", "{\"x\": 1}"), call("c2", "b", "not json")),
        Message.of("tool", "one"), Message.of("tool", "two"), assistant("ok", null));
    JsonNode turns = ShareGptConverter.convert(messages, List.of(), true).get("conversations");
    assertEquals("[{\"name\": \"a\", \"arguments\": {\"x\": 1}}, {\"name\": \"b\", \"arguments\": \"not json\"}]",
        turns.get(1).get("value").textValue());
    assertEquals("one" + ShareGptConverter.TOOL_RESPONSE_SEPARATOR + "two", turns.get(2).get("value").textValue());
    assertEquals(List.of("a", "b"), LlamaFactorySharegpt.functionTurn(turns.get(1).get("value").textValue())
        .calls().stream().map(LlamaFactorySharegpt.Call::name).toList());
  }

  @Test
  void textAndReasoningBesideCallsAreKeptInFrontOfThem() {
    List<Message> messages = List.of(Message.of("user", "Go."),
        assistant("Let me look.", " I need the listing. ", call("c1", "ls", "{}")), Message.of("tool", "x"),
        assistant("Found.", "Easy."));
    JsonNode turns = ShareGptConverter.convert(messages, List.of(), true).get("conversations");
    String value = turns.get(1).get("value").textValue();
    assertEquals("<think>\nI need the listing.\n</think>\n\nLet me look.\n<tool_call>{\"name\": \"ls\", \"arguments\": {}}</tool_call>",
        value);
    LlamaFactorySharegpt.FunctionTurn parsed = LlamaFactorySharegpt.functionTurn(value);
    assertEquals("<think>\nI need the listing.\n</think>\n\nLet me look.\n", parsed.prefix());
    assertEquals(List.of(new LlamaFactorySharegpt.Call("ls", Rows.node("{}"))), parsed.calls());
    assertEquals("<think>\nEasy.\n</think>\n\nFound.", turns.get(3).get("value").textValue());
  }

  @Test
  void withoutReasoningOnlyTheTextIsKept() {
    List<Message> messages = List.of(Message.of("user", "Go."), assistant("Let me look.", "hidden", call("c1", "ls", "{}")),
        Message.of("tool", "x"), assistant("Found.", "hidden"));
    JsonNode turns = ShareGptConverter.convert(messages, List.of(), false).get("conversations");
    assertEquals("Let me look.\n<tool_call>{\"name\": \"ls\", \"arguments\": {}}</tool_call>", turns.get(1).get("value").textValue());
    assertEquals("Found.", turns.get(3).get("value").textValue());
  }

  @Test
  void closingTagsInArgumentsCannotEndTheMatchEarly() {
    String arguments = "{\"new_str\": \"</tool_call> and </think>\\n\"}";
    List<Message> messages = List.of(Message.of("user", "Edit."), assistant("Editing.", null, call("c1", "edit", arguments)));
    String value = ShareGptConverter.convert(messages, List.of(), true).get("conversations").get(1).get("value").textValue();
    assertTrue(value.contains("<\\/tool_call> and <\\/think>"), value);
    LlamaFactorySharegpt.FunctionTurn parsed = LlamaFactorySharegpt.functionTurn(value);
    assertEquals("Editing.\n", parsed.prefix());
    assertEquals("</tool_call> and </think>\n", parsed.calls().get(0).arguments().get("new_str").textValue());
  }

  @Test
  void textThatLooksLikeTheCallsIsRefused() {
    List<Message> messages = List.of(Message.of("user", "Go."), assistant("I emit <tool_call> tags", null, call("c1", "ls", "{}")));
    assertThrows(IllegalArgumentException.class, () -> ShareGptConverter.convert(messages, List.of(), true));
  }

  @Test
  void sameSideMessagesAreMergedAndTheEndsFixed() {
    List<Message> messages = List.of(Message.of("system", "sys"), assistant("Hello.", null), assistant("Anyone?", null),
        Message.of("user", "hi"), Message.of("system", "be brief"), Message.of("tool", "late output"),
        assistant("", null, call("c1", "ls", "{}")), Message.of("tool", "a"), Message.of("user", "thanks"));
    ObjectNode example = ShareGptConverter.convert(messages, List.of(), true);
    assertEquals(Rows.node("[{'from':'human','value':''},{'from':'gpt','value':'Hello.\\n\\nAnyone?'},"
        + "{'from':'human','value':'hi\\n\\nbe brief\\n\\nlate output'},"
        + "{'from':'function_call','value':'{\\'name\\': \\'ls\\', \\'arguments\\': {}}'}]"), example.get("conversations"));
    assertEquals("sys", example.get("system").textValue());
    assertEquals("", example.get("tools").textValue());
  }

  @Test
  void aConversationWithNoAssistantHasNoTurns() {
    ObjectNode example = ShareGptConverter.convert(List.of(Message.of("system", "s"), Message.of("user", "u")), List.of(), true);
    assertEquals(0, example.get("conversations").size());
  }

  @Test
  void randomConversationsAlwaysPassLlamaFactorysChecksAndKeepAllAssistantOutput() {
    Random random = new Random(20240726L);
    for (int n = 0; n < 2_000; n++) {
      List<Message> messages = randomConversation(random);
      boolean keepReasoning = random.nextBoolean();
      ObjectNode example = ShareGptConverter.convert(messages, List.of(BASH_SCHEMA), keepReasoning);
      String context = messages.toString();
      boolean hasAssistant = messages.stream().anyMatch(m -> m.hasRole("assistant"));
      assertEquals(hasAssistant ? null : "Dropped invalid example", LlamaFactorySharegpt.rejection(example), context);
      StringBuilder trained = new StringBuilder();
      List<LlamaFactorySharegpt.Call> calls = new ArrayList<>();
      for (JsonNode turn : example.get("conversations")) {
        String value = turn.get("value").textValue();
        if (turn.get("from").textValue().equals("function_call")) {
          LlamaFactorySharegpt.FunctionTurn parsed = LlamaFactorySharegpt.functionTurn(value);
          trained.append(parsed.prefix()).append('\u0000');
          calls.addAll(parsed.calls());
        } else if (turn.get("from").textValue().equals("gpt")) {
          trained.append(value).append('\u0000');
        }
      }
      List<LlamaFactorySharegpt.Call> expectedCalls = new ArrayList<>();
      for (Message m : messages) {
        if (!m.hasRole("assistant")) {
          continue;
        }
        assertTrue(trained.indexOf(m.content()) >= 0, "lost text of " + m + " in " + example);
        if (keepReasoning && m.reasoningContent() != null) {
          assertTrue(trained.indexOf(m.reasoningContent().strip()) >= 0, "lost reasoning of " + m);
        }
        for (ToolCall c : m.toolCalls()) {
          expectedCalls.add(new LlamaFactorySharegpt.Call(c.name(), CallArguments.of(c)));
        }
      }
      assertEquals(expectedCalls, calls, context);
    }
  }

  private static List<Message> randomConversation(Random random) {
    List<Message> out = new ArrayList<>();
    int size = random.nextInt(12);
    for (int i = 0; i < size; i++) {
      String text = List.of("", "ok", "line one\nline two", "</think> stray", "ünïcödé ✓").get(random.nextInt(5));
      switch (random.nextInt(7)) {
        case 0 -> out.add(Message.of("system", "system " + i));
        case 1 -> out.add(Message.of("user", "user " + i));
        case 2 -> out.add(Message.of("tool", "result " + i + " " + text));
        case 3 -> out.add(Message.of(null, "unknown " + i));
        case 4 -> out.add(assistant("answer " + i + " " + text, random.nextBoolean() ? "thought " + i : null));
        default -> {
          List<ToolCall> calls = new ArrayList<>();
          for (int c = 0, k = 1 + random.nextInt(3); c < k; c++) {
            String arguments = List.of("{\"command\": \"ls " + i + "\"}", "{\"new\": \"</tool_call></think>\"}", "bare words",
                "[1, 2]", "{}").get(random.nextInt(5));
            calls.add(call("c" + i + "_" + c, "tool" + c, arguments));
          }
          String content = random.nextBoolean() ? "" : "calling " + i + " " + text;
          out.add(assistant(content, random.nextBoolean() ? "why " + i : null, calls.toArray(ToolCall[]::new)));
        }
      }
    }
    return out;
  }

  private static Message assistant(String content, String reasoning, ToolCall... calls) {
    return new Message("assistant", content, reasoning, List.of(calls), null, List.of(), null);
  }

  private static ToolCall call(String id, String name, String arguments) {
    return new ToolCall(id, "function", name, arguments);
  }

  @Test
  void toolsAreOneJsonStringOfTheSchemas() throws Exception {
    String tools = ShareGptConverter.convert(List.of(Message.of("user", "u"), Message.of("assistant", "a")),
        List.of(BASH_SCHEMA, "{\"name\": \"finish\", \"parameters\": {}}"), true).get("tools").textValue();
    JsonNode parsed = Json.STRICT.readTree(tools);
    assertEquals(2, parsed.size());
    assertEquals("finish", parsed.get(1).get("name").textValue());
  }
}
