package dev.tracecurator.stats;

import dev.tracecurator.analysis.AnalysisRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code stats/summary.json} is computed from, as mergeable counts: one pass over the
 * rows, no row kept. Grouped figures are tallies keyed by group.
 */
public final class SummaryAccumulator {
  /** The columns whose exact distribution is kept: the tutorial's {@code describe()} columns. */
  public static final List<String> DISTRIBUTION_COLUMNS =
      List.of("n_messages", "n_assistant", "n_tool", "patch_files", "patch_churn", "traj_tokens");
  /** Counts in {@code --tokenizer}'s tokens of rows whose SFT text was rendered; not in {@code numeric_summary}. */
  public static final List<String> MODEL_TOKEN_COLUMNS = List.of("sft_tokens", "train_tokens");
  static final List<String> ALL_COLUMNS = java.util.stream.Stream.concat(DISTRIBUTION_COLUMNS.stream(),
      MODEL_TOKEN_COLUMNS.stream()).toList();

  long total;
  long trajectoryErrors;
  /** Records the run rejected: not rows, so in no figure but the run's counts. */
  long rejected;
  final Tally languageCounts = new Tally();
  final Tally agentModelCounts = new Tally();
  final Tally knownByLanguage = new Tally();
  final Tally resolvedByLanguage = new Tally();
  final Tally knownByAgentModel = new Tally();
  final Tally resolvedByAgentModel = new Tally();
  final Tally toolTotals = new Tally();
  final Tally toolTurnSumsByOutcome = new Tally();
  final Tally rowsByOutcome = new Tally();
  final Tally sftStatus = new Tally();
  final Tally sftKeptByLanguage = new Tally();
  final Tally patchExtensions = new Tally();
  final Tally sftKeptByLicense = new Tally();
  final Tally secretsByKind = new Tally();
  final Tally gitHistoryAccess = new Tally();
  /** Near-duplicate clusters by size bucket ({@link NearDupClusterSizes}), each counted at the row it kept. */
  final Tally nearDupClusterSizes = new Tally();
  /** Rows filtered as {@code contaminated}, by the rule that matched them (so they add up to the filter's count). */
  final Tally contaminatedByRule = new Tally();
  final Map<String, ValueCounts> distributions = new LinkedHashMap<>();
  /** The scatter plot's points: rows with a known label whose keys hash lowest; see {@link ScatterSample}. */
  final ScatterSample scatter = new ScatterSample(ScatterSample.DEFAULT_POINTS);

  public SummaryAccumulator() {
    for (String column : ALL_COLUMNS) {
      distributions.put(column, new ValueCounts());
    }
  }

  public void add(AnalysisRow row) {
    total++;
    if (row.trajectoryError() != null) {
      trajectoryErrors++;
    }
    languageCounts.add(row.language(), 1);
    agentModelCounts.add(row.agent() + "/" + row.model(), 1);
    if (row.knownLabel()) {
      long resolved = row.isResolved() ? 1 : 0;
      String agentModel = row.agent() + "/" + row.model();
      knownByLanguage.add(row.language(), 1);
      resolvedByLanguage.add(row.language(), resolved);
      knownByAgentModel.add(agentModel, 1);
      resolvedByAgentModel.add(agentModel, resolved);
      String outcome = row.isResolved() ? "resolved" : "unresolved";
      toolTurnSumsByOutcome.add(outcome, row.nTool());
      rowsByOutcome.add(outcome, 1);
      // Keyed by file name, not path: the same files read from another place give the same sample.
      String file = row.sourceFile() == null ? "" : row.sourceFile().substring(row.sourceFile().lastIndexOf('/') + 1);
      scatter.add(row.trajectoryId() + "|" + file + ":" + row.sourceLine(), row.nMessages(), row.trajTokens(), row.isResolved());
    }
    row.toolCounts().forEach((name, count) -> toolTotals.add(name, count));
    row.patchExtensions().forEach((ext, count) -> patchExtensions.add(ext, count));
    sftStatus.add(row.sftStatus(), 1);
    if (row.sftKept()) {
      sftKeptByLanguage.add(row.language(), 1);
      sftKeptByLicense.add(row.license() == null || row.license().isBlank() ? "unknown" : row.license(), 1);
    }
    row.score().secrets().forEach((kind, count) -> secretsByKind.add(kind, count));
    if (row.nearDupClusterSize() != null) {
      nearDupClusterSizes.add(NearDupClusterSizes.bucket(row.nearDupClusterSize()), 1);
    }
    if ("contaminated".equals(row.sftStatus()) && row.contaminationRule() != null) {
      contaminatedByRule.add(row.contaminationRule(), 1);
    }
    if (row.score().gitHistoryAccess() != null) {
      gitHistoryAccess.add("trajectories", 1);
    }
    distributions.get("n_messages").add(row.nMessages());
    distributions.get("n_assistant").add(row.nAssistant());
    distributions.get("n_tool").add(row.nTool());
    distributions.get("patch_files").add(row.patchFiles());
    distributions.get("patch_churn").add(row.patchChurn());
    distributions.get("traj_tokens").add(row.trajTokens());
    if (row.sftTokens() != null) {
      distributions.get("sft_tokens").add(row.sftTokens());
    }
    if (row.trainTokens() != null) {
      distributions.get("train_tokens").add(row.trainTokens());
    }
  }

  /** One record the run rejected before it became a row. */
  public void addRejected() {
    rejected++;
  }

  public void merge(SummaryAccumulator other) {
    total += other.total;
    trajectoryErrors += other.trajectoryErrors;
    rejected += other.rejected;
    for (int i = 0; i < tallies().size(); i++) {
      tallies().get(i).addAll(other.tallies().get(i));
    }
    distributions.forEach((column, counts) -> counts.addAll(other.distributions.get(column)));
    scatter.addAll(other.scatter);
  }

  /** The tallies in a fixed order, for merging and encoding. */
  List<Tally> tallies() {
    return List.of(languageCounts, agentModelCounts, knownByLanguage, resolvedByLanguage, knownByAgentModel, resolvedByAgentModel,
        toolTotals, toolTurnSumsByOutcome, rowsByOutcome, sftStatus, sftKeptByLanguage, patchExtensions,
        sftKeptByLicense, secretsByKind, gitHistoryAccess, nearDupClusterSizes, contaminatedByRule);
  }

  public long total() {
    return total;
  }

  public long rejected() {
    return rejected;
  }

  public ValueCounts distribution(String column) {
    return distributions.get(column);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SummaryAccumulator a && a.total == total && a.trajectoryErrors == trajectoryErrors
        && a.rejected == rejected && a.tallies().equals(tallies()) && a.distributions.equals(distributions)
        && a.scatter.equals(scatter);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(total) * 31 + tallies().hashCode();
  }
}
