package dev.tracecurator.dedup;

import dev.tracecurator.model.TrajectoryRecord;
import java.io.Serializable;

/**
 * How near duplicates are found: runs whose estimated Jaccard similarity over word shingles of
 * their {@link RunIdentityText identity text} is at least {@code threshold} are near duplicates.
 *
 * @param threshold the Jaccard similarity from which two runs are near duplicates, in (0, 1]
 * @param shingleWords words per shingle (5, as datatrove)
 * @param hashes MinHash signature length; more hashes estimate closer to the exact similarity
 * @param seed the seed of the hash family; signatures compare only under one seed
 * @param withToolOutput whether tool output (and later user turns) count as identity text
 */
public record NearDupSettings(double threshold, int shingleWords, int hashes, long seed, boolean withToolOutput)
    implements Serializable {
  public static final int DEFAULT_SHINGLE_WORDS = 5;
  public static final int DEFAULT_HASHES = 256;
  public static final long DEFAULT_SEED = 0x5eed_0f_d0_0dL;

  public NearDupSettings {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the near-duplicate threshold is a Jaccard similarity in (0, 1], not " + threshold);
    }
    if (shingleWords < 1 || hashes < 1) {
      throw new IllegalArgumentException("shingles and signatures need at least one word and one hash");
    }
  }

  public static NearDupSettings atThreshold(double threshold) {
    return new NearDupSettings(threshold, DEFAULT_SHINGLE_WORDS, DEFAULT_HASHES, DEFAULT_SEED, false);
  }

  public MinHasher hasher() {
    return new MinHasher(hashes, seed);
  }

  public LshBands bands() {
    return LshBands.forThreshold(threshold, hashes);
  }

  /** The run's signature; callers that sign many runs keep one {@link #hasher()} instead. */
  public int[] signature(TrajectoryRecord record, MinHasher hasher) {
    return hasher.signature(WordShingles.of(RunIdentityText.of(record, withToolOutput), shingleWords));
  }
}
