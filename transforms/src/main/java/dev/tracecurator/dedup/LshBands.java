package dev.tracecurator.dedup;

import java.io.Serializable;

/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut into {@code bands}
 * bands of {@code rows} positions; two runs that agree on every position of some band share that
 * band's key and become candidates. Two sets of Jaccard similarity s become candidates with
 * probability 1 - (1 - s^rows)^bands.
 */
public record LshBands(int bands, int rows) implements Serializable {
  /** Banding must find a pair at the threshold at least this often; the estimate then decides. */
  static final double RECALL_AT_THRESHOLD = 0.995;

  public LshBands {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be positive, not " + bands + " x " + rows);
    }
  }

  /**
   * The bands of a signature of {@code hashes} positions for a similarity threshold: the most
   * rows per band (fewest chance candidates, each of which costs a comparison) that still find a
   * pair at the threshold with probability {@link #RECALL_AT_THRESHOLD}.
   */
  public static LshBands forThreshold(double threshold, int hashes) {
    LshBands best = new LshBands(hashes, 1);
    for (int rows = 1; rows <= hashes; rows++) {
      LshBands candidate = new LshBands(hashes / rows, rows);
      if (candidate.candidateProbability(threshold) >= RECALL_AT_THRESHOLD) {
        best = candidate;
      }
    }
    return best;
  }

  public double candidateProbability(double similarity) {
    return 1 - Math.pow(1 - Math.pow(similarity, rows), bands);
  }

  /** One key per band; the band's index is part of the key, so equal values in different bands differ. */
  public long[] keys(int[] signature) {
    if (signature.length < bands * rows) {
      throw new IllegalArgumentException("a signature of " + signature.length + " hashes has no " + bands + " x " + rows + " bands");
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long h = MinHasher.mix(band + 0x632be59bd9b4e019L);
      for (int i = band * rows; i < (band + 1) * rows; i++) {
        h = MinHasher.mix(h ^ (signature[i] & 0xffffffffL));
      }
      keys[band] = h;
    }
    return keys;
  }
}
