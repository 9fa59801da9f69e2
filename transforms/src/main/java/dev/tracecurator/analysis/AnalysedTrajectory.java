package dev.tracecurator.analysis;

/**
 * A trajectory after analysis: its table row, and its SFT example as a JSON line when it is kept.
 */
public record AnalysedTrajectory(AnalysisRow row, String sftJson) {}
