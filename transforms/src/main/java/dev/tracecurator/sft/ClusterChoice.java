package dev.tracecurator.sft;

/** The best candidate of a near-duplicate cluster so far and how many candidates the cluster has. */
public record ClusterChoice(SftCandidate best, long size) {}
