package dev.tracecurator.dedup;

import java.io.Serializable;

/**
 * MinHash signatures from a fixed, seeded family of hash functions: the i-th function is a
 * 64-bit mix of the shingle with the i-th seed, which splitmix64 derives from one seed, so every
 * JVM, worker and run computes the same signature. The chance that two sets agree at one position
 * is their Jaccard similarity; the share of agreeing positions estimates it.
 */
public final class MinHasher implements Serializable {
  private final long[] seeds;

  public MinHasher(int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("a signature has at least one hash, not " + size);
    }
    seeds = new long[size];
    long state = seed;
    for (int i = 0; i < size; i++) {
      state += 0x9e3779b97f4a7c15L;
      seeds[i] = mix(state);
    }
  }

  public int size() {
    return seeds.length;
  }

  /**
   * The minimum of each function over the shingles, kept as the top 32 bits: two different
   * minima collide once in four billion, far below the estimate's own error. An empty set's
   * signature is all {@link Integer#MAX_VALUE}.
   */
  public int[] signature(long[] shingles) {
    int[] signature = new int[seeds.length];
    for (int i = 0; i < seeds.length; i++) {
      long seed = seeds[i];
      long min = Long.MAX_VALUE;
      for (long shingle : shingles) {
        long h = mix(shingle ^ seed) >>> 1;
        if (h < min) {
          min = h;
        }
      }
      signature[i] = (int) (min >>> 31);
    }
    return signature;
  }

  /** The estimated Jaccard similarity: the share of positions where two signatures agree. */
  public static double similarity(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("signatures of " + a.length + " and " + b.length + " hashes");
    }
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return (double) same / a.length;
  }

  /** splitmix64's finaliser: every output bit depends on every input bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
