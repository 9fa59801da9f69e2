package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synthetic credentials of src/test-fixtures/secrets in observations, a patch and a malformed
 * line: redacted, none of them appears in any output file or on the console; dropped, every such
 * row is filtered as contains_secret.
 */
class SecretsEndToEndTest {
  @TempDir
  Path tmp;

  private final List<String> secrets = new ArrayList<>();

  private Path input() throws Exception {
    CraftedRows rows = new CraftedRows();
    int i = 0;
    for (String line : Files.readAllLines(Path.of("src/test-fixtures/secrets/corpus.jsonl"))) {
      JsonNode row = Json.STRICT.readTree(line);
      if (row.get("kinds").isEmpty()) {
        continue;
      }
      row.get("secrets").forEach(s -> secrets.add(s.asText()));
      rows.row("s__s-" + i, "s/s" + i, "secret-" + i, 1, List.of("env"), row.get("text").asText());
      i++;
    }
    String inPatch = secrets.get(0);
    rows.withPatch(CraftedRows.PATCH + "+AWS_KEY = \"" + inPatch + "\"\n").row("p__p-1", "p/p", "secret-in-patch", 1, List.of("ls"), "ok");
    rows.withPatch(CraftedRows.PATCH).row("c__c-1", "c/c", "clean", 1, List.of("ls"), "ok");
    rows.raw("{\"instance_id\": \"broken\", \"messages\": [ \"token=" + secrets.get(1) + "\"");
    return rows.write(tmp.resolve("in/rows.jsonl"));
  }

  @Test
  void redactedSecretsAppearNowhere() throws Exception {
    Path input = input();
    Path out = tmp.resolve("redacted");
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + input, "--output=" + out, "--progressIntervalSeconds=1",
        "--minGroupSize=1", "--maxRejectedFraction=1");
    assertEquals(0, run.exitCode(), run.stderr());
    JsonNode counts = Json.STRICT.readTree(out.resolve("manifest.json").toFile()).get("counts");
    assertEquals(1, counts.get("rejected").asInt(), "the malformed line");
    List<JsonNode> kept = CurateEndToEndTest.jsonLines(out.resolve("sft"));
    assertEquals(counts.get("analysed").asInt(), kept.size(), "redaction keeps every row");
    assertTrue(kept.stream().anyMatch(r -> r.toString().contains("[REDACTED:")));
    JsonNode found = Json.STRICT.readTree(out.resolve("stats/summary.json").toFile()).path("sft").path("secrets_found");
    assertTrue(found.path("github_token").asInt() > 0 && found.path("private_key").asInt() > 0, found.toString());

    List<String> texts = new ArrayList<>(List.of(run.stdout(), run.stderr()));
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        texts.add(f + "\n" + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
      }
    }
    for (String secret : secrets) {
      for (String text : texts) {
        assertFalse(text.contains(secret) || text.contains(Json.write(Json.STRICT.getNodeFactory().textNode(secret)).replace("\"", "")),
            "a secret in " + text.lines().findFirst().orElse("the console"));
      }
    }
  }

  @Test
  void droppedSecretsFilterTheirRows() throws Exception {
    Path input = input();
    Path out = tmp.resolve("dropped");
    assertEquals(0, CurateEndToEndTest.main("--input=" + input, "--output=" + out, "--progressIntervalSeconds=0",
        "--secrets=drop", "--maxRejectedFraction=1").exitCode());
    List<JsonNode> kept = CurateEndToEndTest.jsonLines(out.resolve("sft"));
    assertEquals(List.of("clean"), kept.stream().map(r -> r.get("trajectory_id").asText()).toList());
    JsonNode filtered = Json.STRICT.readTree(out.resolve("stats/summary.json").toFile()).path("sft").path("filtered");
    assertEquals(secrets.isEmpty() ? 0 : Json.STRICT.readTree(out.resolve("manifest.json").toFile()).get("counts").get("analysed").asInt() - 1,
        filtered.get("contains_secret").asInt());
  }
}
