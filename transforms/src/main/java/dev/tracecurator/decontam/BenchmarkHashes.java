package dev.tracecurator.decontam;

import java.io.Serializable;

/**
 * One benchmark instance as the index holds it: hashes and names, never its text. The index is
 * shipped to workers as these, one element each (a few KB), because one element of the whole
 * index (1.5 MB for SWE-bench Verified) is more than Flink's sort buffer takes.
 *
 * @param position the instance's place among all benchmark rows read, so that where two share a
 *     hash the first is named, whatever order the elements arrive in
 * @param instanceId the benchmark's {@code instance_id}
 * @param repoCommit {@code owner/name@commit}, or null when either is unknown
 * @param patchHash the normalised gold patch's hash ({@link NormalizedPatch#hash}); 0 for none
 * @param ngrams the sorted, distinct hashes of its statement's n-grams
 */
public record BenchmarkHashes(int position, String instanceId, String repoCommit, long patchHash, long[] ngrams)
    implements Serializable {

  /** The hashes of one benchmark row at {@code position}, its statement cut in n-grams of {@code ngram} words. */
  public static BenchmarkHashes of(int position, BenchmarkRow row, int ngram) {
    return new BenchmarkHashes(position, row.instanceId(), BenchmarkIndex.repoCommit(row.repo(), row.baseCommit()),
        NormalizedPatch.hash(row.patch()), dev.tracecurator.dedup.WordShingles.ngrams(row.problemStatement(), ngram));
  }
}
