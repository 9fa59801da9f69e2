package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** {@code --nearDedup} on crafted rows, end to end through the main class. */
class NearDuplicatesEndToEndTest {
  @TempDir
  Path tmp;

  /** Forty commands, each a few words of its own, so that one changed command leaves the runs about 0.95 alike. */
  private static List<String> commands(String module) {
    List<String> commands = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      commands.add("sed -n " + i + "," + (i + 7) + "p src/" + module + "/part_" + i + ".py");
    }
    return commands;
  }

  private static List<String> withChange(List<String> commands, int at, String command) {
    List<String> changed = new ArrayList<>(commands);
    changed.set(at, command);
    return changed;
  }

  private Path rows() throws IOException {
    List<String> base = commands("parser");
    return new CraftedRows()
        // one run and two retellings of it, each with one command changed: a cluster of three
        .row("n__n-1", "n/n", "nd-a", 1, base, "ok")
        .row("n__n-1", "n/n", "nd-b", 1, withChange(base, 10, "grep -rn tokenizer src"), "other output entirely")
        .row("n__n-2", "n/n", "nd-c", 1, withChange(base, 30, "python -m pytest tests/test_parser.py -x"), "ok")
        // another task on another module: not alike
        .row("o__o-1", "o/o", "other", 1, commands("lexer"), "ok")
        .write(tmp.resolve("in/rows.jsonl"));
  }

  private static Map<String, Map<String, String>> byTrajectory(Path out) throws IOException {
    Map<String, Map<String, String>> rows = new HashMap<>();
    CsvTable.readShards(out.resolve("analysis")).rows.forEach(r -> rows.put(r.get("trajectory_id"), r));
    return rows;
  }

  @Test
  void keepsTheBestOfEachClusterAndReportsIt() throws Exception {
    Path out = tmp.resolve("out");
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + rows(), "--output=" + out, "--minGroupSize=1",
        "--progressIntervalSeconds=0", "--nearDedup=0.8");
    assertEquals(0, run.exitCode(), run.stderr());

    Map<String, Map<String, String>> rows = byTrajectory(out);
    assertEquals("kept", rows.get("nd-a").get("sft_status"), rows.toString());
    assertEquals("near_duplicate", rows.get("nd-b").get("sft_status"));
    assertEquals("near_duplicate", rows.get("nd-c").get("sft_status"));
    assertEquals("kept", rows.get("other").get("sft_status"));
    String cluster = rows.get("nd-a").get("near_dup_cluster");
    assertTrue(cluster.startsWith("nd-"), cluster);
    assertEquals(cluster, rows.get("nd-b").get("near_dup_cluster"));
    assertEquals(cluster, rows.get("nd-c").get("near_dup_cluster"));
    assertEquals("3", rows.get("nd-a").get("near_dup_cluster_size"), "the size is on the row the cluster kept");
    assertEquals("", rows.get("nd-b").get("near_dup_cluster_size"));
    assertEquals("", rows.get("other").get("near_dup_cluster"));

    JsonNode sft = Json.STRICT.readTree(out.resolve("stats/summary.json").toFile()).path("sft");
    assertEquals(2, sft.path("filtered").path("near_duplicate").asInt());
    assertEquals(1, sft.path("near_duplicate_clusters").path("clusters").asInt());
    assertEquals(1, sft.path("near_duplicate_clusters").path("by_size").path("3").asInt());
    JsonNode manifest = Json.STRICT.readTree(out.resolve("manifest.json").toFile());
    assertEquals(0.8, manifest.path("options").path("nearDedup").asDouble());
    assertEquals(2, manifest.path("counts").path("sft_filtered").path("near_duplicate").asInt());
    assertEquals(4, manifest.path("counts").path("analysed").asInt());
    assertEquals(2, manifest.path("counts").path("sft_kept").asInt());
    assertTrue(Files.readString(out.resolve("sft/README.md")).contains("near_duplicate"));
    assertEquals(2, CurateEndToEndTest.jsonLines(out.resolve("sft")).size());
    assertTrue(Files.size(out.resolve("report/near_duplicate_clusters.png")) > 1000);
  }

  @Test
  void isOffByDefault() throws Exception {
    Path out = tmp.resolve("off");
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + rows(), "--output=" + out, "--progressIntervalSeconds=0");
    assertEquals(0, run.exitCode(), run.stderr());
    Map<String, Map<String, String>> rows = byTrajectory(out);
    rows.values().forEach(r -> assertEquals("kept", r.get("sft_status"), r.toString()));
    rows.values().forEach(r -> assertEquals("", r.get("near_dup_cluster")));
    assertNotEquals(null, Json.STRICT.readTree(out.resolve("stats/summary.json").toFile()).path("sft").path("filtered")
        .get("near_duplicate"));
  }

  @Test
  void rejectsAThresholdOutsideZeroToOne() throws Exception {
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + rows(), "--output=" + tmp.resolve("bad"),
        "--nearDedup=1.5");
    assertFalse(run.exitCode() == 0);
    assertTrue(run.stderr().contains("--nearDedup"), run.stderr());
  }
}
