package dev.tracecurator.stats;

import dev.tracecurator.decontam.ContaminationRule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.sft.SftStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the combined counts into {@code stats/summary.json}, the tutorial's figures by name. */
public final class SummaryJson {
  public static final List<Integer> PERCENTILES = List.of(50, 75, 90, 95, 99);
  public static final List<Long> CONTEXT_WINDOWS = List.of(8_192L, 16_384L, 32_768L, 65_536L, 131_072L);
  public static final int TOP_TOOLS = 12;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SummaryJson() {}

  public static ObjectNode build(SummaryAccumulator acc, int minGroupSize) {
    return build(acc, minGroupSize, dev.tracecurator.tokens.Tokenizers.DEFAULT);
  }

  /** The summary, with {@code sft_tokens} and {@code train_tokens} labelled as counted by {@code tokenizer}. */
  public static ObjectNode build(SummaryAccumulator acc, int minGroupSize, String tokenizer) {
    ObjectNode out = NODES.objectNode();
    out.put("total_records", acc.total);
    out.put("trajectory_errors", acc.trajectoryErrors);
    ObjectNode languages = out.putObject("language_counts");
    acc.languageCounts.byCountDescending().forEach(e -> languages.put(e.getKey(), e.getValue()));
    ObjectNode sources = out.putObject("rows_by_agent_model");
    acc.agentModelCounts.asMap().forEach(sources::put);
    out.set("resolution_by_language", resolutionByLanguage(acc, minGroupSize));
    // What an empty resolution_by_language is explained by: the bar, and the group that came nearest.
    out.put("min_group_size", minGroupSize);
    acc.knownByLanguage.asMap().entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
        .ifPresent(e -> out.putObject("largest_labelled_language").put("language", e.getKey()).put("n", e.getValue()));
    ObjectNode byAgentModel = out.putObject("resolution_by_agent_model");
    ObjectNode byAgentModelN = out.putObject("resolution_by_agent_model_n");
    acc.knownByAgentModel.asMap().forEach((group, n) -> {
      byAgentModel.put(group, (double) acc.resolvedByAgentModel.get(group) / n);
      byAgentModelN.put(group, n);
    });
    out.set("numeric_summary", numericSummary(acc));
    ValueCounts tokens = acc.distribution("traj_tokens");
    tokenFigures(tokens, out.putObject("token_percentiles"), out.putObject("context_window_fit"));
    ObjectNode model = out.putObject("model_tokens");
    model.put("tokenizer", tokenizer);
    for (String column : SummaryAccumulator.MODEL_TOKEN_COLUMNS) {
      ValueCounts counts = acc.distribution(column);
      ObjectNode node = model.putObject(column);
      node.put("rows", counts.count());
      tokenFigures(counts, node.putObject("percentiles"), node.putObject("context_window_fit"));
    }
    ArrayNode top = out.putArray("top_tools");
    acc.toolTotals.byCountDescending().stream().limit(TOP_TOOLS)
        .forEach(e -> top.addArray().add(e.getKey()).add(e.getValue()));
    ObjectNode toolTotals = out.putObject("tool_totals");
    acc.toolTotals.byCountDescending().forEach(e -> toolTotals.put(e.getKey(), e.getValue()));
    ObjectNode meanTurns = out.putObject("mean_tool_turns_by_outcome");
    for (String outcome : List.of("resolved", "unresolved")) {
      long rows = acc.rowsByOutcome.get(outcome);
      if (rows > 0) {
        meanTurns.put(outcome, (double) acc.toolTurnSumsByOutcome.get(outcome) / rows);
      }
    }
    ValueCounts churn = acc.distribution("patch_churn");
    double churnP97 = churn.count() > 0 ? churn.quantile(0.97) : 0;
    out.put("patch_churn_p97", churnP97);
    ObjectNode extensions = out.putObject("patch_extension_counts");
    acc.patchExtensions.byCountDescending().forEach(e -> extensions.put(e.getKey(), e.getValue()));
    ObjectNode histograms = out.putObject("histograms");
    ValueCounts messages = acc.distribution("n_messages");
    histograms.set("n_messages", histogram(messages, 40, Double.POSITIVE_INFINITY));
    histograms.set("patch_churn_clipped_p97", histogram(churn, 40, churnP97));
    double tokensP99 = tokens.count() > 0 ? tokens.quantile(0.99) : 0;
    histograms.set("traj_tokens_clipped_p99", histogram(tokens, 50, tokensP99));
    ObjectNode scatter = out.putObject("scatter_sample");
    scatter.put("known_label_rows", acc.rowsByOutcome.total());
    ArrayNode points = scatter.putArray("points");
    acc.scatter.points().values().forEach(p -> points.addArray().add(p[0]).add(p[1]).add(p[2]));
    out.set("sft", sft(acc));
    return out;
  }

  private static ObjectNode resolutionByLanguage(SummaryAccumulator acc, int minGroupSize) {
    record Group(String language, double rate, long n) {}
    List<Group> groups = new ArrayList<>();
    acc.knownByLanguage.asMap().forEach((language, n) -> {
      if (n >= minGroupSize) {
        groups.add(new Group(language, (double) acc.resolvedByLanguage.get(language) / n, n));
      }
    });
    groups.sort((a, b) -> a.rate != b.rate ? Double.compare(b.rate, a.rate) : a.language.compareTo(b.language));
    ObjectNode out = NODES.objectNode();
    for (Group g : groups) {
      out.putObject(g.language).put("rate", g.rate).put("n", g.n);
    }
    return out;
  }

  /** Percentiles and the share fitting each context window; both empty without values. */
  private static void tokenFigures(ValueCounts tokens, ObjectNode percentiles, ObjectNode fit) {
    if (tokens.count() > 0) {
      PERCENTILES.forEach(p -> percentiles.put("p" + p, tokens.quantile(p / 100.0)));
      percentiles.put("max", tokens.max());
      CONTEXT_WINDOWS.forEach(w -> fit.put(Long.toString(w), tokens.fractionAtMost(w)));
    }
  }

  private static ObjectNode numericSummary(SummaryAccumulator acc) {
    ObjectNode out = NODES.objectNode();
    for (String column : SummaryAccumulator.DISTRIBUTION_COLUMNS) {
      ValueCounts values = acc.distribution(column);
      ObjectNode node = out.putObject(column);
      node.put("count", values.count());
      if (values.count() > 0) {
        node.put("mean", values.mean());
        putFinite(node, "std", values.std());
        node.put("min", values.min());
        node.put("25%", values.quantile(0.25));
        node.put("50%", values.quantile(0.50));
        node.put("75%", values.quantile(0.75));
        node.put("max", values.max());
      }
    }
    return out;
  }

  private static void putFinite(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }

  private static ObjectNode histogram(ValueCounts values, int bins, double clip) {
    Histogram h = values.histogram(bins, clip);
    ObjectNode node = NODES.objectNode();
    ArrayNode edges = node.putArray("edges");
    h.edges().forEach(edges::add);
    ArrayNode counts = node.putArray("counts");
    h.counts().forEach(counts::add);
    return node;
  }

  private static ObjectNode sft(SummaryAccumulator acc) {
    ObjectNode sft = NODES.objectNode();
    sft.put("kept", acc.sftStatus.get(SftStatus.KEPT.label()));
    ObjectNode byLanguage = sft.putObject("by_language");
    acc.sftKeptByLanguage.byCountDescending().forEach(e -> byLanguage.put(e.getKey(), e.getValue()));
    ObjectNode filtered = sft.putObject("filtered");
    for (SftStatus reason : SftStatus.reasons()) {
      filtered.put(reason.label(), acc.sftStatus.get(reason.label()));
    }
    ObjectNode byLicense = sft.putObject("kept_by_license");
    acc.sftKeptByLicense.byCountDescending().forEach(e -> byLicense.put(e.getKey(), e.getValue()));
    ObjectNode secrets = sft.putObject("secrets_found");
    acc.secretsByKind.byCountDescending().forEach(e -> secrets.put(e.getKey(), e.getValue()));
    sft.put("git_history_access", acc.gitHistoryAccess.get("trajectories"));
    ObjectNode contaminated = sft.putObject("contaminated_by_rule");
    for (ContaminationRule rule : ContaminationRule.values()) {
      contaminated.put(rule.label(), acc.contaminatedByRule.get(rule.label()));
    }
    ObjectNode nearDup = sft.putObject("near_duplicate_clusters");
    nearDup.put("clusters", acc.nearDupClusterSizes.total());
    ObjectNode bySize = nearDup.putObject("by_size");
    for (String bucket : NearDupClusterSizes.BUCKETS) {
      bySize.put(bucket, acc.nearDupClusterSizes.get(bucket));
    }
    return sft;
  }
}
