package dev.tracecurator.dedup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tracecurator.coders.SignatureCoder;
import dev.tracecurator.testing.TestPipelines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

/**
 * Clusters found by {@link ClusterNearDuplicates} against exact Jaccard similarity computed by
 * brute force over every pair. The rows are generated, not real ({@link GeneratedNearDuplicates}):
 * 2,000 texts, 1,200 unrelated, the rest near duplicates planted with a known fraction of their
 * words replaced, many of them close to the 0.8 threshold on either side.
 *
 * <p>Rows are what deduplication acts on: a row is rightly clustered when some other row is at
 * least 0.8 like it. Pairs in one cluster are recalled as well, but their precision is not a
 * measure of this method: clusters are connected components, so two copies of one base, each 0.8
 * like the base, share its cluster even when they are less like each other. That figure is
 * printed, not asserted.
 */
class NearDuplicateRecallTest {
  private static final double THRESHOLD = 0.8;

  @Test
  void findsNearDuplicatesWithPrecisionAndRecallAbove95Percent() throws Throwable {
    NearDupSettings settings = NearDupSettings.atThreshold(THRESHOLD);
    List<String> texts = GeneratedNearDuplicates.texts(new Random(2026), 2_000);
    MinHasher hasher = settings.hasher();
    List<KV<String, int[]>> signatures = new ArrayList<>();
    ArrayList<long[]> shingles = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      long[] s = WordShingles.of(texts.get(i), settings.shingleWords());
      shingles.add(s);
      signatures.add(KV.of(String.format("row-%05d", i), hasher.signature(s)));
    }
    TestPipelines.run(getClass(), "recall", pipeline -> {
      PCollection<KV<String, String>> labels = pipeline
          .apply(Create.of(signatures).withCoder(KvCoder.of(StringUtf8Coder.of(), SignatureCoder.of())))
          .apply(ClusterNearDuplicates.with(settings));
      PAssert.that(labels).satisfies(found -> {
        Scores scores = Scores.of(found, shingles);
        System.out.println("near-duplicate pairs vs brute force at " + THRESHOLD + ": " + scores);
        assertTrue(scores.pairRecall() >= 0.95, scores.toString());
        assertTrue(scores.rowPrecision() >= 0.95, scores.toString());
        assertTrue(scores.rowRecall() >= 0.95, scores.toString());
        return null;
      });
      pipeline.run().waitUntilFinish();
    });
  }

  /**
   * Pair scores count pairs in one cluster against pairs at or above the threshold; row scores
   * count rows in some cluster against rows with some partner at or above it (what deduplication
   * acts on).
   */
  record Scores(long truePairs, long foundPairs, long bothPairs, long trueRows, long foundRows, long bothRows) {
    static Scores of(Iterable<KV<String, String>> found, List<long[]> shingles) {
      Map<Integer, String> label = new HashMap<>();
      for (KV<String, String> kv : found) {
        label.put(Integer.parseInt(kv.getKey().substring(4)), kv.getValue());
      }
      long truePairs = 0;
      long foundPairs = 0;
      long bothPairs = 0;
      Set<Integer> trueRows = new HashSet<>();
      for (int i = 0; i < shingles.size(); i++) {
        for (int j = i + 1; j < shingles.size(); j++) {
          boolean near = WordShingles.jaccard(shingles.get(i), shingles.get(j)) >= THRESHOLD;
          boolean together = label.containsKey(i) && label.get(i).equals(label.get(j));
          truePairs += near ? 1 : 0;
          foundPairs += together ? 1 : 0;
          bothPairs += near && together ? 1 : 0;
          if (near) {
            trueRows.add(i);
            trueRows.add(j);
          }
        }
      }
      long bothRows = label.keySet().stream().filter(trueRows::contains).count();
      return new Scores(truePairs, foundPairs, bothPairs, trueRows.size(), label.size(), bothRows);
    }

    double pairPrecision() {
      return foundPairs == 0 ? 1 : (double) bothPairs / foundPairs;
    }

    double pairRecall() {
      return truePairs == 0 ? 1 : (double) bothPairs / truePairs;
    }

    double rowPrecision() {
      return foundRows == 0 ? 1 : (double) bothRows / foundRows;
    }

    double rowRecall() {
      return trueRows == 0 ? 1 : (double) bothRows / trueRows;
    }

    @Override
    public String toString() {
      return String.format("pairs: %d true, %d found, precision %.4f, recall %.4f; rows: %d true, %d found, precision %.4f,"
          + " recall %.4f", truePairs, foundPairs, pairPrecision(), pairRecall(), trueRows, foundRows, rowPrecision(), rowRecall());
    }
  }
}
