package dev.tracecurator.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.sft.ChatTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Qwen3's tokenizer.json run by the Rust tokenizers library (DJL) against an independent
 * implementation, tokenizers.js: src/test-fixtures/tokenizers/expected-qwen3.jsonl holds its counts
 * for the tiktoken reference texts (edge cases, CRLF, non-Latin scripts, lone surrogates, code,
 * real trajectories) and for the conversations rendered by the Qwen3 and Llama 3.1 templates.
 */
class HfTokenizerReferenceTest {
  static final Path FIXTURES = Path.of("src/test-fixtures");
  static final String QWEN3 = FIXTURES.resolve("tokenizers/qwen3/tokenizer.json").toAbsolutePath().toString();

  @Test
  void countsEqualTokenizersJsOnEveryReferenceText() throws IOException {
    TextTokenizer qwen3 = Tokenizers.get(QWEN3);
    Map<String, Map<String, String>> texts = new HashMap<>();
    for (String source : List.of("tokens/texts.jsonl", "templates/expected-qwen3.jsonl", "templates/expected-llama3.jsonl")) {
      Map<String, String> bySource = new HashMap<>();
      for (String line : Files.readAllLines(FIXTURES.resolve(source), StandardCharsets.UTF_8)) {
        JsonNode row = Json.STRICT.readTree(line);
        if (row.has("text")) {
          bySource.put(row.get("id").asText(), row.get("text").asText());
        }
      }
      texts.put(Path.of(source).getFileName().toString(), bySource);
    }
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (String line : Files.readAllLines(FIXTURES.resolve("tokenizers/expected-qwen3.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode expected = Json.STRICT.readTree(line);
      String text = texts.get(expected.get("source").asText()).get(expected.get("id").asText());
      int got = qwen3.count(text);
      compared++;
      if (got != expected.get("tokens").asInt()) {
        mismatches.add(expected.get("source").asText() + "#" + expected.get("id").asText() + ": " + got + " != "
            + expected.get("tokens").asInt());
      }
    }
    assertTrue(compared >= 200, "compared " + compared);
    assertEquals(List.of(), mismatches);
  }

  @Test
  void specialTokensCountOneEachAndNothingIsAdded() {
    TextTokenizer qwen3 = Tokenizers.get(QWEN3);
    assertEquals(1, qwen3.count("<|im_start|>"));
    assertEquals(qwen3.count("hello") + 2, qwen3.count("<|im_start|>hello<|im_end|>"));
    assertTrue(qwen3.isSingleToken("<|im_end|>"));
    assertFalse(qwen3.isSingleToken("<|eot_id|>"));
    ChatTemplate.QWEN3.specialTokens().forEach(t -> assertTrue(qwen3.isSingleToken(t), t));
  }

  @Test
  void theTutorialsEncodingIsUnchanged() {
    assertEquals(TokenCounter.count("<|im_start|>user\nhi<|im_end|>"), Tokenizers.get("cl100k_base").count("<|im_start|>user\nhi<|im_end|>"));
    assertEquals("o200k_base", Tokenizers.get("O200K_BASE").name());
  }

  @Test
  void aMissingOrMalformedFileIsBadInputAndAnUnknownNameABadOption(@TempDir Path tmp) throws IOException {
    assertThrows(Tokenizers.TokenizerFileException.class, () -> Tokenizers.get(tmp.resolve("none/tokenizer.json").toString()));
    Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"model\": {\"type\": \"BPE\"");
    Tokenizers.TokenizerFileException e = assertThrows(Tokenizers.TokenizerFileException.class, () -> Tokenizers.get(broken.toString()));
    assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Tokenizers.get("p50k_base"));
  }
}
