package dev.tracecurator.dedup;

import java.util.Arrays;

/**
 * The distinct word shingles of a text as 64-bit hashes. Words are runs of letters and digits,
 * lower-cased, so punctuation, indentation and line breaks do not tell two runs apart; a text of
 * fewer words than a shingle is one shingle of all its words.
 */
public final class WordShingles {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private WordShingles() {}

  /** The sorted, distinct hashes of every run of {@code size} consecutive words. */
  public static long[] of(String text, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a shingle has at least one word, not " + size);
    }
    long[] words = wordHashes(text);
    if (words.length == 0) {
      return new long[0];
    }
    return hashRuns(words, size, Math.max(1, words.length - size + 1));
  }

  /**
   * The sorted, distinct hashes of every run of exactly {@code size} consecutive words (hashed as
   * {@link #of} hashes them); a text of fewer words has none. Decontamination compares these, so a
   * short text never matches on a shorter span than asked for.
   */
  public static long[] ngrams(String text, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("an n-gram has at least one word, not " + size);
    }
    long[] words = wordHashes(text);
    return words.length < size ? new long[0] : hashRuns(words, size, words.length - size + 1);
  }

  private static long[] hashRuns(long[] words, int size, int count) {
    long[] shingles = new long[count];
    for (int start = 0; start < count; start++) {
      long h = FNV_OFFSET;
      for (int i = start; i < Math.min(words.length, start + size); i++) {
        h = (h ^ words[i]) * FNV_PRIME;
        h = Long.rotateLeft(h, 29);
      }
      shingles[start] = h;
    }
    Arrays.sort(shingles);
    return distinct(shingles);
  }

  /** One FNV-1a hash per word, in text order. */
  static long[] wordHashes(String text) {
    long[] out = new long[16];
    int n = 0;
    int i = 0;
    int length = text == null ? 0 : text.length();
    while (i < length) {
      int cp = text.codePointAt(i);
      if (!Character.isLetterOrDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      long h = FNV_OFFSET;
      while (i < length) {
        cp = text.codePointAt(i);
        if (!Character.isLetterOrDigit(cp)) {
          break;
        }
        h = (h ^ Character.toLowerCase(cp)) * FNV_PRIME;
        i += Character.charCount(cp);
      }
      if (n == out.length) {
        out = Arrays.copyOf(out, n * 2);
      }
      out[n++] = h;
    }
    return Arrays.copyOf(out, n);
  }

  private static long[] distinct(long[] sorted) {
    int n = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, n);
  }

  /** The exact Jaccard similarity of two sorted, distinct shingle sets (1 when both are empty). */
  public static double jaccard(long[] a, long[] b) {
    if (a.length == 0 && b.length == 0) {
      return 1.0;
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      int order = Long.compare(a[i], b[j]);
      if (order == 0) {
        common++;
        i++;
        j++;
      } else if (order < 0) {
        i++;
      } else {
        j++;
      }
    }
    return (double) common / (a.length + b.length - common);
  }
}
