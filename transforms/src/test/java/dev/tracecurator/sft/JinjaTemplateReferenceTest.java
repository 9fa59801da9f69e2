package dev.tracecurator.sft;

import static dev.tracecurator.sft.TemplateFixtures.conversations;
import static dev.tracecurator.sft.TemplateFixtures.expected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracecurator.model.Message;
import dev.tracecurator.sft.TemplateFixtures.Conversation;
import dev.tracecurator.sft.TemplateFixtures.Expected;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The models' own templates run by Jinjava ({@link ModelTemplate}) against what
 * {@code @huggingface/jinja} prints for them (render.mjs; Python's Jinja2 prints the same,
 * render.py), byte for byte, on every reference conversation.
 */
class JinjaTemplateReferenceTest {
  /** A saved template, its expected file, the tokens the model's config hands it, and how reasoning is handed over. */
  private record Case(String template, String expected, Map<String, String> variables, boolean reasoningInContent) {}

  private static final List<Case> CASES = List.of(
      new Case("qwen3.jinja", "expected-qwen3.jsonl", Map.of(), false),
      new Case("llama3_1.jinja", "expected-llama3.jsonl", Map.of("bos_token", "<|begin_of_text|>"), true),
      new Case("llama3_1.jinja", "expected-llama3_1-model.jsonl", Map.of("bos_token", "<|begin_of_text|>"), false),
      new Case("qwen2_5.jinja", "expected-qwen2_5.jsonl", Map.of("eos_token", "<|im_end|>"), false),
      new Case("phi3_5.jinja", "expected-phi3_5.jsonl", Map.of("bos_token", "<s>", "eos_token", "<|endoftext|>"), false));

  @TestFactory
  Stream<DynamicContainer> everyTemplateMatchesHuggingFaceJinja() throws IOException {
    List<Conversation> conversations = conversations();
    return CASES.stream().map(c -> {
      try {
        ModelTemplate template = new ModelTemplate(c.template(), TemplateFixtures.read(c.template()), c.variables());
        Map<String, Expected> expected = expected(c.expected());
        assertEquals(conversations.size(), expected.size(), c.expected());
        return DynamicContainer.dynamicContainer(c.expected(), conversations.stream()
            .map(conversation -> DynamicTest.dynamicTest(conversation.id(),
                () -> check(template, conversation, expected.get(conversation.id()), c.reasoningInContent()))));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private static void check(ModelTemplate template, Conversation c, Expected want, boolean reasoningInContent) {
    List<Message> messages = reasoningInContent && c.keepReasoning() ? reasoningInContent(c.messages()) : c.messages();
    boolean keep = c.keepReasoning() && !reasoningInContent;
    if (want.error() != null) {
      UnrenderableConversationException e = assertThrows(UnrenderableConversationException.class,
          () -> template.render(messages, c.tools(), keep));
      assertEquals(want.error(), e.getMessage());
    } else {
      assertEquals(want.text(), template.render(messages, c.tools(), keep));
    }
  }

  /** What render.mjs hands Llama 3.1 under --chatTemplate=llama3: reasoning in front of the assistant's content. */
  private static List<Message> reasoningInContent(List<Message> messages) {
    return messages.stream().map(m -> {
      String reasoning = PythonStrings.strip(m.reasoningContent());
      if (!"assistant".equals(m.role()) || reasoning.isEmpty()) {
        return m;
      }
      String content = "<think>\n" + reasoning + "\n</think>\n\n" + (m.content() == null ? "" : m.content());
      return new Message(m.role(), content, null, m.toolCalls(), m.toolCallId(), m.toolCallIds(), m.name());
    }).toList();
  }
}
