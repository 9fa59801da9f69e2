package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on real published rows of each format (src/test-fixtures/real, licences in its
 * SOURCES.md): every row is read as its format says, a resolved run with a patch is kept unless a
 * documented filter says why not, tool calls are found wherever the agents ran commands (totals
 * from expected.py, computed without our code), and a file of no known shape stops the run naming
 * its first row's fields. Prints the table the README gives.
 */
class RealRowsEndToEndTest {
  private static final String REAL = "src/test-fixtures/real/";
  /** Filters a resolved run with a patch may still meet, each documented in README. */
  private static final Set<String> DOCUMENTED = Set.of("kept", "too_many_tokens", "git_history_access", "duplicate",
      "over_instance_limit", "contains_secret", "low_quality");

  @TempDir
  Path tmp;

  record Case(String name, String input, String expectedFormat, int rows) {}

  private static final List<Case> CASES = List.of(
      new Case("mini-swe-agent", REAL + "mini-swe-agent/*.traj.json", "mini-swe-agent", 5),
      new Case("nebius-swe-agent-trajectories", REAL + "nebius-swe-agent/sample_raw.json", "nebius-swe-agent-trajectories", 5),
      new Case("openhands-output", REAL + "openhands-output/*.jsonl", "openhands-output", 7),
      new Case("openhands-trajectory", REAL + "openhands-trajectory/*.json", "openhands-trajectory", 3),
      new Case("swe-agent-traj", REAL + "swe-agent-traj/*.traj", "swe-agent-traj", 4),
      new Case("sharegpt-llamafactory", REAL + "sharegpt-llamafactory/*.json", "sharegpt-llamafactory", 300),
      // A set successful by construction whose rows carry no label: the input says so.
      new Case("mini-swe-agent#resolved=1", REAL + "mini-swe-agent/*.traj.json#resolved=1", "mini-swe-agent", 5));

  @Test
  void realRowsOfEveryFormatAreCuratedAsTheirRowsState() throws IOException {
    Map<String, Integer> expectedCalls = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of(REAL + "expected.jsonl"))) {
      JsonNode e = Json.STRICT.readTree(line);
      expectedCalls.merge(e.get("format").asText(), e.get("tool_calls").asInt(), Integer::sum);
    }
    StringBuilder table = new StringBuilder("| input | rows | kept | filtered | tool calls found / in the rows |\n|---|---:|---:|---|---:|\n");
    for (Case c : CASES) {
      Path out = tmp.resolve(c.name().replaceAll("[^a-z0-9]", "_"));
      CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + c.input(), "--output=" + out, "--minGroupSize=1",
          "--progressIntervalSeconds=0", "--report=false");
      assertEquals(0, run.exitCode(), c.name() + ": " + run.stderr());
      CsvTable analysis = CsvTable.readShards(out.resolve("analysis"));
      assertEquals(c.rows(), analysis.rows.size(), c.name() + ": every row analysed");
      int calls = 0;
      int kept = 0;
      Map<String, Integer> filtered = new TreeMap<>();
      for (Map<String, String> row : analysis.rows) {
        calls += Integer.parseInt(row.get("n_tool_calls"));
        String status = row.get("sft_status");
        if (status.equals("kept")) {
          kept++;
        } else {
          filtered.merge(status, 1, Integer::sum);
        }
        if ("1".equals(row.get("resolved")) && Integer.parseInt(row.get("patch_files")) > 0) {
          assertTrue(DOCUMENTED.contains(status), c.name() + ": a resolved run with a patch is kept or filtered by a "
              + "documented rule, not " + status + " (" + row.get("source_file") + ":" + row.get("source_line") + ")");
        }
      }
      assertEquals((int) expectedCalls.get(c.expectedFormat()), calls, c.name() + ": tool calls found");
      table.append("| ").append(c.name()).append(" | ").append(c.rows()).append(" | ").append(kept).append(" | ")
          .append(filtered).append(" | ").append(calls).append(" / ").append(expectedCalls.get(c.expectedFormat())).append(" |\n");
      if (c.input().contains("#resolved=1")) {
        JsonNode manifest = Json.STRICT.readTree(out.resolve("manifest.json").toFile());
        JsonNode given = manifest.path("labels_from_inputs");
        assertTrue(given.size() == 1 && given.elements().next().path(0).asText().equals("resolved=1"),
            "the manifest says the label came from the input: " + given);
        assertTrue(Files.readString(out.resolve("sft/README.md")).contains("Labels given by the input, not read from the rows"));
        assertTrue(kept > 0, "runs labelled resolved by their input, with patches, are kept");
      }
    }
    System.out.println(table);
  }

  @Test
  void aFileOfRowsOfNoKnownShapeStopsTheRunNamingWhatItHas() {
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + REAL + "swe-bench-preds/all_preds.lines1-20.jsonl",
        "--output=" + tmp.resolve("preds"), "--progressIntervalSeconds=0", "--report=false");
    assertEquals(ExitCodes.TOO_MANY_REJECTED, run.exitCode(), run.stderr());
    assertTrue(run.stderr().contains("20 of 20 records") && run.stderr().matches("(?s).*all_preds.lines1-20.jsonl:\\d+: row of no "
        + "known shape: it has fields \\[model_name_or_path, instance_id, model_patch\\].*"), run.stderr());
    assertEquals(1, run.stderr().lines().count(), "one line: " + run.stderr());
  }
}
