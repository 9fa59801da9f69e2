package dev.tracecurator.decontam;

import dev.tracecurator.dedup.RunIdentityText;
import dev.tracecurator.dedup.WordShingles;
import dev.tracecurator.model.GitCommit;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.sft.SftSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What runs are compared with to find benchmark instances in them, as hashes, never as the
 * benchmark's text: the word n-grams of every problem statement (64-bit, see {@link WordShingles}),
 * every gold patch's {@link NormalizedPatch} hash, the instance ids and the {@code repo@commit}
 * pairs. Hashed once when the run starts; workers are sent the {@link BenchmarkHashes} and merge
 * them into this. It grows with the benchmark (about 12 bytes an n-gram, so about 12 bytes a word
 * of statement), never with the rows curated.
 */
public final class BenchmarkIndex {

  private final int ngram;
  private final List<String> sources;
  private final List<BenchmarkHashes> hashes;
  private final String[] ids;
  /** Sorted, distinct; {@code ngramOwners[i]} is the first benchmark row with {@code ngramHashes[i]}. */
  private final long[] ngramHashes;
  private final int[] ngramOwners;
  private final long[] patchHashes;
  private final int[] patchOwners;
  private final Map<String, Integer> instanceIds;
  private final Map<String, Integer> repoCommits;

  private BenchmarkIndex(int ngram, List<String> sources, List<BenchmarkHashes> hashes, String[] ids, long[] ngramHashes, int[] ngramOwners, long[] patchHashes, int[] patchOwners,
      Map<String, Integer> instanceIds, Map<String, Integer> repoCommits) {
    this.ngram = ngram;
    this.sources = List.copyOf(sources);
    this.hashes = List.copyOf(hashes);
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
    List<BenchmarkHashes> hashes = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      hashes.add(BenchmarkHashes.of(i, rows.get(i), ngram));
    }
    return fromHashes(hashes, ngram, sources);
  }

  /** The index of rows already hashed (in any order: their positions order them). */
  public static BenchmarkIndex fromHashes(List<BenchmarkHashes> unordered, int ngram, List<String> sources) {
    List<BenchmarkHashes> rows = new ArrayList<>(unordered);
    rows.sort(java.util.Comparator.comparingInt(BenchmarkHashes::position));
    String[] ids = new String[rows.size()];
    long[][] ngrams = new long[rows.size()][];
    long[][] patches = new long[rows.size()][];
    Map<String, Integer> instanceIds = new HashMap<>();
    Map<String, Integer> repoCommits = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      BenchmarkHashes row = rows.get(i);
      ids[i] = row.instanceId();
      instanceIds.putIfAbsent(row.instanceId(), i);
      if (row.repoCommit() != null) {
        repoCommits.putIfAbsent(row.repoCommit(), i);
      }
      ngrams[i] = row.ngrams();
      patches[i] = row.patchHash() == 0 ? new long[0] : new long[] {row.patchHash()};
    }
    long[] ngramHashes = distinctSorted(ngrams);
    long[] patchHashes = distinctSorted(patches);
    return new BenchmarkIndex(ngram, new ArrayList<>(sources), rows, ids, ngramHashes, firstOwners(ngramHashes, ngrams), patchHashes,
        firstOwners(patchHashes, patches), instanceIds, repoCommits);
  }

  private static long[] distinctSorted(long[][] perRow) {
    long[] all = new long[Arrays.stream(perRow).mapToInt(a -> a.length).sum()];
    int n = 0;
    for (long[] hashes : perRow) {
      System.arraycopy(hashes, 0, all, n, hashes.length);
      n += hashes.length;
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    return Arrays.copyOf(all, distinct);
  }

  /** For each hash, the first row (in the benchmark's order) that has it. */
  private static int[] firstOwners(long[] hashes, long[][] perRow) {
    int[] owners = new int[hashes.length];
    Arrays.fill(owners, -1);
    for (int row = 0; row < perRow.length; row++) {
      for (long h : perRow[row]) {
        int at = Arrays.binarySearch(hashes, h);
        if (owners[at] < 0) {
          owners[at] = row;
        }
      }
    }
    return owners;
  }

  /** {@code owner/name@commit}, or null when either is unknown. */
  static String repoCommit(String repo, String commit) {
    String key = SftSettings.repoKey(repo);
    String sha = GitCommit.orNull(commit);
    return key.isEmpty() || sha == null ? null : key + "@" + sha;
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

  /** What the index was built from, one element per benchmark row: what workers are sent to build it again. */
  public List<BenchmarkHashes> hashes() {
    return hashes;
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
