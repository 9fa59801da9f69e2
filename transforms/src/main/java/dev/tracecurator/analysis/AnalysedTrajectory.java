package dev.tracecurator.analysis;

/**
 * A trajectory after analysis: its table row and, while it is kept for SFT, its SFT example as a
 * JSON line, the content hash duplicates share and, when near duplicates are looked for, its
 * MinHash signature (each null otherwise).
 */
public record AnalysedTrajectory(AnalysisRow row, String sftJson, String contentHash, int[] nearDupSignature) {

  public AnalysedTrajectory(AnalysisRow row, String sftJson, String contentHash) {
    this(row, sftJson, contentHash, null);
  }

  public boolean kept() {
    return sftJson != null;
  }

  /** Filtered by a rule that compares trajectories: the example is dropped, the row says why. */
  public AnalysedTrajectory filteredAs(String status) {
    return new AnalysedTrajectory(row.withSftStatus(status), null, null, null);
  }
}
