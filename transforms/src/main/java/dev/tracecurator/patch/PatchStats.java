package dev.tracecurator.patch;

import java.util.List;
import java.util.Map;

/**
 * What a unified diff changes.
 *
 * @param files the changed paths, in order
 * @param additions added lines
 * @param deletions deleted lines
 * @param extensions changed files per lower-cased extension, as the tutorial counts them
 */
public record PatchStats(List<String> files, int additions, int deletions, Map<String, Integer> extensions) {
  public static final PatchStats EMPTY = new PatchStats(List.of(), 0, 0, Map.of());

  public int fileCount() {
    return files.size();
  }

  public int churn() {
    return additions + deletions;
  }
}
