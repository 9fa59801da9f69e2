package dev.tracecurator.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Counts assembled from message texts' middles equal whole-text counts, for tiktoken's cl100k and
 * o200k: the cut rule on random and adversarial texts and on the tiktoken reference corpus, and
 * the tally on joined texts, sub-ranges and texts that reuse the same message texts.
 */
class TokenTallyTest {
  private static final List<String> ENCODINGS = List.of("cl100k_base", "o200k_base");

  /** Fragments chosen to sit on each side of a cut: every class the pre-tokenizers tell apart. */
  private static final String[] FRAGMENTS = {
      "\n", "\n", "\n", "\r\n", "\r", " ", "  ", "\t", " \n", "\n ", "\n\n", "   ", "\t\t", "\n   320\t", " \t", "\u00A0", "\u2028", "\u3000",
      "word", "Word", "WORD", "x", "ß", "é", "日本語", "Ωμέγα", "e\u0301", "\u0301", "12", "1234567", "٣", "½",
      "'s", "'S", "'ll", "'re", "'ve", "'d", "'t", "'", "don't",
      ".", "...", "/", "//", "/usr/bin", "<", "<|im_end|>", "<|im_start|>", "$", "#", "}", "{\"a\": 1}", "-", "_", "|",
      "\uD83D\uDE00", "\uD83D", "\uDE00", "\uD800\uD800", "\uFFFD", "\u0000", "\u007F", "\u200B",
  };

  private static List<TextTokenizer> tokenizers() {
    return ENCODINGS.stream().map(Tokenizers::get).toList();
  }

  private static String randomText(Random random, int maxFragments) {
    StringBuilder out = new StringBuilder();
    int n = random.nextInt(maxFragments + 1);
    for (int i = 0; i < n; i++) {
      if (random.nextInt(8) == 0) {
        out.append((char) random.nextInt(0x80));
      } else if (random.nextInt(16) == 0) {
        out.append((char) random.nextInt(0x10000));
      } else {
        out.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      }
    }
    return out.toString();
  }

  @Test
  void aCertainCutSplitsTheCountOnRandomAndAdversarialTexts() {
    for (TextTokenizer tokenizer : tokenizers()) {
      Random random = new Random(16);
      int cuts = 0;
      for (int i = 0; i < 100_000; i++) {
        String text = randomText(random, 12);
        for (int at = 1; at < text.length(); at++) {
          if (tokenizer.isCertainCut(text, at)) {
            cuts++;
            assertSplits(tokenizer, text, at);
          }
        }
      }
      assertTrue(cuts > 15_000, tokenizer.name() + ": only " + cuts + " cuts tried");
    }
  }

  @Test
  void aCertainCutSplitsTheCountOfEveryReferenceText() throws IOException {
    for (TextTokenizer tokenizer : tokenizers()) {
      int cuts = 0;
      for (String text : referenceTexts()) {
        // Every cut of a text at once, and each of its first 40 alone (a long text has thousands).
        int segments = 0;
        int start = 0;
        int alone = 0;
        for (int nl = text.indexOf('\n'); nl >= 0 && nl + 1 < text.length(); nl = text.indexOf('\n', nl + 1)) {
          if (tokenizer.isCertainCut(text, nl + 1)) {
            cuts++;
            if (alone++ < 40) {
              assertSplits(tokenizer, text, nl + 1);
            }
            segments += tokenizer.count(text.substring(start, nl + 1));
            start = nl + 1;
          }
        }
        assertEquals(tokenizer.count(text), segments + tokenizer.count(text.substring(start)));
      }
      assertTrue(cuts > 100, tokenizer.name() + ": only " + cuts + " cuts tried");
    }
  }

  /** The test can fail: the places the rule leaves out are not additive. */
  @Test
  void placesTheRuleLeavesOutDoNotSplitTheCount() {
    TextTokenizer cl100k = Tokenizers.get("cl100k_base");
    TextTokenizer o200k = Tokenizers.get("o200k_base");
    assertNotAdditive(cl100k, "a\n", "\nb");
    assertNotAdditive(cl100k, "a ", "b");
    assertNotAdditive(cl100k, "a", "b");
    assertNotAdditive(cl100k, "x.", "\ny");
    assertTrue(List.of("x.\n/usr", ")\n/", ";\n//x", "}\n/", ".\n/").stream()
        .anyMatch(t -> o200k.count(t) != o200k.count(t.substring(0, t.indexOf('\n') + 1)) + o200k.count(t.substring(t.indexOf('\n') + 1))));
    assertFalse(o200k.isCertainCut("x.\n/usr", 3));
    assertTrue(cl100k.isCertainCut("x.\n/usr", 3));
    assertFalse(cl100k.isCertainCut("a\n\u00E9", 2));
    assertNotAdditive(cl100k, "a\n", "  \nb");
    assertFalse(cl100k.isCertainCut("a\n  \nb", 2));
    assertFalse(cl100k.isCertainCut("a\n  ", 2));
    assertTrue(cl100k.isCertainCut("a\n \t 320", 2));
  }

  @Test
  void aTokenizerJsonHasNoCutsSoItsTextsAreCountedWhole() {
    TextTokenizer opaque = new TextTokenizer("opaque") {
      @Override
      int countWellFormed(String text) {
        return text.length();
      }

      @Override
      public boolean isSingleToken(String token) {
        return false;
      }
    };
    assertFalse(opaque.isCertainCut("a\nb", 2));
    SpannedTextBuilder b = new SpannedTextBuilder();
    String message = "one\ntwo\nthree\nfour";
    b.append("x").appendSource(message).append("y");
    assertEquals(message.length() + 2, new TokenTally(opaque).count(b.build()));
    assertEquals(2 * message.length() + 1, new TokenTally(opaque).countJoined(List.of(message, message), '\n'));
  }

  @Test
  void aJoinedCountReadsNullAsTheJoinedTextWritesIt() {
    for (TextTokenizer tokenizer : tokenizers()) {
      List<String> texts = new ArrayList<>(List.of("a\nb\nc", "", "x\n  y\nz"));
      texts.add(1, null);
      String joined = String.join("\n", texts);
      assertEquals("a\nb\nc\nnull\n\nx\n  y\nz", joined);
      assertEquals(tokenizer.count(joined), new TokenTally(tokenizer).countJoined(texts, '\n'));
      assertEquals(0, new TokenTally(tokenizer).countJoined(List.of(), '\n'));
    }
  }

  @Test
  void joinedAndRebuiltTextsCountAsWholeTexts() {
    for (TextTokenizer tokenizer : tokenizers()) {
      Random random = new Random(3);
      int shared = 0;
      for (int row = 0; row < 1_500; row++) {
        List<String> messages = new ArrayList<>();
        for (int m = random.nextInt(6); m >= 0; m--) {
          messages.add(random.nextInt(6) == 0 ? "" : randomText(random, 30));
        }
        TokenTally tally = new TokenTally(tokenizer);
        SpannedText joined = join(messages, "\n", "", "");
        assertEquals(tokenizer.count(joined.text()), tally.count(joined), () -> "joined " + show(joined.text()));
        String plain = String.join("\n", messages);
        TokenTally unbuilt = new TokenTally(tokenizer);
        assertEquals(tokenizer.count(plain), unbuilt.countJoined(messages, '\n'), () -> "joined unbuilt " + show(plain));
        // Rendered as a template does, then each turn of it: the middles counted above are reused.
        SpannedText rendered = join(messages, randomText(random, 3), randomText(random, 3), randomText(random, 3));
        assertEquals(tokenizer.count(rendered.text()), tally.count(rendered), () -> "rendered " + show(rendered.text()));
        assertEquals(tokenizer.count(rendered.text()), unbuilt.count(rendered), () -> "rendered after unbuilt " + show(rendered.text()));
        for (int i = 0; i < 5; i++) {
          int from = random.nextInt(rendered.text().length() + 1);
          int to = from + random.nextInt(rendered.text().length() - from + 1);
          assertEquals(tokenizer.count(rendered.text().substring(from, to)), tally.count(rendered, from, to),
              () -> "range " + show(rendered.text().substring(from, to)));
        }
        shared += tally.count(rendered) > 0 ? 1 : 0;
      }
      assertTrue(shared > 1_000);
    }
  }

  private static SpannedText join(List<String> messages, String before, String between, String after) {
    SpannedTextBuilder out = new SpannedTextBuilder();
    out.append(before);
    for (int i = 0; i < messages.size(); i++) {
      if (i > 0) {
        out.append('\n').append(between);
      }
      out.appendSource(messages.get(i));
    }
    return out.append(after).build();
  }

  private static void assertSplits(TextTokenizer tokenizer, String text, int at) {
    assertEquals(tokenizer.count(text), tokenizer.count(text.substring(0, at)) + tokenizer.count(text.substring(at)),
        () -> tokenizer.name() + " at " + at + " of " + show(text));
  }

  private static void assertNotAdditive(TextTokenizer tokenizer, String a, String b) {
    assertTrue(tokenizer.count(a + b) != tokenizer.count(a) + tokenizer.count(b), () -> show(a) + " | " + show(b));
  }

  private static List<String> referenceTexts() throws IOException {
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test-fixtures/tokens/texts.jsonl"))) {
      JsonNode node = Json.STRICT.readTree(line);
      texts.add(node.get("text").asText());
    }
    return texts;
  }

  private static String show(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04X", c)));
    return out.append('"').toString();
  }
}
