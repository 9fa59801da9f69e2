package dev.tracecurator.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static dev.tracecurator.sft.TemplateFixtures.conversations;
import static dev.tracecurator.sft.TemplateFixtures.expected;

import dev.tracecurator.sft.TemplateFixtures.Conversation;
import dev.tracecurator.sft.TemplateFixtures.Expected;
import java.io.IOException;
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
}
