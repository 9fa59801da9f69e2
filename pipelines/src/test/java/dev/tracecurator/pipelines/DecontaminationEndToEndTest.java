package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.io.LocalParquetOutput;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --decontaminate} end to end through the main class, on generated benchmark rows and runs
 * planted to overlap them by each rule (generated, not real), with near misses that must be kept.
 */
class DecontaminationEndToEndTest {
  private static final String COMMIT_1 = "1111111111111111111111111111111111111111";
  private static final String COMMIT_2 = "2222222222222222222222222222222222222222";
  private static final String GOLD = "diff --git a/src/bench.py b/src/bench.py\nindex 0a1b2c3..4d5e6f7 100644\n--- a/src/bench.py\n"
      + "+++ b/src/bench.py\n@@ -20,3 +20,4 @@ class Bench:\n     def run(self):\n-        return 1\n+        self.ready = True\n"
      + "+        return 2\n";
  private static final String GOLD_REWRITTEN = "diff --git a/src/bench.py b/src/bench.py\r\n--- a/src/bench.py\r\n+++ b/src/bench.py\r\n"
      + "@@ -7,3 +7,4 @@\r\n     def run(self):  \r\n-        return 1\r\n+        self.ready = True\r\n+        return 2\r\n\r\n\r\n";

  @TempDir
  Path tmp;

  private final Random random = new Random(18);

  private List<String> words(String stem, int count) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(stem + Integer.toString(random.nextInt(5_000), 36));
    }
    return out;
  }

  private String spanInOtherText(List<String> statement, int from, int length) {
    return "Please fix this issue. " + String.join(" ", words("other", 30)) + "\n" + String.join(" ", statement.subList(from, from + length))
        + "\n" + String.join(" ", words("other", 30));
  }

  private static ObjectNode instance(String id, String repo, String commit, List<String> statement, String patch) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("instance_id", id).put("repo", repo).put("base_commit", commit).put("problem_statement", String.join(" ", statement))
        .put("patch", patch).put("FAIL_TO_PASS", "[]");
    return row;
  }

  private record Planted(Path runs, List<ObjectNode> benchmark) {}

  private Planted plant() throws IOException {
    List<String> statement1 = words("w", 80);
    List<String> statement2 = words("w", 80);
    List<String> statement3 = words("w", 80);
    List<ObjectNode> benchmark = List.of(
        instance("bench__mark-1", "bench/mark", COMMIT_1, statement1, GOLD),
        instance("bench__mark-2", "bench/mark", COMMIT_2, statement2, "diff --git a/x b/x\n"),
        instance("bench__mark-3", "bench/other", null, statement3, null));
    List<String> commands = List.of("ls src", "cat src/app.py", "python -m pytest -x");
    Path runs = new CraftedRows()
        .row("bench__mark-3", "me/mine", "by-id", 1, commands, "ok")
        .row("by-id-unresolved", "me/mine", "ignored", 1, commands, "ok")
        .withBaseCommit(COMMIT_2).row("renamed-2", "https://github.com/bench/mark", "by-commit", 1, commands, "ok")
        .withBaseCommit(null).withPatch(GOLD_REWRITTEN).row("p-1", "me/mine", "by-patch", 1, commands, "ok")
        .withPatch(CraftedRows.PATCH).withTask(spanInOtherText(statement1, 40, 13)).row("n-1", "me/mine", "by-ngram", 1, commands, "ok")
        .withTask(null).row("clean-1", "me/mine", "clean", 1, commands, "ok")
        .withTask(spanInOtherText(statement2, 30, 12)).withPatch(GOLD_REWRITTEN.replace("self.ready = True", "self.ready = False"))
        .row("miss-1", "me/mine", "near-miss", 1, commands, "ok")
        .withPatch(CraftedRows.PATCH).withTask(null).row("bench__mark-1", "me/mine", "unresolved-and-contaminated", 0, commands, "ok")
        .write(tmp.resolve("in/rows.jsonl"));
    return new Planted(runs, benchmark);
  }

  private static Map<String, Map<String, String>> byTrajectory(Path out) throws IOException {
    Map<String, Map<String, String>> rows = new HashMap<>();
    CsvTable.readShards(out.resolve("analysis")).rows.forEach(r -> rows.put(r.get("trajectory_id"), r));
    return rows;
  }

  private static void writeParquet(Path file, List<ObjectNode> rows) throws IOException {
    Schema schema = SchemaBuilder.record("Instance").fields().requiredString("instance_id").optionalString("repo")
        .optionalString("base_commit").optionalString("problem_statement").optionalString("patch").endRecord();
    Files.createDirectories(file.getParent());
    try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalParquetOutput(file))
        .withSchema(schema).build()) {
      for (ObjectNode row : rows) {
        GenericRecord record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
          JsonNode value = row.get(field.name());
          record.put(field.name(), value == null || value.isNull() ? null : value.asText());
        }
        writer.write(record);
      }
    }
  }

  private static void assertDecontaminated(Path out, int benchmarkInstances) throws IOException {
    Map<String, Map<String, String>> rows = byTrajectory(out);
    assertEquals("contaminated", rows.get("by-id").get("sft_status"), rows.toString());
    assertEquals("bench__mark-3", rows.get("by-id").get("contaminated_by"));
    assertEquals("instance_id", rows.get("by-id").get("contamination_rule"));
    assertEquals("bench__mark-2", rows.get("by-commit").get("contaminated_by"));
    assertEquals("repo_commit", rows.get("by-commit").get("contamination_rule"));
    assertEquals("bench__mark-1", rows.get("by-patch").get("contaminated_by"));
    assertEquals("patch", rows.get("by-patch").get("contamination_rule"));
    assertEquals("bench__mark-1", rows.get("by-ngram").get("contaminated_by"));
    assertEquals("ngram", rows.get("by-ngram").get("contamination_rule"));
    assertEquals("contaminated", rows.get("unresolved-and-contaminated").get("sft_status"), "contaminated comes before not_resolved");
    for (String kept : List.of("clean", "near-miss", "ignored")) {
      assertEquals("kept", rows.get(kept).get("sft_status"), kept);
      assertEquals("", rows.get(kept).get("contaminated_by"), kept);
      assertEquals("", rows.get(kept).get("contamination_rule"), kept);
    }

    JsonNode sft = Json.STRICT.readTree(out.resolve("stats/summary.json").toFile()).path("sft");
    assertEquals(5, sft.path("filtered").path("contaminated").asInt());
    JsonNode byRule = sft.path("contaminated_by_rule");
    assertEquals(2, byRule.path("instance_id").asInt());
    assertEquals(1, byRule.path("repo_commit").asInt());
    assertEquals(1, byRule.path("patch").asInt());
    assertEquals(1, byRule.path("ngram").asInt());
    JsonNode manifest = Json.STRICT.readTree(out.resolve("manifest.json").toFile());
    assertEquals(13, manifest.path("options").path("decontaminateNgram").asInt());
    assertEquals(benchmarkInstances, manifest.path("options").path("benchmarkInstances").asInt());
    assertEquals(byRule, manifest.path("contaminated_by_rule"));
    JsonNode counts = manifest.path("counts");
    assertEquals(5, counts.path("sft_filtered").path("contaminated").asInt());
    long filtered = 0;
    for (JsonNode n : counts.path("sft_filtered")) {
      filtered += n.asLong();
    }
    assertEquals(8, counts.path("analysed").asLong());
    assertEquals(counts.path("analysed").asLong(), counts.path("sft_kept").asLong() + filtered, "kept + filtered = analysed");
    assertEquals(3, counts.path("sft_kept").asLong());
    String card = Files.readString(out.resolve("sft/README.md"));
    assertTrue(card.contains("| contaminated | 5 |") && card.contains("Decontaminated against " + benchmarkInstances
        + " benchmark instances"), card);
  }

  @Test
  void findsEachPlantedOverlapByItsRuleFromTwoBenchmarkFiles() throws Exception {
    Planted planted = plant();
    Path jsonl = tmp.resolve("bench/verified.jsonl");
    Files.createDirectories(jsonl.getParent());
    Files.writeString(jsonl, Json.write(planted.benchmark().get(0)) + "\n" + Json.write(planted.benchmark().get(1)) + "\n");
    Path parquet = tmp.resolve("bench/other/test-00000-of-00001.parquet");
    writeParquet(parquet, planted.benchmark().subList(2, 3));
    Path out = tmp.resolve("out");
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + planted.runs(), "--output=" + out, "--minGroupSize=1",
        "--progressIntervalSeconds=0", "--decontaminate=" + jsonl, "--decontaminate=" + tmp.resolve("bench/other/*.parquet"));
    assertEquals(0, run.exitCode(), run.stderr());
    assertDecontaminated(out, 3);
    JsonNode manifest = Json.STRICT.readTree(out.resolve("manifest.json").toFile());
    assertEquals(2, manifest.path("options").path("decontaminate").size());
  }

  @Test
  void sameOnEmbeddedFlinkWhereTheIndexIsABroadcastSideInput() throws Exception {
    Planted planted = plant();
    Path jsonl = tmp.resolve("bench/all.jsonl");
    Files.createDirectories(jsonl.getParent());
    StringBuilder lines = new StringBuilder();
    planted.benchmark().forEach(row -> lines.append(Json.write(row)).append('\n'));
    Files.writeString(jsonl, lines);
    Path out = tmp.resolve("flink");
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + planted.runs(), "--output=" + out, "--minGroupSize=1",
        "--progressIntervalSeconds=0", "--runner=FlinkRunner", "--decontaminate=" + jsonl);
    assertEquals(0, run.exitCode(), run.stderr());
    assertEquals("FlinkRunner", Json.STRICT.readTree(out.resolve("manifest.json").toFile()).path("runner").asText());
    assertDecontaminated(out, 3);
  }

  @Test
  void readsTheBenchmarkFromTheHub() throws Exception {
    Planted planted = plant();
    Path local = tmp.resolve("hub/data/test-00000-of-00001.parquet");
    writeParquet(local, planted.benchmark());
    try (HubServer hub = new HubServer("bench/Verified")) {
      hub.files.put("data/test-00000-of-00001.parquet", Files.readAllBytes(local));
      Path out = tmp.resolve("from-hub");
      CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + planted.runs(), "--output=" + out, "--minGroupSize=1",
          "--progressIntervalSeconds=0", "--hfEndpoint=" + hub.endpoint(),
          "--decontaminate=hf://datasets/bench/Verified/data/*.parquet");
      assertEquals(0, run.exitCode(), run.stderr());
      assertDecontaminated(out, 3);
    }
  }

  @Test
  void aBenchmarkFileWithoutItsColumnsStopsTheRunNamingIt() throws Exception {
    Planted planted = plant();
    Path bad = tmp.resolve("bench/ids.jsonl");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "{\"instance_id\": \"bench__mark-1\", \"repo\": \"bench/mark\"}\n");
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + planted.runs(), "--output=" + tmp.resolve("bad"),
        "--progressIntervalSeconds=0", "--decontaminate=" + bad);
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.stderr());
    assertTrue(run.stderr().contains(bad.toString()) && run.stderr().contains("has no problem_statement or patch"), run.stderr());
    assertEquals(1, run.stderr().strip().lines().count(), run.stderr());

    run = CurateEndToEndTest.main("--input=" + planted.runs(), "--output=" + tmp.resolve("bad2"), "--progressIntervalSeconds=0",
        "--decontaminate=" + tmp.resolve("bench/absent.jsonl"), "--decontaminateNgram=13");
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.stderr());
    assertTrue(run.stderr().contains("--decontaminate=") && run.stderr().contains("matches no file"), run.stderr());

    run = CurateEndToEndTest.main("--input=" + planted.runs(), "--output=" + tmp.resolve("bad3"), "--decontaminateNgram=0");
    assertEquals(ExitCodes.BAD_OPTIONS, run.exitCode(), run.stderr());
  }
}
