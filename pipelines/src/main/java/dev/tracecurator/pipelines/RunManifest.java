package dev.tracecurator.pipelines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.io.InputSpec;
import dev.tracecurator.stats.RunCounts;
import java.time.Instant;
import org.apache.beam.sdk.util.ReleaseInfo;

/** {@code manifest.json}: what ran, on what, with which options, and the reconciled counts. */
final class RunManifest {
  private RunManifest() {}

  static ObjectNode build(CurateOptions options, CuratePipeline.Settings settings, Instant start, Instant end,
      RunCounts counts) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("tool", "trace-curator");
    node.put("pipeline", "curate");
    node.put("state", "DONE");
    node.put("beam_version", ReleaseInfo.getReleaseInfo().getSdkVersion());
    node.put("runner", options.getRunner().getSimpleName());
    ArrayNode inputs = node.putArray("inputs");
    for (InputSpec input : settings.inputs()) {
      inputs.add(input.toString());
    }
    ObjectNode opts = node.putObject("options");
    opts.put("output", settings.output());
    opts.put("requireResolved", settings.sft().requireResolved());
    opts.put("maxSftTokens", settings.sft().maxTokens());
    ArrayNode languages = opts.putArray("languages");
    settings.sft().languages().stream().sorted().forEach(languages::add);
    opts.put("minGroupSize", settings.minGroupSize());
    opts.put("overwrite", options.getOverwrite());
    opts.put("report", settings.report());
    opts.put("limitPerSource", settings.limitPerSource());
    node.put("started_at", start.toString());
    node.put("finished_at", end.toString());
    double seconds = Math.max(1e-3, (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
    node.put("wall_seconds", seconds);
    node.put("rows_per_second", counts.read() / seconds);
    counts.toJson(node.putObject("counts"));
    ObjectNode outputs = node.putObject("outputs");
    outputs.put("analysis", CuratePipeline.ANALYSIS_DIR + "/*.csv");
    outputs.put("summary", CuratePipeline.SUMMARY_FILE);
    outputs.put("sft", CuratePipeline.SFT_DIR + "/*.jsonl");
    outputs.put("rejected", CuratePipeline.REJECTED_DIR + "/*.jsonl");
    if (settings.report()) {
      outputs.put("report", CuratePipeline.REPORT_DIR + "/index.html");
    }
    return node;
  }
}
