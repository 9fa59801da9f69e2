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
      RunCounts counts, com.fasterxml.jackson.databind.JsonNode summary) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("tool", "trace-curator");
    node.put("pipeline", "curate");
    node.put("state", "DONE");
    node.put("beam_version", ReleaseInfo.getReleaseInfo().getSdkVersion());
    node.put("runner", options.getRunner().getSimpleName());
    ArrayNode inputs = node.putArray("inputs");
    ObjectNode labels = node.putObject("labels_from_inputs");
    for (InputSpec input : settings.inputs()) {
      inputs.add(input.toString());
      if (!input.labels().isEmpty()) {
        // Given by the input spec, applied only to rows that state none: not read from the rows.
        ArrayNode given = labels.putArray(input.glob());
        input.labels().forEach(given::add);
      }
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
    opts.put("maxRecordBytes", settings.maxRecordBytes());
    opts.put("maxJsonDepth", settings.maxJsonDepth());
    opts.put("readRangeBytes", settings.readRangeBytes());
    opts.put("minQualityScore", settings.sft().minQualityScore());
    opts.put("dedup", settings.dedup());
    opts.put("nearDedup", settings.sft().nearDup() == null ? 0.0 : settings.sft().nearDup().threshold());
    opts.put("maxPerInstance", settings.maxPerInstance());
    opts.put("excludeInstances", options.getExcludeInstances());
    opts.put("excludedInstanceIds", settings.sft().excludeInstances().size());
    opts.put("excludeRepos", options.getExcludeRepos());
    opts.put("excludedRepos", settings.sft().excludeRepos().size());
    ArrayNode benchmarks = opts.putArray("decontaminate");
    Benchmarks.globs(options.getDecontaminate()).forEach(benchmarks::add);
    opts.put("decontaminateNgram", options.getDecontaminateNgram());
    opts.put("benchmarkInstances", settings.benchmarks() == null ? 0 : settings.benchmarks().rows());
    opts.put("allowGitHistoryAccess", settings.sft().allowGitHistoryAccess());
    opts.put("secrets", settings.sft().secrets().name().toLowerCase(java.util.Locale.ROOT));
    opts.put("sftFormat", settings.layout().format().label());
    opts.put("sftFile", settings.layout().file().name().toLowerCase(java.util.Locale.ROOT));
    opts.put("chatTemplate", settings.sft().chatTemplate().name().toLowerCase(java.util.Locale.ROOT));
    opts.put("reasoning", settings.sft().keepReasoning() ? "keep" : "strip");
    opts.put("validationFraction", settings.layout().validationFraction());
    opts.put("shardSize", options.getShardSize());
    node.put("started_at", start.toString());
    node.put("finished_at", end.toString());
    double seconds = Math.max(1e-3, (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
    node.put("wall_seconds", seconds);
    node.put("rows_per_second", counts.read() / seconds);
    counts.toJson(node.putObject("counts"));
    // Counts per kind only: the values themselves are never written anywhere.
    node.set("secrets_found", summary.path("sft").path("secrets_found").deepCopy());
    node.set("contaminated_by_rule", summary.path("sft").path("contaminated_by_rule").deepCopy());
    ObjectNode outputs = node.putObject("outputs");
    outputs.put("analysis", CuratePipeline.ANALYSIS_DIR + "/*.csv");
    outputs.put("summary", CuratePipeline.SUMMARY_FILE);
    outputs.put("sft", CuratePipeline.SFT_DIR + "/*-of-*" + settings.layout().file().extension());
    outputs.put("sft_card", CuratePipeline.SFT_DIR + "/README.md");
    outputs.put("rejected", CuratePipeline.REJECTED_DIR + "/*.jsonl");
    if (settings.report()) {
      outputs.put("report", CuratePipeline.REPORT_DIR + "/index.html");
    }
    return node;
  }
}
