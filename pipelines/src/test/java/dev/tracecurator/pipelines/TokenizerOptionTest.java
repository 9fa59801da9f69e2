package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.io.hf.HfOptions;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.tokens.TextTokenizer;
import dev.tracecurator.tokens.Tokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --tokenizer} end to end: the budget in Qwen3's own tokens on its own template keeps
 * exactly the rows an independent count (tokenizers.js, src/test-fixtures/tokenizers/
 * sample-qwen3.jsonl) puts within it; a Hub model's tokenizer.json; bad tokenizers stop the run.
 */
class TokenizerOptionTest {
  static final Path QWEN3 = Path.of("src/test-fixtures/tokenizers/qwen3");

  @TempDir
  Path tmp;

  @Test
  void qwen3BudgetKeepsExactlyTheRowsTheIndependentCountFitsOnTheSample() throws IOException {
    Map<String, Integer> expected = independentCounts("sample-qwen3.jsonl");
    Path out = tmp.resolve("out");
    Set<String> within = runWithinBudget(expected, out);
    assertEquals(77, within.size());

    JsonNode model = Json.STRICT.readTree(Files.readString(out.resolve("stats/summary.json"))).get("model_tokens");
    assertEquals(QWEN3.resolve("tokenizer.json").toAbsolutePath().toString(), model.get("tokenizer").asText());
    assertEquals(expected.size(), model.get("sft_tokens").get("rows").asInt());
    assertEquals((double) within.size() / expected.size(), model.get("sft_tokens").get("context_window_fit").get("32768").asDouble(), 1e-12);
  }

  /** Real rows of every harness (src/test-fixtures/real), unlabelled ones too, so that all with a patch are rendered. */
  @Test
  void qwen3BudgetKeepsExactlyTheRowsTheIndependentCountFitsOnRealRows() throws IOException {
    String real = "src/test-fixtures/real/";
    Set<String> within = runWithinBudget(independentCounts("real-qwen3.jsonl"), tmp.resolve("real"), "--requireResolved=false",
        "--input=" + real + "mini-swe-agent/*.traj.json", "--input=" + real + "nebius-swe-agent/sample_raw.json",
        "--input=" + real + "openhands-output/*.jsonl", "--input=" + real + "swe-agent-traj/*.traj",
        "--input=" + real + "sharegpt-llamafactory/*.json");
    assertEquals(17, within.size());
  }

  private static Map<String, Integer> independentCounts(String fixture) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("src/test-fixtures/tokenizers").resolve(fixture))) {
      JsonNode node = Json.STRICT.readTree(line);
      counts.put(node.get("id").asText(), node.get("tokens").asInt());
    }
    return counts;
  }

  /**
   * Runs the job with the Qwen3 tokenizer and template and a 32,768-token budget; checks every
   * rendered row's sft_tokens equals the independent count and the kept rows are exactly those
   * within the budget by it; returns them.
   */
  private static Set<String> runWithinBudget(Map<String, Integer> expected, Path out, String... extra) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("--output=" + out, "--progressIntervalSeconds=0", "--report=false",
        "--minGroupSize=1", "--tokenizer=" + QWEN3.resolve("tokenizer.json"), "--chatTemplate=qwen3", "--maxSftTokens=32768"));
    args.addAll(List.of(extra));
    CurateEndToEndTest.Run run = CurateEndToEndTest.main(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.stderr());

    CsvTable table = CsvTable.readShards(out.resolve("analysis"));
    Map<String, Integer> counted = new HashMap<>();
    Set<String> kept = new TreeSet<>();
    for (Map<String, String> row : table.rows) {
      if (!row.get("sft_tokens").isEmpty()) {
        counted.put(row.get("trajectory_id"), Integer.parseInt(row.get("sft_tokens")));
        assertTrue(Integer.parseInt(row.get("train_tokens")) < Integer.parseInt(row.get("sft_tokens")));
      }
      if (row.get("sft_status").equals("kept")) {
        kept.add(row.get("trajectory_id"));
      }
    }
    assertEquals(expected, counted);
    Set<String> within = new TreeSet<>();
    expected.forEach((id, tokens) -> {
      if (tokens <= 32_768) {
        within.add(id);
      }
    });
    assertEquals(within, kept);
    return within;
  }

  @Test
  void aHubModelsTokenizerIsReadThroughTheHfFileSystem() throws IOException {
    try (HubServer hub = new HubServer("Qwen/Qwen3-8B")) {
      hub.files.put("tokenizer.json", Files.readAllBytes(QWEN3.resolve("tokenizer.json")));
      hub.files.put("tokenizer_config.json", Files.readAllBytes(QWEN3.resolve("tokenizer_config.json")));
      hub.revision("v1").put("tokenizer.json", Files.readAllBytes(QWEN3.resolve("tokenizer.json")));
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.fromArgs("--hfEndpoint=" + hub.endpoint()).as(HfOptions.class));
      TextTokenizer local = Tokenizers.get(QWEN3.resolve("tokenizer.json").toAbsolutePath().toString());
      String text = "<|im_start|>user\nfix the bug in parser.py\r\n<|im_end|>\n";
      for (String spec : List.of("hf://Qwen/Qwen3-8B", "hf://Qwen/Qwen3-8B@v1")) {
        TextTokenizer fromHub = Tokenizers.get(spec);
        assertEquals(spec, fromHub.name());
        assertEquals(local.count(text), fromHub.count(text));
      }
      assertEquals(2, hub.storageRequests.get("tokenizer.json").get());
    } finally {
      FileSystems.setDefaultPipelineOptions(PipelineOptionsFactory.create());
    }
  }

  @Test
  void aBadTokenizerStopsTheRunBeforeItStartsInOneLine() throws IOException {
    Path broken = Files.writeString(tmp.resolve("tokenizer.json"), "{\"version\": \"1.0\", \"model\": ");
    record Case(int exit, String mentions, String... args) {}
    for (Case c : List.of(
        new Case(3, "cannot read the tokenizer", "--tokenizer=" + tmp.resolve("absent/tokenizer.json")),
        new Case(3, "is not a tokenizer.json", "--tokenizer=" + broken),
        new Case(2, "--tokenizer must be", "--tokenizer=p50k_base"),
        new Case(2, "<|begin_of_text|>", "--tokenizer=" + QWEN3, "--chatTemplate=llama3"))) {
      String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--output=" + tmp.resolve("out-" + c.exit),
          "--progressIntervalSeconds=0"), java.util.Arrays.stream(c.args)).toArray(String[]::new);
      CurateEndToEndTest.Run run = CurateEndToEndTest.main(args);
      assertEquals(c.exit, run.exitCode(), run.stderr());
      assertEquals(1, run.stderr().lines().count(), run.stderr());
      assertTrue(run.stderr().contains(c.mentions), run.stderr());
      assertTrue(!Files.exists(tmp.resolve("out-" + c.exit).resolve("manifest.json")));
    }
  }
}
