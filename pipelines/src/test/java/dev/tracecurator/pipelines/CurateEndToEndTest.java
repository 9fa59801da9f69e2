package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.analysis.AnalysisCsv;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.tokens.TokenCounter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the main class on the fixture rows in src/test-fixtures/rows and checks every output against
 * figures produced without our code: the tutorial's own Python helpers and tiktoken
 * (src/test-fixtures/rows/expected.jsonl, see its README), and the corrected rules' definitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurateEndToEndTest {
  private static final String ROWS = "src/test-fixtures/rows";

  @TempDir
  static Path tmp;

  private Path out;
  private Run run;

  record Run(int exitCode, String stdout, String stderr) {}

  /**
   * The main class on the DirectRunner, which runs Beam's checks (and starts faster than a Flink
   * mini-cluster); {@link #onDefaultRunner} runs what a user gets without --runner.
   */
  static Run main(String... args) {
    boolean runnerGiven = java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--runner="));
    if (runnerGiven) {
      return onDefaultRunner(args);
    }
    String[] direct = java.util.Arrays.copyOf(args, args.length + 1);
    direct[args.length] = "--runner=DirectRunner";
    return onDefaultRunner(direct);
  }

  static Run onDefaultRunner(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
    return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
  }

  static String[] fixtureArgs(Path output, String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--input=" + ROWS + "/data/**/*.jsonl",
        "--input=" + ROWS + "/tutorial/*.jsonl#openhands/qwen35_122b",
        "--input=" + ROWS + "/tutorial/two-rows.json#sweagent/minimax_m25",
        "--input=" + ROWS + "/bad.jsonl",
        "--output=" + output,
        "--minGroupSize=1",
        "--progressIntervalSeconds=1",
        // bad.jsonl is a third of these rows, on purpose.
        "--maxRejectedFraction=1"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @BeforeAll
  void runOnce() {
    out = tmp.resolve("out");
    run = main(fixtureArgs(out));
    assertEquals(0, run.exitCode(), run.stderr());
  }

  /** In a log (not a terminal) progress is a plain line per interval, with the share of the inputs' bytes read. */
  @Test
  void progressLinesInALogSayHowFarTheRunIs() {
    List<String> progress = run.stdout().lines().filter(l -> l.startsWith("progress:")).toList();
    assertFalse(progress.isEmpty(), run.stdout());
    assertFalse(run.stdout().contains("\r"), "no redrawing outside a terminal");
    for (String line : progress) {
      assertTrue(line.matches("progress: +\\d{1,3}% (ETA \\S+|all read, finishing|done)  read [\\d,]+  analysed .*"), line);
    }
    assertTrue(progress.get(progress.size() - 1).startsWith("progress: 100% done  read "), progress.toString());
  }

  @Test
  void tooManyRejectedRecordsFailTheRunSayingWhereTheyAre() throws IOException {
    Path strict = tmp.resolve("strict");
    List<String> args = new ArrayList<>(List.of(fixtureArgs(strict)));
    args.remove("--maxRejectedFraction=1");
    Run failed = main(args.toArray(String[]::new));
    assertEquals(ExitCodes.TOO_MANY_REJECTED, failed.exitCode(), failed.stderr());
    assertTrue(failed.stderr().contains("were rejected, more than --maxRejectedFraction=0.01")
        && failed.stderr().contains(strict.resolve("rejected").toString()), failed.stderr());
    assertEquals(1, failed.stderr().lines().count(), "one line, no stack trace: " + failed.stderr());
    assertFalse(Files.exists(strict.resolve("manifest.json")), "a failed run is not marked finished");
    assertTrue(Files.list(strict.resolve("rejected")).findAny().isPresent(), "the rejected rows are there to look at");

    Run verbose = main("--input=no/such/*.jsonl", "--output=" + tmp.resolve("none"), "--verbose");
    assertEquals(ExitCodes.BAD_INPUT, verbose.exitCode());
    assertTrue(verbose.stderr().lines().count() > 1 && verbose.stderr().contains("\tat "), "--verbose adds the trace");
  }

  @Test
  void recordsOverTheSizeLimitAreRejectedByPositionAndTheCountsStillReconcile() throws IOException {
    Path small = tmp.resolve("small-limit");
    Run run = main(fixtureArgs(small, "--maxRecordBytes=4000"));
    assertEquals(0, run.exitCode(), run.stderr());
    List<JsonNode> rejected = jsonLines(small.resolve("rejected"));
    List<JsonNode> tooLong = rejected.stream().filter(r -> r.get("error").asText().contains("(--maxRecordBytes)")).toList();
    assertFalse(tooLong.isEmpty(), rejected.toString());
    for (JsonNode r : tooLong) {
      assertTrue(r.get("line").asLong() > 0 && r.get("file").asText().endsWith(".jsonl") || r.get("file").asText().endsWith(".json"), r.toString());
    }
    JsonNode counts = Json.STRICT.readTree(small.resolve("manifest.json").toFile()).get("counts");
    assertEquals(counts.get("read").asLong(), counts.get("analysed").asLong() + counts.get("rejected").asLong());
  }

  @Test
  void rowsNestedPastTheDepthLimitAreRejectedByPositionAndTheCountsStillReconcile() throws IOException {
    Path shallow = tmp.resolve("depth-limit");
    // Hub rows nest six deep (row, messages, message, tool_calls, call, function); tutorial rows keep a string.
    Run run = main(fixtureArgs(shallow, "--maxJsonDepth=4"));
    assertEquals(0, run.exitCode(), run.stderr());
    List<JsonNode> tooDeep = jsonLines(shallow.resolve("rejected")).stream()
        .filter(r -> r.get("error").asText().contains("exceeds the maximum allowed nesting depth (4)")).toList();
    assertFalse(tooDeep.isEmpty());
    JsonNode manifest = Json.STRICT.readTree(shallow.resolve("manifest.json").toFile());
    JsonNode counts = manifest.get("counts");
    assertEquals(counts.get("read").asLong(), counts.get("analysed").asLong() + counts.get("rejected").asLong());
    assertTrue(counts.get("analysed").asLong() > 0, "shallow rows are still read");
    assertEquals(4, manifest.get("options").get("maxJsonDepth").asInt());

    Run bad = main(fixtureArgs(tmp.resolve("depth-zero"), "--maxJsonDepth=0"));
    assertEquals(ExitCodes.BAD_OPTIONS, bad.exitCode());
    assertTrue(bad.stderr().contains("--maxJsonDepth must be a positive number"), bad.stderr());
  }

  @Test
  void filesReadInStretchesGiveTheSameRowsLinesAndRejections() throws IOException {
    Path stretched = tmp.resolve("stretched");
    assertEquals(0, main(fixtureArgs(stretched, "--readRangeBytes=2048")).exitCode());
    for (String dir : List.of("analysis", "sft", "rejected")) {
      assertEquals(CurateOutputs.sortedLines(out.resolve(dir)), CurateOutputs.sortedLines(stretched.resolve(dir)), dir);
    }
    assertEquals(Json.STRICT.readTree(out.resolve("stats/summary.json").toFile()),
        Json.STRICT.readTree(stretched.resolve("stats/summary.json").toFile()));
  }

  @Test
  void aFormatLabelOnAnInputIsHonoured() throws IOException {
    String file = "--input=src/test-fixtures/formats/sharegpt.jsonl#sharegpt_set/unknown,format=";
    Path named = tmp.resolve("format-named");
    assertEquals(0, main(file + "sharegpt", "--output=" + named, "--minGroupSize=1", "--progressIntervalSeconds=0").exitCode());
    assertEquals(1, Json.STRICT.readTree(named.resolve("manifest.json").toFile()).get("counts").get("analysed").asInt());
    Path wrong = tmp.resolve("format-wrong");
    Run forced = main(file + "swe_agent", "--output=" + wrong, "--minGroupSize=1", "--progressIntervalSeconds=0",
        "--maxRejectedFraction=1");
    assertEquals(0, forced.exitCode(), forced.stderr());
    JsonNode counts = Json.STRICT.readTree(wrong.resolve("manifest.json").toFile()).get("counts");
    assertEquals(0, counts.get("analysed").asInt(), "a ShareGPT row read as swe_agent is rejected, not guessed");
    assertEquals(1, counts.get("rejected").asInt());
  }

  @Test
  void everyOutputExistsUnderItsName() throws IOException {
    assertTrue(Files.isRegularFile(out.resolve("stats/summary.json")));
    assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
    assertTrue(Files.isRegularFile(out.resolve("report/index.html")));
    for (dev.tracecurator.report.ChartSpec chart : dev.tracecurator.report.Charts.ALL) {
      assertTrue(Files.size(out.resolve("report").resolve(chart.file())) > 1000, chart.file());
    }
    for (String dir : List.of("analysis", "rejected")) {
      try (var files = Files.list(out.resolve(dir))) {
        assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("part-")), dir);
      }
    }
    try (var files = Files.list(out.resolve("sft"))) {
      assertEquals(List.of("README.md", "train-00000-of-00001.jsonl"),
          files.map(f -> f.getFileName().toString()).sorted().toList(), "one train shard and the dataset card, nothing else");
    }
  }

  @Test
  void analysisTableMatchesTheTutorialsHelpersAndTiktoken() throws IOException {
    CsvTable table = CsvTable.readShards(out.resolve("analysis"));
    assertEquals(AnalysisCsv.COLUMNS, table.header);
    Map<String, JsonNode> expected = expectedByKey();
    assertEquals(expected.size(), table.rows.size());
    for (Map<String, String> row : table.rows) {
      JsonNode want = expected.get(key(row));
      assertNotNull(want, "no expected figures for " + key(row));
      for (String column : List.of("n_messages", "n_system", "n_user", "n_assistant", "n_tool", "language", "category",
          "meta_files", "meta_lines")) {
        JsonNode value = want.get(column);
        assertEquals(value == null || value.isNull() ? "" : value.asText(), row.get(column), key(row) + " " + column);
      }
      assertEquals(want.get("tiktoken_traj_tokens").asText(), row.get("traj_tokens"), key(row) + " traj_tokens");
      if (want.has("numstat_add")) {
        assertEquals(want.get("numstat_add").asText(), row.get("patch_add"), key(row) + " patch_add (git apply --numstat)");
        assertEquals(want.get("numstat_del").asText(), row.get("patch_del"), key(row) + " patch_del (git apply --numstat)");
      }
    }
  }

  @Test
  void agentAndModelComeFromTheRowTheSuffixOrThePath() throws IOException {
    for (Map<String, String> row : CsvTable.readShards(out.resolve("analysis")).rows) {
      String file = row.get("source_file");
      String agentModel = row.get("agent") + "/" + row.get("model");
      if (file.contains("/data/sweagent/gpt4/")) {
        assertEquals("sweagent/gpt4", agentModel);
      } else if (file.endsWith(".json")) {
        assertEquals("sweagent/minimax_m25", agentModel);
      } else {
        assertEquals("openhands/qwen35_122b", agentModel);
      }
    }
  }

  @Test
  void filterReasonsFollowTheRules() throws IOException {
    Map<String, String> status = new HashMap<>();
    for (Map<String, String> row : CsvTable.readShards(out.resolve("analysis")).rows) {
      status.put(row.get("instance_id") + "@" + row.get("source_file").replaceAll(".*/", ""), row.get("sft_status"));
    }
    assertEquals("kept", status.get("t-xml@mixed-shapes.jsonl"));
    assertEquals("not_resolved", status.get("t-strings@mixed-shapes.jsonl"));
    assertEquals("not_resolved", status.get("t-onestring@mixed-shapes.jsonl"));
    assertEquals("malformed_trajectory", status.get("t-broken@mixed-shapes.jsonl"));
    assertEquals("too_many_tokens", status.get("t-long@mixed-shapes.jsonl"));
  }

  @Test
  void sftRowsAreTrainableAsTheyAre() throws IOException {
    List<JsonNode> rows = jsonLines(out.resolve("sft"));
    assertFalse(rows.isEmpty());
    for (JsonNode row : rows) {
      for (String field : List.of("instance_id", "trajectory_id", "repo", "language", "agent", "model", "messages", "text", "model_patch", "approx_tokens")) {
        assertTrue(row.has(field), field + " missing in " + row.get("instance_id"));
      }
      assertEquals(TokenCounter.count(row.get("text").asText()), row.get("approx_tokens").asInt());
      assertTrue(row.get("approx_tokens").asInt() <= 32_000);
      assertFalse(row.get("model_patch").asText().isBlank());
      Set<String> open = new HashSet<>();
      for (JsonNode message : row.get("messages")) {
        assertTrue(message.get("content").isTextual(), "content must be a string");
        if (message.has("tool_calls")) {
          for (JsonNode call : message.get("tool_calls")) {
            open.add(call.get("id").asText());
            assertTrue(call.get("function").get("arguments").isTextual());
          }
        }
        if ("tool".equals(message.get("role").asText()) && message.has("tool_call_id")) {
          assertTrue(open.remove(message.get("tool_call_id").asText()), "tool turn answers an unknown call");
        }
      }
      if (row.get("text").asText().contains("<tool_call>")) {
        assertTrue(row.toString().contains("\"tool_calls\""));
      }
    }
    JsonNode first = rows.stream().filter(r -> r.get("trajectory_id").asText().equals("sweagent-demo-marshmallow-code__marshmallow-1867")).findFirst().orElseThrow();
    assertTrue(first.has("tools"));
    assertTrue(first.get("tools").get(0).isObject());
    long toolTurnsWithIds = 0;
    for (JsonNode message : first.get("messages")) {
      if ("tool".equals(message.get("role").asText())) {
        assertTrue(message.has("tool_call_id"), "the Hub's tool turns carry no id; the pairing rule fills it in");
        toolTurnsWithIds++;
      }
    }
    assertTrue(toolTurnsWithIds > 0);
  }

  @Test
  void everyBadLineIsRejectedByFileAndLine() throws IOException {
    List<JsonNode> rejected = jsonLines(out.resolve("rejected"));
    Map<Long, String> errors = new HashMap<>();
    for (JsonNode r : rejected) {
      assertTrue(r.get("file").asText().endsWith("bad.jsonl"), r.toString());
      errors.put(r.get("line").asLong(), r.get("error").asText());
      assertTrue(r.has("raw"));
    }
    assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L), errors.keySet());
    assertTrue(errors.get(1L).startsWith("not valid JSON"), errors.get(1L));
    assertEquals("a row must be a JSON object, got an array", errors.get(2L));
    assertTrue(errors.get(3L).startsWith("not valid JSON"));
    assertTrue(errors.get(4L).contains("'resolved'"));
    assertTrue(errors.get(5L).contains("NaN"), errors.get(5L));
    assertEquals("line 6 is not valid UTF-8", errors.get(6L));
  }

  @Test
  void summaryAndManifestReconcile() throws IOException {
    JsonNode summary = Json.STRICT.readTree(out.resolve("stats/summary.json").toFile());
    JsonNode manifest = Json.STRICT.readTree(out.resolve("manifest.json").toFile());
    for (String key : List.of("total_records", "language_counts", "resolution_by_language", "resolution_by_agent_model",
        "token_percentiles", "context_window_fit", "top_tools", "tool_totals", "mean_tool_turns_by_outcome",
        "patch_churn_p97", "histograms", "sft")) {
      assertTrue(summary.has(key), key);
    }
    JsonNode counts = manifest.get("counts");
    long analysed = CsvTable.readShards(out.resolve("analysis")).rows.size();
    assertEquals(analysed, counts.get("analysed").asLong());
    assertEquals(jsonLines(out.resolve("rejected")).size(), counts.get("rejected").asLong());
    assertEquals(jsonLines(out.resolve("sft")).size(), counts.get("sft_kept").asLong());
    assertEquals(counts.get("read").asLong(), counts.get("analysed").asLong() + counts.get("rejected").asLong());
    long filtered = 0;
    for (JsonNode n : counts.get("sft_filtered")) {
      filtered += n.asLong();
    }
    assertEquals(analysed, counts.get("sft_kept").asLong() + filtered);
    assertEquals(summary.get("counts"), counts);
    assertEquals("DirectRunner", manifest.get("runner").asText());
    assertEquals("2.62.0", manifest.get("beam_version").asText());
    assertEquals(4, manifest.get("inputs").size());
    assertTrue(run.stdout().contains("STEP 7"), run.stdout());
    assertTrue(run.stdout().contains("<|im_start|>"), "the console shows one ChatML example");
  }

  @Test
  void aFinishedRunIsNotOverwrittenUnlessAskedTo() {
    Path second = tmp.resolve("second");
    assertEquals(0, main(fixtureArgs(second)).exitCode());
    Run refused = main(fixtureArgs(second));
    assertEquals(ExitCodes.OUTPUT_REFUSED, refused.exitCode());
    assertTrue(refused.stderr().contains("--overwrite"), refused.stderr());
    assertEquals(0, main(fixtureArgs(second, "--overwrite")).exitCode());
  }

  @Test
  void anUnwritableOutputIsRefusedInOneLineBeforeTheJobStarts() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
    Run refused = main(fixtureArgs(file.resolve("out")));
    assertEquals(ExitCodes.OUTPUT_REFUSED, refused.exitCode());
    assertEquals(1, refused.stderr().lines().count(), refused.stderr());
    assertTrue(refused.stderr().contains("cannot write to output folder " + file.resolve("out")), refused.stderr());
    assertFalse(refused.stdout().contains("curating"), "no job was started: " + refused.stdout());
  }

  @Test
  void reportCanBeTurnedOff() throws IOException {
    Path noReport = tmp.resolve("no-report");
    assertEquals(0, main(fixtureArgs(noReport, "--report=false")).exitCode());
    assertTrue(Files.isRegularFile(noReport.resolve("manifest.json")));
    assertFalse(Files.exists(noReport.resolve("report")));
  }

  @Test
  void aGlobThatMatchesNothingIsNamed() {
    Run r = main("--input=" + ROWS + "/no-such-folder/*.jsonl", "--output=" + tmp.resolve("none"));
    assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
    assertTrue(r.stderr().contains("no-such-folder"), r.stderr());
    assertEquals(1, r.stderr().strip().lines().count(), "one line, no stack trace: " + r.stderr());
  }

  @Test
  void aBadOptionValueIsOneLine() {
    Run r = main("--maxSftTokens=lots", "--output=" + tmp.resolve("bad"));
    assertEquals(ExitCodes.BAD_OPTIONS, r.exitCode());
    assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
  }

  private static String key(Map<String, String> row) {
    return row.get("source_file").replaceAll(".*/(src/test-fixtures/)", "$1") + ":" + row.get("source_line");
  }

  /** expected.jsonl keyed like {@link #key}: JSON files by line, found through their element index. */
  private static Map<String, JsonNode> expectedByKey() throws IOException {
    Map<String, JsonNode> out = new HashMap<>();
    for (String line : Files.readAllLines(Path.of(ROWS, "expected.jsonl"))) {
      JsonNode node = Json.STRICT.readTree(line);
      out.put(node.get("file").asText() + ":" + node.get("line").asText(), node);
    }
    return out;
  }

  static List<JsonNode> jsonLines(Path directory) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (var files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            rows.add(Json.STRICT.readTree(line));
          }
        }
      }
    }
    return rows;
  }
}
