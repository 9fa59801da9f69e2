package dev.tracecurator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tracecurator.normalize.AgentModel;
import dev.tracecurator.normalize.RowFormat;
import org.junit.jupiter.api.Test;

class InputSpecTest {

  @Test
  void aLabelOnFilesNamesTheirAgentAndModelAndWinsOverThePath() {
    InputSpec spec = InputSpec.parse("runs/data/x/y/*.jsonl#sweagent/gpt4,format=sharegpt");
    assertEquals("runs/data/x/y/*.jsonl", spec.glob());
    assertEquals(RowFormat.parse("sharegpt"), spec.format());
    assertEquals(new AgentModel("sweagent", "gpt4"), spec.labelsFor("runs/data/x/y/a.jsonl"));
    assertEquals(spec, InputSpec.parse(spec.toString()));
  }

  @Test
  void onADatasetRootThePairIsAConfigAndSplitThatAPathOverrides() {
    InputSpec spec = InputSpec.parse("hf://datasets/nvidia/Open-SWE-Traces#openhands/minimax_m25,format=open_swe_traces");
    assertEquals("hf://datasets/nvidia/Open-SWE-Traces#openhands/minimax_m25", spec.glob());
    assertFalse(spec.hasLabel());
    assertEquals(new AgentModel("swe_agent", "qwen35"),
        spec.labelsFor("hf://datasets/nvidia/Open-SWE-Traces/data/swe_agent/qwen35/nemotron/train-00000.parquet"));
    assertEquals(new AgentModel("openhands", "minimax_m25"),
        spec.labelsFor("hf://datasets/nvidia/Open-SWE-Traces@refs%2Fconvert%2Fparquet/openhands/minimax_m25/0000.parquet"));
    assertEquals(spec, InputSpec.parse(spec.toString()));
  }

  @Test
  void withoutLabelsThePathNamesThemOrNothingDoes() {
    InputSpec spec = InputSpec.parse("in/*.jsonl");
    assertEquals(new AgentModel(null, null), spec.labelsFor("in/a.jsonl"));
    assertEquals(new AgentModel("openhands", "m"), spec.labelsFor("in/data/openhands/m/src/a.jsonl"));
  }
}
