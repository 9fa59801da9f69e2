package dev.tracecurator.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of {@code src/test-fixtures/secrets/corpus.jsonl}: the kinds found, in order, are
 * the expected ones; the matched spans are exactly the listed secret values; redaction removes
 * every value and leaves a placeholder per kind; a negative comes back unchanged.
 */
class SecretCorpusTest {
  private static final Path CORPUS = Path.of("src/test-fixtures/secrets/corpus.jsonl");
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> corpus() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(CORPUS);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      JsonNode row = JSON.readTree(lines.get(i));
      rows.add(Arguments.of("line " + (i + 1) + ": " + row.path("note").asText(), row));
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void findsExactlyTheExpectedSecrets(String name, JsonNode row) {
    String text = row.get("text").asText();
    List<String> expectedKinds = strings(row.get("kinds"));
    List<String> expectedSecrets = strings(row.path("secrets"));

    List<SecretMatch> matches = SecretScanner.find(text);

    assertEquals(expectedKinds, matches.stream().map(m -> m.kind().label()).toList(), name);
    if (!expectedSecrets.isEmpty()) {
      assertEquals(expectedSecrets,
          matches.stream().map(m -> text.substring(m.start(), m.end())).toList(), name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void redactionRemovesEveryValue(String name, JsonNode row) {
    String text = row.get("text").asText();
    List<String> expectedKinds = strings(row.get("kinds"));

    Redaction redaction = SecretScanner.redact(text);

    if (expectedKinds.isEmpty()) {
      assertSame(text, redaction.text(), name);
      assertFalse(redaction.found(), name);
      assertTrue(redaction.counts().isEmpty(), name);
      return;
    }
    assertTrue(redaction.found(), name);
    for (String secret : strings(row.path("secrets"))) {
      assertTrue(text.contains(secret), name + ": corpus value is in the text");
      assertFalse(redaction.text().contains(secret), name + ": value left in " + redaction.text());
    }
    for (SecretMatch m : SecretScanner.find(text)) {
      assertFalse(redaction.text().contains(text.substring(m.start(), m.end())), name);
    }
    for (String kind : expectedKinds) {
      assertTrue(redaction.text().contains("[REDACTED:" + kind + "]"), name + ": placeholder " + kind);
    }
    int total = redaction.counts().values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(expectedKinds.size(), total, name);
    assertFalse(SecretScanner.redact(redaction.text()).found(), name + ": placeholders are not secrets");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
