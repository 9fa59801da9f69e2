package dev.tracecurator.analysis;

import dev.tracecurator.model.DeflatedText;

/**
 * A trajectory after analysis: its table row and, while it is kept for SFT, its SFT example as a
 * JSON line (deflated until it is written), the content hash duplicates share and, when near
 * duplicates are looked for, its MinHash signature (each null otherwise).
 */
public record AnalysedTrajectory(AnalysisRow row, DeflatedText sftExample, String contentHash, int[] nearDupSignature) {

  public static AnalysedTrajectory of(AnalysisRow row, String sftJson, String contentHash) {
    return of(row, sftJson, contentHash, null);
  }

  public static AnalysedTrajectory of(AnalysisRow row, String sftJson, String contentHash, int[] nearDupSignature) {
    return new AnalysedTrajectory(row, sftJson == null ? null : DeflatedText.of(sftJson), contentHash, nearDupSignature);
  }

  public boolean kept() {
    return sftExample != null;
  }

  /** The SFT example's JSON line (inflated at each call), or null when the row is not kept. */
  public String sftJson() {
    return sftExample == null ? null : sftExample.text();
  }

  /** Filtered by a rule that compares trajectories: the example is dropped, the row says why. */
  public AnalysedTrajectory filteredAs(String status) {
    return new AnalysedTrajectory(row.withSftStatus(status), null, null, null);
  }
}
