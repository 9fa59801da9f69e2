package dev.tracecurator.dedup;

import dev.tracecurator.stats.StableHash;

/**
 * A row's near-duplicate cluster: its id, and the cluster's size on the row the cluster keeps
 * (0 on the others, so that each cluster is counted once).
 */
public record ClusterMembership(String cluster, long size) {

  /** A short, stable id for a cluster labelled by its smallest row id. */
  public static String clusterId(String label) {
    return String.format("nd-%016x", StableHash.mixed(label));
  }
}
