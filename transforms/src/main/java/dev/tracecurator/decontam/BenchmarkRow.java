package dev.tracecurator.decontam;

import dev.tracecurator.model.GitCommit;

/**
 * One benchmark instance as decontamination needs it; absent values are null.
 *
 * @param instanceId the benchmark's {@code instance_id}
 * @param repo its repository, any form {@link dev.tracecurator.sft.SftSettings#repoKey} reads
 * @param baseCommit the commit the task starts from (kept only when it is hex, see {@link GitCommit})
 * @param problemStatement the task as the benchmark states it
 * @param patch the gold patch
 */
public record BenchmarkRow(String instanceId, String repo, String baseCommit, String problemStatement, String patch) {
  public BenchmarkRow {
    if (instanceId == null || instanceId.isBlank()) {
      throw new IllegalArgumentException("a benchmark row needs an instance_id");
    }
    instanceId = instanceId.strip();
    baseCommit = GitCommit.orNull(baseCommit);
  }
}
