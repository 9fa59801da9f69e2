package dev.tracecurator.sft;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.analysis.AnalysisRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules that compare kept trajectories with each other: among exact duplicates one is kept,
 * and at most N per instance. Both keep the best first: highest quality score, then the smallest
 * trajectory id, file and line, so every runner and every run keeps the same ones.
 */
public final class SftSelection {
  public static final Comparator<AnalysedTrajectory> BEST_FIRST = Comparator
      .comparingDouble((AnalysedTrajectory a) -> -a.row().score().quality())
      .thenComparing(a -> nullToEmpty(a.row().trajectoryId()))
      .thenComparing(a -> nullToEmpty(a.row().sourceFile()))
      .thenComparingLong(a -> a.row().sourceLine());

  private SftSelection() {}

  /** The first {@code keep} of a group stay kept; the rest are filtered with {@code status}. */
  public static List<AnalysedTrajectory> keepBest(Iterable<AnalysedTrajectory> group, int keep, SftStatus status) {
    List<AnalysedTrajectory> sorted = new ArrayList<>();
    group.forEach(sorted::add);
    sorted.sort(BEST_FIRST);
    List<AnalysedTrajectory> out = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      out.add(i < keep ? sorted.get(i) : sorted.get(i).filteredAs(status.label()));
    }
    return out;
  }

  /** The key trajectories of one instance share; a row without an instance id is its own group. */
  public static String instanceKey(AnalysisRow row) {
    return row.instanceId() != null ? "id:" + row.instanceId() : "row:" + row.sourceFile() + ":" + row.sourceLine();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
