package dev.tracecurator.stats;

import dev.tracecurator.analysis.AnalysisRow;

/**
 * What the summary combines: an analysis row, one rejected record (counted, nothing else), or
 * nothing at all, which makes sure the combine sees an input even when the run read none.
 *
 * @param row the row, or null for the other two
 * @param rejected whether this stands for one rejected record
 */
public record StatisticsInput(AnalysisRow row, boolean rejected) {
  private static final StatisticsInput REJECTED = new StatisticsInput(null, true);
  private static final StatisticsInput NOTHING = new StatisticsInput(null, false);

  public static StatisticsInput of(AnalysisRow row) {
    return new StatisticsInput(java.util.Objects.requireNonNull(row), false);
  }

  public static StatisticsInput oneRejected() {
    return REJECTED;
  }

  public static StatisticsInput nothing() {
    return NOTHING;
  }
}
