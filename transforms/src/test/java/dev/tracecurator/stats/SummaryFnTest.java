package dev.tracecurator.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracecurator.analysis.AnalysisRow;
import dev.tracecurator.normalize.Json;
import dev.tracecurator.testing.TestPipelines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.testing.CombineFnTester;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

class SummaryFnTest {
  static AnalysisRow row(String language, Integer resolved, String agent, int nTool, int tokens, int churn,
      Map<String, Integer> tools, String sftStatus) {
    return new AnalysisRow("i", "r", language, "MIT", resolved, agent, "m", nTool * 2 + 2, 1, 1, nTool, nTool,
        churn > 0 ? 1 : 0, churn, 0, churn, tokens, null, null, null, resolved != null && resolved == 1,
        resolved != null && (resolved == 0 || resolved == 1), "t", nTool, tools, Map.of("py", 1), sftStatus, null, dev.tracecurator.testing.Rows.NO_SCORE, null, "f", 1, null, null, null, null, null);
  }

  static List<AnalysisRow> rows() {
    List<AnalysisRow> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Map<String, Integer> tools = new LinkedHashMap<>();
      tools.put("execute_bash", i % 4);
      tools.put("finish", 1);
      rows.add(row(i % 3 == 0 ? "go" : "python", i % 5 == 0 ? -1 : i % 2, i % 2 == 0 ? "openhands" : "sweagent",
          i % 7, 1000 * (i + 1), i, tools, i % 2 == 1 ? "kept" : "not_resolved"));
    }
    return rows;
  }

  @Test
  void figuresMatchTheTutorialsDefinitions() throws Exception {
    SummaryAccumulator acc = new SummaryAccumulator();
    rows().forEach(acc::add);
    JsonNode s = SummaryJson.build(acc, 5);
    assertEquals(30, s.get("total_records").asLong());
    assertEquals(20, s.get("language_counts").get("python").asLong());
    assertEquals(10, s.get("language_counts").get("go").asLong());
    // Known labels: i % 5 != 0 → 24 rows; python: i%3 != 0 and i%5 != 0.
    long pyKnown = 0;
    long pyResolved = 0;
    for (int i = 0; i < 30; i++) {
      if (i % 3 != 0 && i % 5 != 0) {
        pyKnown++;
        pyResolved += i % 2;
      }
    }
    assertEquals(pyKnown, s.get("resolution_by_language").get("python").get("n").asLong());
    assertEquals((double) pyResolved / pyKnown, s.get("resolution_by_language").get("python").get("rate").asDouble());
    // tokens 1000..30000: p50 = 15500, p99 = 1000 * (1 + 29 * 0.99) = 29710
    assertEquals(15500.0, s.get("token_percentiles").get("p50").asDouble());
    assertEquals(29710.0, s.get("token_percentiles").get("p99").asDouble(), 1e-9);
    assertEquals(30000, s.get("token_percentiles").get("max").asLong());
    assertEquals(8.0 / 30, s.get("context_window_fit").get("8192").asDouble());
    assertEquals(1.0, s.get("context_window_fit").get("32768").asDouble());
    long bash = 0;
    for (int i = 0; i < 30; i++) {
      bash += i % 4;
    }
    assertEquals("execute_bash", s.get("top_tools").get(0).get(0).asText());
    assertEquals(bash, s.get("top_tools").get(0).get(1).asLong());
    assertEquals("finish", s.get("top_tools").get(1).get(0).asText());
    assertEquals(30, s.get("tool_totals").get("finish").asLong());
    assertEquals(15, s.get("sft").get("kept").asLong());
    assertEquals(15, s.get("sft").get("filtered").get("not_resolved").asLong());
    assertEquals(0, s.get("sft").get("filtered").get("too_many_tokens").asLong());
    assertEquals(28.13, s.get("patch_churn_p97").asDouble(), 1e-9);
    assertEquals(40, s.get("histograms").get("n_messages").get("counts").size());
    assertEquals(50, s.get("histograms").get("traj_tokens_clipped_p99").get("counts").size());
  }

  @Test
  void smallLanguageGroupsAreLeftOut() {
    SummaryAccumulator acc = new SummaryAccumulator();
    rows().forEach(acc::add);
    JsonNode s = SummaryJson.build(acc, 25);
    assertEquals(0, s.get("resolution_by_language").size());
  }

  @Test
  void mergingInAnyOrderGivesTheSameSummary() {
    CombineFnTester.testCombineFn(new SummaryFn(5), rows(), Json.write(summaryOf(rows())));
  }

  @Test
  void accumulatorCoderRoundTrips() throws Exception {
    SummaryAccumulator acc = new SummaryAccumulator();
    rows().forEach(acc::add);
    CoderProperties.coderDecodeEncodeEqual(SummaryAccumulatorCoder.of(), acc);
    CoderProperties.coderDeterministic(SummaryAccumulatorCoder.of(), acc, SummaryAccumulatorCoder.of().decode(
        new java.io.ByteArrayInputStream(org.apache.beam.sdk.util.CoderUtils.encodeToByteArray(SummaryAccumulatorCoder.of(), acc))));
  }

  @Test
  void combineGloballyInAPipeline() throws Throwable {
    TestPipelines.run(getClass(), "combineGloballyInAPipeline", p -> {
      PCollection<String> out = p.apply(Create.of(rows()).withCoder(dev.tracecurator.coders.JsonRecordCoder.of(AnalysisRow.class)))
          .apply(Combine.globally(new SummaryFn(5)));
      PAssert.thatSingleton(out).isEqualTo(Json.write(summaryOf(rows())));
      p.run().waitUntilFinish();
    });
  }

  @Test
  void theRunsSummaryCountsRejectedRecordsBesideTheRowsAndExistsForAnEmptyRun() throws Throwable {
    List<StatisticsInput> inputs = new ArrayList<>();
    rows().forEach(r -> inputs.add(StatisticsInput.of(r)));
    inputs.add(StatisticsInput.oneRejected());
    inputs.add(StatisticsInput.oneRejected());
    inputs.add(StatisticsInput.nothing());
    String summary = new RunSummaryFn(5, dev.tracecurator.tokens.Tokenizers.DEFAULT).apply(inputs);
    JsonNode counts = Json.STRICT.readTree(summary).get("counts");
    assertEquals(rows().size() + 2, counts.get("read").asLong());
    assertEquals(rows().size(), counts.get("analysed").asLong());
    assertEquals(2, counts.get("rejected").asLong());
    // the rows' figures are SummaryFn's, whatever else came in
    JsonNode figures = Json.STRICT.readTree(summary);
    ((com.fasterxml.jackson.databind.node.ObjectNode) figures).remove("counts");
    assertEquals(Json.write(summaryOf(rows())), Json.write(figures));
    CombineFnTester.testCombineFn(new RunSummaryFn(5, dev.tracecurator.tokens.Tokenizers.DEFAULT), inputs, summary);

    JsonNode empty = Json.STRICT.readTree(new RunSummaryFn(5, dev.tracecurator.tokens.Tokenizers.DEFAULT)
        .apply(List.of(StatisticsInput.nothing())));
    assertEquals(0, empty.get("counts").get("read").asLong());
    assertEquals(0, empty.get("total_records").asLong());
  }

  @Test
  void statisticsInputsRoundTripThroughTheirCoder() throws Exception {
    for (StatisticsInput input : List.of(StatisticsInput.of(rows().get(0)), StatisticsInput.oneRejected(), StatisticsInput.nothing())) {
      CoderProperties.coderDecodeEncodeEqual(StatisticsInputCoder.of(), input);
    }
  }

  private static JsonNode summaryOf(List<AnalysisRow> rows) {
    SummaryAccumulator acc = new SummaryAccumulator();
    rows.forEach(acc::add);
    return SummaryJson.build(acc, 5);
  }
}
