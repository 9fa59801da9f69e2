package dev.tracecurator.decontam;

/**
 * A run found in a benchmark: the benchmark instance it matched and the first rule that matched.
 *
 * @param benchmarkId the benchmark row's {@code instance_id}
 * @param rule the first rule, in {@link ContaminationRule}'s order, that tied them
 */
public record Contamination(String benchmarkId, ContaminationRule rule) {}
