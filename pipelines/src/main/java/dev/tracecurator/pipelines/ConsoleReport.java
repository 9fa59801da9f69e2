package dev.tracecurator.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** The tutorial's step summaries, printed from the run's outputs once the job is done. */
final class ConsoleReport {
  private static final String RULE = "=".repeat(78);
  private static final int EXAMPLE_CHARS = 600;

  private final PrintStream out;

  ConsoleReport(PrintStream out) {
    this.out = out;
  }

  void print(JsonNode summary, Optional<String> chatMlExample, String outputRoot, double seconds) {
    JsonNode counts = summary.path("counts");
    banner("STEP 1 — Rows per source (agent / model)");
    fields(summary.path("rows_by_agent_model")).forEachRemaining(e ->
        out.printf("  %-30s %6d rows%n", e.getKey(), e.getValue().asLong()));
    out.printf("%n  Read %,d records: %,d analysed, %,d rejected (see rejected/).%n",
        counts.path("read").asLong(), counts.path("analysed").asLong(), counts.path("rejected").asLong());

    banner("STEP 3 — Analysis table: numeric summary");
    JsonNode numeric = summary.path("numeric_summary");
    out.printf("  %-12s %8s %10s %10s %8s %9s %9s %9s %9s%n", "", "count", "mean", "std", "min", "25%", "50%", "75%", "max");
    fields(numeric).forEachRemaining(e -> {
      JsonNode c = e.getValue();
      out.printf("  %-12s %8d %10.1f %10.1f %8.1f %9.1f %9.1f %9.1f %9.1f%n", e.getKey(), c.path("count").asLong(),
          c.path("mean").asDouble(), c.path("std").asDouble(), c.path("min").asDouble(), c.path("25%").asDouble(),
          c.path("50%").asDouble(), c.path("75%").asDouble(), c.path("max").asDouble());
    });

    banner("STEP 4 — Distributions");
    out.println("  Trajectories per language:");
    fields(summary.path("language_counts")).forEachRemaining(e ->
        out.printf("    %-14s %6d%n", e.getKey(), e.getValue().asLong()));
    out.println("\n  Resolution rate by language (n >= min group size):");
    fields(summary.path("resolution_by_language")).forEachRemaining(e ->
        out.printf("    %-14s %6.3f  (n=%d)%n", e.getKey(), e.getValue().path("rate").asDouble(), e.getValue().path("n").asLong()));
    out.println("\n  Resolution rate by scaffold x model:");
    fields(summary.path("resolution_by_agent_model")).forEachRemaining(e ->
        out.printf("    %-30s %6.3f%n", e.getKey(), e.getValue().asDouble()));

    banner("STEP 5 — Token budget (what context window do you need?)");
    out.println("  Tokens per trajectory (cl100k_base) — percentiles:");
    fields(summary.path("token_percentiles")).forEachRemaining(e ->
        out.printf("    %-4s: %,10d%n", e.getKey(), (long) e.getValue().asDouble()));
    out.println("\n  Fraction of trajectories that fit in a given context window:");
    fields(summary.path("context_window_fit")).forEachRemaining(e ->
        out.printf("    %,9d tokens : %5.1f%%%n", Long.parseLong(e.getKey()), e.getValue().asDouble() * 100));

    banner("STEP 6 — Which tools/actions do the agents use?");
    for (JsonNode tool : summary.path("top_tools")) {
      out.printf("    %-24s %,9d%n", tool.get(0).asText(), tool.get(1).asLong());
    }
    out.println("\n  Mean 'tool' (environment) turns by outcome:");
    fields(summary.path("mean_tool_turns_by_outcome")).forEachRemaining(e ->
        out.printf("    %-12s %8.2f%n", e.getKey(), e.getValue().asDouble()));

    banner("STEP 7 — Curated SFT subset");
    JsonNode sft = summary.path("sft");
    out.printf("  Kept %,d / %,d trajectories after filtering%n", sft.path("kept").asLong(), summary.path("total_records").asLong());
    out.println("  Filtered, by first failing reason:");
    fields(sft.path("filtered")).forEachRemaining(e -> out.printf("    %-24s %6d%n", e.getKey(), e.getValue().asLong()));
    out.println("  Kept by language:");
    fields(sft.path("by_language")).forEachRemaining(e -> out.printf("    %-14s %6d%n", e.getKey(), e.getValue().asLong()));
    chatMlExample.ifPresent(text -> {
      out.println("\n  --- One formatted SFT example (ChatML, truncated) ---");
      out.println(text.length() > EXAMPLE_CHARS ? text.substring(0, EXAMPLE_CHARS) + " …" : text);
    });

    banner("STEP 8 — Outputs");
    out.printf("  %s/analysis/*.csv, stats/summary.json, sft/*.jsonl, rejected/*.jsonl, manifest.json%n", outputRoot);
    out.printf("  charts and tables: %s/report/index.html (unless --report=false)%n", outputRoot);
    out.printf("  %,d records in %.1f s (%,.0f rows/s)%n", counts.path("read").asLong(), seconds,
        counts.path("read").asLong() / Math.max(seconds, 1e-3));
  }

  private void banner(String title) {
    out.printf("%n%s%n %s%n%s%n", RULE, title, RULE);
  }

  private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return node.fields();
  }
}
