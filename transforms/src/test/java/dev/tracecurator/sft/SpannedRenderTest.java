package dev.tracecurator.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.model.Message;
import dev.tracecurator.model.ToolCall;
import dev.tracecurator.tokens.SourceSpan;
import dev.tracecurator.tokens.SpannedText;
import dev.tracecurator.tokens.TextTokenizer;
import dev.tracecurator.tokens.TokenTally;
import dev.tracecurator.tokens.Tokenizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every template's rendered text with the spans of its messages' texts: each span holds its
 * source, and {@code sft_tokens} and {@code train_tokens} assembled from the messages' middles
 * equal the counts of the whole text and of each turn, on random conversations.
 */
class SpannedRenderTest {
  private static final String[] LINES = {
      "", " ", "\n", "  indented", "def f(x):", "    return x  ", "$ ls -la /testbed", "/usr/bin/python", "<think>",
      "</think>", "<tool_response>", "</tool_response>", "It's done.", "1234567", "日本語のテキスト", "emoji \uD83D\uDE00",
      "lone \uD800 surrogate", "\r", "tab\there", "{\"a\": [1, 2]}", "<|im_end|>", "  \n  ", "ß é Ω",
  };
  private static final String[] ROLES = {"system", "user", "assistant", "tool", "assistant", "user", null};

  @Test
  void countsAssembledFromMessageTextsEqualWholeCounts() {
    Random random = new Random(7);
    int rendered = 0;
    int shared = 0;
    for (String encoding : List.of("cl100k_base", "o200k_base")) {
      TextTokenizer tokenizer = Tokenizers.get(encoding);
      for (int row = 0; row < 250; row++) {
        List<Message> messages = conversation(random);
        List<String> tools = random.nextBoolean() ? List.of() : List.of("{\"type\": \"function\", \"function\": {\"name\": \"bash\"}}");
        for (ChatTemplate template : ChatTemplate.values()) {
          if (template == ChatTemplate.MODEL) {
            continue; // a model's own template is rendered and counted whole (ModelTemplate)
          }
          for (boolean keepReasoning : new boolean[] {true, false}) {
            SpannedText text;
            try {
              text = template.renderSpanned(messages, tools, keepReasoning);
            } catch (UnrenderableConversationException e) {
              continue;
            }
            rendered++;
            assertEquals(template.render(messages, tools, keepReasoning), text.text());
            for (SourceSpan span : text.spans()) {
              assertTrue(text.text().regionMatches(span.at(), span.source(), span.from(), span.to() - span.from()));
            }
            TokenTally tally = new TokenTally(tokenizer);
            assertEquals(tokenizer.count(text.text()), tally.count(text), text::text);
            assertEquals(TrainTokens.count(text.text(), template, tokenizer), TrainTokens.count(text, template, tally), text::text);
            shared += text.spans().isEmpty() ? 0 : 1;
          }
        }
      }
    }
    assertTrue(rendered > 2_000 && shared > 1_500, rendered + " rendered, " + shared + " with spans");
  }

  private static List<Message> conversation(Random random) {
    List<Message> messages = new ArrayList<>();
    for (int i = random.nextInt(7); i >= 0; i--) {
      String role = ROLES[random.nextInt(ROLES.length)];
      List<ToolCall> calls = new ArrayList<>();
      if ("assistant".equals(role) && random.nextInt(3) == 0) {
        for (int c = random.nextInt(2); c >= 0; c--) {
          calls.add(new ToolCall("call_" + c, "function", "bash", random.nextBoolean() ? "{\"command\": \"ls\\n/tmp\"}" : text(random)));
        }
      }
      String reasoning = random.nextBoolean() ? null : text(random);
      messages.add(new Message(role, random.nextInt(8) == 0 ? null : text(random), reasoning, calls, null, List.of(), null));
    }
    return messages;
  }

  private static String text(Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(8); i >= 0; i--) {
      out.append(LINES[random.nextInt(LINES.length)]).append(random.nextInt(4) == 0 ? "" : "\n");
    }
    return out.toString();
  }
}
