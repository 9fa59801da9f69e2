package dev.tracecurator.sft;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.analysis.AnalysisRow;

/**
 * What the cross-trajectory rules need of a kept trajectory, a few hundred bytes instead of its
 * whole SFT example: the keys it is grouped by (the content hash duplicates share, the instance),
 * the order it is ranked in (quality score, trajectory id, file, line) and its row id (file and
 * line), by which the decision is routed back to the whole row. With near-duplicate detection on
 * it also carries the run's MinHash signature (half a kilobyte at 128 hashes), else null.
 */
public record SftCandidate(double quality, String trajectoryId, String sourceFile, long sourceLine, String contentHash,
    String instanceKey, int[] signature) {

  public SftCandidate(double quality, String trajectoryId, String sourceFile, long sourceLine, String contentHash,
      String instanceKey) {
    this(quality, trajectoryId, sourceFile, sourceLine, contentHash, instanceKey, null);
  }

  public static SftCandidate of(AnalysedTrajectory a) {
    AnalysisRow row = a.row();
    return new SftCandidate(row.score().quality(), row.trajectoryId(), row.sourceFile(), row.sourceLine(), a.contentHash(),
        SftSelection.instanceKey(row), a.nearDupSignature());
  }

  /** The row's position, which tells it from every other row read. */
  public String rowId() {
    return rowId(sourceFile, sourceLine);
  }

  public static String rowId(AnalysisRow row) {
    return rowId(row.sourceFile(), row.sourceLine());
  }

  private static String rowId(String file, long line) {
    return line + ":" + file;
  }
}
