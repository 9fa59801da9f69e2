package dev.tracecurator.pipelines;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command, as a test: the main job with no --input reads the bundled sample, and
 * every row's figures equal those computed without our code (src/test-fixtures/sample/expected.jsonl:
 * tiktoken, the tutorial's helpers, git apply --numstat).
 */
class BundledSampleTest {
  @TempDir
  Path tmp;

  @Test
  void defaultRunOnTheSampleMatchesTiktokenTheTutorialAndGit() throws IOException {
    Path out = tmp.resolve("out");
    CurateEndToEndTest.Run run = CurateEndToEndTest.onDefaultRunner("--output=" + out, "--progressIntervalSeconds=0");
    assertEquals(0, run.exitCode(), run.stderr());

    Map<String, JsonNode> expected = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("src/test-fixtures/sample/expected.jsonl"))) {
      JsonNode node = Json.STRICT.readTree(line);
      expected.put(node.get("file").asText() + ":" + node.get("line").asText(), node);
    }
    CsvTable table = CsvTable.readShards(out.resolve("analysis"));
    assertEquals(expected.size(), table.rows.size());
    List<String> mismatches = new ArrayList<>();
    for (Map<String, String> row : table.rows) {
      String key = row.get("source_file").replaceAll(".*/(src/sample/)", "$1") + ":" + row.get("source_line");
      JsonNode want = expected.get(key);
      if (want == null) {
        mismatches.add("no expected figures for " + key);
        continue;
      }
      compare(mismatches, key, "traj_tokens", want.get("tiktoken_traj_tokens"), row);
      for (String column : List.of("n_messages", "n_system", "n_user", "n_assistant", "n_tool", "language", "category", "meta_files", "meta_lines")) {
        compare(mismatches, key, column, want.get(column), row);
      }
      if (want.has("numstat_add")) {
        compare(mismatches, key, "patch_add", want.get("numstat_add"), row);
        compare(mismatches, key, "patch_del", want.get("numstat_del"), row);
      } else {
        assertEquals("0", row.get("patch_churn"), key);
      }
    }
    assertEquals(List.of(), mismatches);

    JsonNode manifest = Json.STRICT.readTree(out.resolve("manifest.json").toFile());
    assertEquals(313, manifest.get("counts").get("read").asLong(), "310 rows and 3 malformed lines");
    assertEquals(3, manifest.get("counts").get("rejected").asLong());
    assertEquals(3, manifest.get("inputs").size(), "the three default sample inputs");
    assertTrue(run.stdout().contains("STEP 7"));
  }

  private static void compare(List<String> mismatches, String key, String column, JsonNode want, Map<String, String> row) {
    String expected = want == null || want.isNull() ? "" : want.asText();
    if (!expected.equals(row.get(column))) {
      mismatches.add(key + " " + column + ": expected " + expected + ", got " + row.get(column));
    }
  }
}
