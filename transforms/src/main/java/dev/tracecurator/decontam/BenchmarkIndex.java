package dev.tracecurator.decontam;

import dev.tracecurator.dedup.RunIdentityText;
import dev.tracecurator.dedup.WordShingles;
import dev.tracecurator.model.GitCommit;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.sft.SftSettings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs are compared with to find benchmark instances in them, as hashes, never as the
 * benchmark's text: the word n-grams of every problem statement (64-bit, see {@link WordShingles}),
 * every gold patch's {@link NormalizedPatch} hash, the instance ids and the {@code repo@commit}
 * pairs. Built once when the run starts and shipped to every worker with the settings; it grows
 * with the benchmark (about 12 bytes an n-gram, so about 12 bytes a word of statement), never with
 * the rows curated.
 */
public final class BenchmarkIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int ngram;
  private final List<String> sources;
  private final String[] ids;
  /** Sorted, distinct; {@code ngramOwners[i]} is the first benchmark row with {@code ngramHashes[i]}. */
  private final long[] ngramHashes;
  private final int[] ngramOwners;
  private final long[] patchHashes;
  private final int[] patchOwners;
  private final Map<String, Integer> instanceIds;
  private final Map<String, Integer> repoCommits;

  private BenchmarkIndex(int ngram, List<String> sources, String[] ids, long[] ngramHashes, int[] ngramOwners, long[] patchHashes, int[] patchOwners,
      Map<String, Integer> instanceIds, Map<String, Integer> repoCommits) {
    this.ngram = ngram;
    this.sources = List.copyOf(sources);
    this.ids = ids;
    this.ngramHashes = ngramHashes;
    this.ngramOwners = ngramOwners;
    this.patchHashes = patchHashes;
    this.patchOwners = patchOwners;
    this.instanceIds = instanceIds;
    this.repoCommits = repoCommits;
  }

  /** The index of {@code rows}, their statements cut in n-grams of {@code ngram} words. */
  public static BenchmarkIndex of(List<BenchmarkRow> rows, int ngram) {
    return of(rows, ngram, List.of());
  }

  /** The same, naming the files the rows came from (for the reports). */
  public static BenchmarkIndex of(List<BenchmarkRow> rows, int ngram, List<String> sources) {
    if (ngram < 1) {
      throw new IllegalArgumentException("--decontaminateNgram must be at least 1 word, not " + ngram);
    }
    String[] ids = new String[rows.size()];
    List<long[]> ngrams = new ArrayList<>();
    List<long[]> patches = new ArrayList<>();
    Map<String, Integer> instanceIds = new HashMap<>();
    Map<String, Integer> repoCommits = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      BenchmarkRow row = rows.get(i);
      ids[i] = row.instanceId();
      instanceIds.putIfAbsent(row.instanceId(), i);
      String repoCommit = repoCommit(row.repo(), row.baseCommit());
      if (repoCommit != null) {
        repoCommits.putIfAbsent(repoCommit, i);
      }
      for (long h : WordShingles.ngrams(row.problemStatement(), ngram)) {
        ngrams.add(new long[] {h, i});
      }
      long patch = NormalizedPatch.hash(row.patch());
      if (patch != 0) {
        patches.add(new long[] {patch, i});
      }
    }
    long[][] n = sortedFirstOwners(ngrams);
    long[][] p = sortedFirstOwners(patches);
    return new BenchmarkIndex(ngram, new ArrayList<>(sources), ids, n[0], toInts(n[1]), p[0], toInts(p[1]), instanceIds, repoCommits);
  }

  /** {@code owner/name@commit}, or null when either is unknown. */
  static String repoCommit(String repo, String commit) {
    String key = SftSettings.repoKey(repo);
    String sha = GitCommit.orNull(commit);
    return key.isEmpty() || sha == null ? null : key + "@" + sha;
  }

  /** The pairs sorted by hash, one per hash, with its smallest owner. */
  private static long[][] sortedFirstOwners(List<long[]> pairs) {
    pairs.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    long[] hashes = new long[pairs.size()];
    long[] owners = new long[pairs.size()];
    int n = 0;
    for (long[] pair : pairs) {
      if (n == 0 || hashes[n - 1] != pair[0]) {
        hashes[n] = pair[0];
        owners[n] = pair[1];
        n++;
      }
    }
    return new long[][] {Arrays.copyOf(hashes, n), Arrays.copyOf(owners, n)};
  }

  private static int[] toInts(long[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (int) values[i];
    }
    return out;
  }

  /** The benchmark instance a run is, or null when it is none. */
  public Contamination match(TrajectoryRecord record) {
    return match(record.instanceId(), record.repo(), record.baseCommit(), RunIdentityText.taskStatement(record), record.modelPatch());
  }

  /** The first rule, in {@link ContaminationRule}'s order, that ties these to a benchmark row; null when none does. */
  public Contamination match(String instanceId, String repo, String baseCommit, String statement, String patch) {
    if (instanceId != null) {
      Integer owner = instanceIds.get(instanceId.strip());
      if (owner != null) {
        return new Contamination(ids[owner], ContaminationRule.INSTANCE_ID);
      }
    }
    String repoCommit = repoCommit(repo, baseCommit);
    if (repoCommit != null) {
      Integer owner = repoCommits.get(repoCommit);
      if (owner != null) {
        return new Contamination(ids[owner], ContaminationRule.REPO_COMMIT);
      }
    }
    if (patchHashes.length > 0) {
      int at = Arrays.binarySearch(patchHashes, NormalizedPatch.hash(patch));
      if (at >= 0) {
        return new Contamination(ids[patchOwners[at]], ContaminationRule.PATCH);
      }
    }
    if (ngramHashes.length > 0) {
      for (long h : WordShingles.ngrams(statement, ngram)) {
        int at = Arrays.binarySearch(ngramHashes, h);
        if (at >= 0) {
          return new Contamination(ids[ngramOwners[at]], ContaminationRule.NGRAM);
        }
      }
    }
    return null;
  }

  public int ngram() {
    return ngram;
  }

  /** The files the rows came from, as given. */
  public List<String> sources() {
    return sources;
  }

  /** Benchmark rows indexed. */
  public int rows() {
    return ids.length;
  }

  /** Distinct statement n-grams held. */
  public int ngrams() {
    return ngramHashes.length;
  }

  /** Distinct gold patches held. */
  public int patches() {
    return patchHashes.length;
  }

  /** Distinct {@code repo@commit} pairs held. */
  public int repoCommits() {
    return repoCommits.size();
  }
}
