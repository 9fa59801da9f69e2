package dev.tracecurator.sft;

import dev.tracecurator.analysis.AnalysisRow;
import java.io.Serializable;
import java.util.Comparator;

/**
 * The rules that compare kept trajectories with each other: among exact duplicates one is kept,
 * and at most N per instance. Both keep the best first: highest quality score, then the smallest
 * trajectory id, file and line, so every runner and every run keeps the same ones.
 */
public final class SftSelection {
  public static final Comparator<SftCandidate> BEST_FIRST = (Comparator<SftCandidate> & Serializable) (a, b) -> {
    int order = Double.compare(-a.quality(), -b.quality());
    if (order == 0) {
      order = nullToEmpty(a.trajectoryId()).compareTo(nullToEmpty(b.trajectoryId()));
    }
    if (order == 0) {
      order = nullToEmpty(a.sourceFile()).compareTo(nullToEmpty(b.sourceFile()));
    }
    return order != 0 ? order : Long.compare(a.sourceLine(), b.sourceLine());
  };

  private SftSelection() {}

  /** The key trajectories of one instance share; a row without an instance id is its own group. */
  public static String instanceKey(AnalysisRow row) {
    return row.instanceId() != null ? "id:" + row.instanceId() : "row:" + row.sourceFile() + ":" + row.sourceLine();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
