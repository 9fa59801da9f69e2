package dev.tracecurator.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * src/test-fixtures/tokens: the cl100k counts npm's tiktoken (the Rust tokenizer compiled to WASM)
 * gives for every text in texts.jsonl, made with count-tokens.mjs (see the README there).
 */
final class TiktokenReference {
  private static final Path FIXTURES = Path.of("src/test-fixtures/tokens");

  private TiktokenReference() {}

  /** Fails naming every text whose count by {@code counter} differs from tiktoken's. */
  static void assertCountsEqual(ToIntFunction<String> counter) throws IOException {
    Map<String, String> texts = new HashMap<>();
    for (String line : Files.readAllLines(FIXTURES.resolve("texts.jsonl"))) {
      JsonNode node = Json.STRICT.readTree(line);
      texts.put(node.get("id").asText(), node.get("text").asText());
    }
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (String line : Files.readAllLines(FIXTURES.resolve("expected.jsonl"))) {
      JsonNode node = Json.STRICT.readTree(line);
      String id = node.get("id").asText();
      int expected = node.get("tokens").asInt();
      int actual = counter.applyAsInt(texts.get(id));
      checked++;
      if (expected != actual) {
        mismatches.add(id + ": tiktoken " + expected + ", ours " + actual);
      }
    }
    assertTrue(checked >= 150, "only " + checked + " reference texts");
    assertEquals(List.of(), mismatches);
  }
}
