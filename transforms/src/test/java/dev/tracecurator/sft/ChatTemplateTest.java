package dev.tracecurator.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.testing.Rows;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {
  private static final List<Message> REASONED = List.of(
      Message.of("user", "Fix it"),
      new Message("assistant", "Looking.", "\nI should list files.\n",
          List.of(new ToolCall("c1", "function", "execute_bash", "{\"command\": \"ls\"}")), null, List.of(), null));

  @Test
  void namesParseIgnoringCase() {
    assertEquals(ChatTemplate.CHATML, ChatTemplate.parse("chatml"));
    assertEquals(ChatTemplate.QWEN3, ChatTemplate.parse(" Qwen3 "));
    assertEquals(ChatTemplate.LLAMA3, ChatTemplate.parse("LLAMA3"));
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChatTemplate.parse("mistral"));
    assertEquals("unknown chat template 'mistral'; expected one of chatml, qwen3, llama3, model", e.getMessage());
  }

  @Test
  void chatMlWithReasoningIsTheExistingRenderer() {
    assertEquals(ChatMlRenderer.render(REASONED), ChatTemplate.CHATML.render(REASONED, List.of("{}"), true));
  }

  @Test
  void chatMlWithoutReasoningWritesNoThinkBlock() {
    assertEquals("<|im_start|>user\nFix it<|im_end|>\n<|im_start|>assistant\nLooking.\n"
        + "<tool_call>\n{\"name\": \"execute_bash\", \"arguments\": {\"command\": \"ls\"}}\n</tool_call><|im_end|>",
        ChatTemplate.CHATML.render(REASONED, List.of(), false));
  }

  @Test
  void noToolSchemasAndAnEmptyListRenderAlike() {
    for (ChatTemplate template : List.of(ChatTemplate.QWEN3, ChatTemplate.LLAMA3)) {
      assertEquals(template.render(REASONED, List.of(), true), template.render(REASONED, null, true));
      assertTrue(!template.render(REASONED, null, true).contains("Tools"), template.name());
    }
  }

  @Test
  void aToolSchemaThatIsNotJsonIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChatTemplate.QWEN3.render(REASONED, List.of("{not json"), true));
    assertEquals("tool schema is not JSON: {not json", e.getMessage());
  }

  @Test
  void llamaRefusesAnEmptyConversationAsItsTemplateDoes() {
    assertThrows(UnrenderableConversationException.class, () -> ChatTemplate.LLAMA3.render(List.of(), List.of(), true));
  }

  @Test
  void llamaRefusesACallWithoutAName() {
    List<Message> messages = List.of(Message.of("user", "go"),
        Message.of("assistant", "").withToolCalls(List.of(new ToolCall("c", "function", null, "{}"))));
    assertThrows(UnrenderableConversationException.class, () -> ChatTemplate.LLAMA3.render(messages, List.of(), true));
  }

  @Test
  void qwenPrintsAMissingCallNameAsPythonsJinjaDoes() {
    List<Message> messages = List.of(Message.of("user", "go"),
        Message.of("assistant", "").withToolCalls(List.of(new ToolCall("c", "function", null, null))));
    assertTrue(ChatTemplate.QWEN3.render(messages, List.of(), true)
        .contains("<tool_call>\n{\"name\": \"None\", \"arguments\": null}\n</tool_call>"));
  }

  @Test
  void indentedJsonIsPythonsIndentFour() {
    assertEquals("{\n    \"a\": [\n        1,\n        {}\n    ],\n    \"b\": [],\n    \"c\": \"é\\n\"\n}",
        IndentedJson.dumps(Rows.node("{'a':[1,{}],'b':[],'c':'é\\n'}"), 4));
  }
}
