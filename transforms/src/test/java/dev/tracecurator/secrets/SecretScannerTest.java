package dev.tracecurator.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The synthetic corpus in src/test-fixtures/secrets: each text's kinds found, and none left after redaction. */
class SecretScannerTest {
  static Stream<JsonNode> corpus() throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test-fixtures/secrets/corpus.jsonl"))) {
      rows.add(Json.STRICT.readTree(line));
    }
    return rows.stream();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void findsTheKindsOfEachTextAndRedactsTheirValues(JsonNode row) {
    String text = row.get("text").asText();
    List<String> expected = new ArrayList<>();
    row.get("kinds").forEach(k -> expected.add(k.asText()));
    List<SecretMatch> matches = SecretScanner.find(text);
    assertEquals(expected, matches.stream().map(m -> m.kind().label()).toList(), row.get("note").asText());

    Redaction redaction = SecretScanner.redact(text);
    if (expected.isEmpty()) {
      assertSame(text, redaction.text());
      assertFalse(redaction.found());
      return;
    }
    for (SecretMatch m : matches) {
      String value = text.substring(m.start(), m.end());
      assertFalse(redaction.text().contains(value), "left in: " + row.get("note").asText());
      assertTrue(redaction.text().contains(m.kind().placeholder()));
    }
    assertEquals(expected.size(), redaction.counts().values().stream().mapToInt(Integer::intValue).sum());
  }

  @Test
  void pathologicalInputsFinish() {
    String noEnd = "-----BEGIN RSA PRIVATE KEY-----\n" + "A".repeat(1_000_000);
    assertEquals(List.of(), SecretScanner.find(noEnd));
    String longValue = "password=" + "x1".repeat(500_000);
    assertEquals(List.of(), SecretScanner.find(longValue), "a 1 MB value is not an assignment of a secret");
    StringBuilder code = new StringBuilder();
    while (code.length() < 5_000_000) {
      code.append("def f(token_count, secret_sauce):\n    return token_count + len(secret_sauce)  # Bearer of news\n");
    }
    assertEquals(List.of(), SecretScanner.find(code.toString()));
  }
}
