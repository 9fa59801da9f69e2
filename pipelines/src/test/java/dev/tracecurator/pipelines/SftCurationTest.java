package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.normalize.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each cross-row and per-row SFT rule on crafted rows, end to end through the main class. */
class SftCurationTest {
  @TempDir
  Path tmp;

  private static final List<String> CLEAN = List.of("ls", "pytest -x tests/test_x.py");

  private Path rules() throws IOException {
    return new CraftedRows()
        // Two runs with the same messages (another file, another id): one is a duplicate.
        .row("a__a-1", "a/a", "dup-1", 1, CLEAN, "ok")
        .row("a__a-1", "a/a", "dup-2", 1, CLEAN, "ok")
        // Three runs of one instance; the one that loops scores lowest.
        .row("b__b-1", "b/b", "b-good", 1, CLEAN, "ok")
        .row("b__b-1", "b/b", "b-loop", 1, List.of("ls", "ls", "ls", "ls", "pytest"), "ok")
        .row("b__b-1", "b/b", "b-errors", 1, CLEAN, "Traceback (most recent call last):\n  boom")
        // Reads the future.
        .row("c__c-1", "c/c", "c-leak", 1, List.of("git log --all --oneline", "pytest"), "ok")
        // Evaluation sets.
        .row("django__django-11099", "django/django", "eval-instance", 1, CLEAN, "ok")
        .row("d__d-1", "Sympy/Sympy", "eval-repo", 1, CLEAN, "ok")
        .write(tmp.resolve("in/rows.jsonl"));
  }

  private Map<String, String> statusByTrajectory(Path out) throws IOException {
    Map<String, String> status = new HashMap<>();
    for (Map<String, String> row : CsvTable.readShards(out.resolve("analysis")).rows) {
      status.put(row.get("trajectory_id"), row.get("sft_status"));
    }
    return status;
  }

  @Test
  void eachRuleFiltersWhatItShouldAndTheCountsReconcile() throws Exception {
    Path input = rules();
    Path instances = Files.writeString(tmp.resolve("verified.txt"), "# SWE-bench Verified\ndjango__django-11099\n");
    Path repos = Files.writeString(tmp.resolve("repos.txt"), "https://github.com/sympy/sympy.git\n");
    Path out = tmp.resolve("out");
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + input, "--output=" + out, "--minGroupSize=1",
        "--progressIntervalSeconds=0", "--maxPerInstance=1", "--excludeInstances=" + instances, "--excludeRepos=" + repos);
    assertEquals(0, run.exitCode(), run.stderr());

    Map<String, String> status = statusByTrajectory(out);
    assertEquals("kept", status.get("dup-1"), status.toString());
    assertEquals("duplicate", status.get("dup-2"));
    assertEquals("kept", status.get("b-good"));
    assertEquals("over_instance_limit", status.get("b-loop"));
    assertEquals("over_instance_limit", status.get("b-errors"));
    assertEquals("git_history_access", status.get("c-leak"));
    assertEquals("excluded_instance", status.get("eval-instance"));
    assertEquals("excluded_repo", status.get("eval-repo"));

    Map<String, Map<String, String>> rows = new HashMap<>();
    CsvTable.readShards(out.resolve("analysis")).rows.forEach(r -> rows.put(r.get("trajectory_id"), r));
    assertEquals("git log --all --oneline", rows.get("c-leak").get("git_history_access"));
    double good = Double.parseDouble(rows.get("b-good").get("quality_score"));
    assertTrue(good > Double.parseDouble(rows.get("b-loop").get("quality_score")));
    assertTrue(good > Double.parseDouble(rows.get("b-errors").get("quality_score")));
    assertEquals("3", rows.get("b-loop").get("repeated_actions"));
    assertEquals("2", rows.get("b-errors").get("tool_errors"));

    JsonNode filtered = Json.STRICT.readTree(out.resolve("stats/summary.json").toFile()).path("sft").path("filtered");
    assertEquals(1, filtered.get("duplicate").asInt());
    assertEquals(2, filtered.get("over_instance_limit").asInt());
    assertEquals(1, filtered.get("git_history_access").asInt());
    assertEquals(1, filtered.get("excluded_instance").asInt());
    assertEquals(1, filtered.get("excluded_repo").asInt());
    assertEquals(2, CurateEndToEndTest.jsonLines(out.resolve("sft")).size());
  }

  @Test
  void historyAccessAndLowScoresAreOptions() throws Exception {
    Path input = rules();
    Path out = tmp.resolve("allowed");
    assertEquals(0, CurateEndToEndTest.main("--input=" + input, "--output=" + out, "--progressIntervalSeconds=0",
        "--allowGitHistoryAccess", "--dedup=false", "--minQualityScore=0.97").exitCode());
    Map<String, String> status = statusByTrajectory(out);
    assertEquals("kept", status.get("c-leak"));
    assertEquals("kept", status.get("dup-2"));
    assertEquals("low_quality", status.get("b-loop"));
    assertEquals("low_quality", status.get("b-errors"));
  }

  @Test
  void messagesAreTrlShapedAndTheSplitNeverSharesAnInstance() throws Exception {
    CraftedRows rows = new CraftedRows();
    for (int i = 0; i < 40; i++) {
      for (int run = 0; run < 2; run++) {
        rows.row("inst__x-" + i, "o/r" + i, "t-" + i + "-" + run, 1, List.of("ls", "cat f" + run), "ok");
      }
    }
    Path input = rows.write(tmp.resolve("many/rows.jsonl"));
    Path out = tmp.resolve("split");
    assertEquals(0, CurateEndToEndTest.main("--input=" + input, "--output=" + out, "--progressIntervalSeconds=0",
        "--validationFraction=0.25", "--shardSize=15").exitCode());
    Set<String> train = new HashSet<>();
    Set<String> validation = new HashSet<>();
    int shards = 0;
    try (var files = Files.list(out.resolve("sft"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
        shards++;
        String name = file.getFileName().toString();
        assertTrue(name.matches("(train|validation)-\\d{5}-of-\\d{5}\\.jsonl"), name);
        for (String line : Files.readAllLines(file)) {
          JsonNode row = Json.STRICT.readTree(line);
          (name.startsWith("train") ? train : validation).add(row.get("instance_id").asText());
          assertTrlShaped(row);
        }
      }
    }
    assertFalse(validation.isEmpty());
    assertFalse(train.isEmpty());
    assertTrue(train.stream().noneMatch(validation::contains), "an instance in both splits");
    assertEquals(40, train.size() + validation.size());
    assertTrue(shards >= 4, "80 rows in shards of 15: " + shards);
    String card = Files.readString(out.resolve("sft/README.md"));
    assertTrue(card.contains("- split: validation\n    path: validation-*.jsonl") && card.contains("license:\n- mit"), card);
  }

  @Test
  void parquetAndJsonLinesHoldTheSameRows() throws Exception {
    Path input = rules();
    Path jsonl = tmp.resolve("as-jsonl");
    Path parquet = tmp.resolve("as-parquet");
    assertEquals(0, CurateEndToEndTest.main("--input=" + input, "--output=" + jsonl, "--progressIntervalSeconds=0").exitCode());
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + input, "--output=" + parquet, "--progressIntervalSeconds=0",
        "--sftFile=parquet");
    assertEquals(0, run.exitCode(), run.stderr());
    List<JsonNode> fromJsonl = new java.util.ArrayList<>();
    CurateEndToEndTest.jsonLines(jsonl.resolve("sft")).forEach(n -> fromJsonl.add(withoutNulls(n)));
    List<JsonNode> fromParquet = new java.util.ArrayList<>();
    Path file = parquet.resolve("sft/train-00000-of-00001.parquet");
    dev.tracecurator.io.ParquetRows.read(new dev.tracecurator.io.ChannelInputFile(
        org.apache.beam.sdk.io.FileSystems.matchSingleFileSpec(file.toString()).resourceId(), Files.size(file)),
        (number, json) -> {
          JsonNode row = Json.pythonLoads(json).orElseThrow();
          // tools is one JSON string in Parquet: its schemas differ from tool to tool.
          ((com.fasterxml.jackson.databind.node.ObjectNode) row).set("tools", Json.pythonLoads(row.get("tools").asText()).orElseThrow());
          fromParquet.add(withoutNulls(row));
        });
    java.util.Comparator<JsonNode> byId = java.util.Comparator.comparing(n -> n.get("trajectory_id").asText());
    fromJsonl.sort(byId);
    fromParquet.sort(byId);
    assertEquals(6, fromJsonl.size());
    assertEquals(fromJsonl, fromParquet);
    assertTrue(Files.readString(parquet.resolve("sft/README.md")).contains("path: train-*.parquet"));
  }

  @Test
  void sharegptRowsAlternateAsLlamaFactoryRequiresAndTemplatesRenderTheText() throws Exception {
    Path input = rules();
    Path sharegpt = tmp.resolve("sharegpt");
    CurateEndToEndTest.Run run = CurateEndToEndTest.main("--input=" + input, "--output=" + sharegpt, "--progressIntervalSeconds=0",
        "--sftFormat=sharegpt", "--reasoning=strip");
    assertEquals(0, run.exitCode(), run.stderr());
    List<JsonNode> rows = CurateEndToEndTest.jsonLines(sharegpt.resolve("sft"));
    assertEquals(6, rows.size());
    for (JsonNode row : rows) {
      JsonNode turns = row.get("conversations");
      assertEquals(0, turns.size() % 2, "LLaMA-Factory drops odd-length conversations");
      for (int i = 0; i < turns.size(); i++) {
        String from = turns.get(i).get("from").asText();
        assertTrue(i % 2 == 0 ? Set.of("human", "observation").contains(from) : Set.of("gpt", "function_call").contains(from),
            "turn " + i + " is " + from);
        assertFalse(turns.get(i).get("value").asText().contains("<think>"), "reasoning stripped");
      }
      assertTrue(row.get("system").asText().contains("careful software engineer"));
      assertTrue(Json.STRICT.readTree(row.get("tools").asText()).isArray());
    }
    for (String template : List.of("qwen3", "llama3")) {
      Path out = tmp.resolve(template);
      assertEquals(0, CurateEndToEndTest.main("--input=" + input, "--output=" + out, "--progressIntervalSeconds=0",
          "--sftFormat=text", "--chatTemplate=" + template).exitCode());
      String text = CurateEndToEndTest.jsonLines(out.resolve("sft")).get(0).get("text").asText();
      assertTrue(template.equals("qwen3") ? text.startsWith("<|im_start|>system") && text.contains("<tool_response>")
          : text.startsWith("<|begin_of_text|><|start_header_id|>system<|end_header_id|>") && text.contains("ipython"), text);
    }
  }

  private static JsonNode withoutNulls(JsonNode node) {
    if (node.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode copy = Json.STRICT.createObjectNode();
      node.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          copy.set(e.getKey(), withoutNulls(e.getValue()));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode copy = Json.STRICT.createArrayNode();
      node.forEach(n -> copy.add(withoutNulls(n)));
      return copy;
    }
    return node;
  }

  /** What TRL's SFTTrainer needs of a tool-calling conversation. */
  static void assertTrlShaped(JsonNode row) {
    Set<String> open = new HashSet<>();
    for (JsonNode m : row.get("messages")) {
      String role = m.get("role").asText();
      assertTrue(m.get("content").isTextual(), "content is a string");
      assertEquals(role.equals("assistant"), m.get("train").asBoolean(), "loss on assistant turns only");
      if (m.has("tool_calls")) {
        assertEquals("assistant", role);
        for (JsonNode call : m.get("tool_calls")) {
          assertEquals("function", call.get("type").asText());
          assertTrue(call.get("function").get("arguments").isTextual(), "arguments as a JSON string");
          open.add(call.get("id").asText());
        }
      }
      if (role.equals("tool")) {
        assertTrue(open.remove(m.get("tool_call_id").asText()), "a tool turn answers an open call: " + m);
      }
    }
    assertTrue(row.get("tools").isArray() && row.get("tools").get(0).get("function").has("name"));
  }
}
