package dev.tracecurator.stats;

import java.util.List;

/**
 * Near-duplicate cluster sizes in a few buckets, small sizes one by one and large ones by order of
 * magnitude: a chart stays readable and the tally stays small however many sizes occur.
 */
public final class NearDupClusterSizes {
  /** The buckets in chart order. */
  public static final List<String> BUCKETS = List.of("2", "3", "4", "5", "6-10", "11-100", "101-1000", "1001+");

  private NearDupClusterSizes() {}

  public static String bucket(long size) {
    if (size <= 5) {
      return Long.toString(Math.max(2, size));
    }
    if (size <= 10) {
      return "6-10";
    }
    if (size <= 100) {
      return "11-100";
    }
    return size <= 1000 ? "101-1000" : "1001+";
  }
}
