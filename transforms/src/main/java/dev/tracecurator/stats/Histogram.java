package dev.tracecurator.stats;

import java.util.List;

/** Bin edges (bins + 1 of them) and the count in each bin, as numpy's {@code histogram} gives them. */
public record Histogram(List<Double> edges, List<Long> counts) {}
