package dev.tracecurator.score;

import java.util.Map;

/**
 * A trajectory's score and the flags the SFT filters read.
 *
 * @param components the parts of the quality score
 * @param quality the combined score in [0, 1]
 * @param gitHistoryAccess the first command that reads other history, null when none does
 * @param secrets credentials found per kind (labels), empty when none
 */
public record TrajectoryScore(ScoreComponents components, double quality, String gitHistoryAccess, Map<String, Integer> secrets) {
  public TrajectoryScore {
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
  }

  public int secretsFound() {
    return secrets.values().stream().mapToInt(Integer::intValue).sum();
  }
}
