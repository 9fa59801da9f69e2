package dev.tracecurator.secrets;

import java.util.List;
import java.util.Locale;

/**
 * Finds the next occurrence of any of a few ASCII keywords, ignoring case, in one left-to-right
 * pass. A table of the keywords' first two letters (case-folded) rejects almost every position
 * with two array reads, so the pass costs about as much as copying the text; a case-insensitive
 * regex alternation would instead try every keyword at every position.
 */
final class KeywordScanner {
  private final List<String> keywords;
  private final boolean[] firstPairs = new boolean[128 * 128];

  KeywordScanner(String... keywords) {
    this.keywords = List.of(keywords);
    for (String k : keywords) {
      if (k.length() < 2 || !k.chars().allMatch(c -> c < 128)) {
        throw new IllegalArgumentException("keywords must be ASCII, 2+ chars: " + k);
      }
      String lower = k.toLowerCase(Locale.ROOT);
      firstPairs[pair(lower.charAt(0), lower.charAt(1))] = true;
    }
  }

  /** Index of the first keyword occurrence at or after {@code from}, or -1. */
  int next(String text, int from) {
    int last = text.length() - 1;
    for (int i = Math.max(from, 0); i < last; i++) {
      char c0 = text.charAt(i);
      char c1 = text.charAt(i + 1);
      if (c0 < 128 && c1 < 128 && firstPairs[pair(fold(c0), fold(c1))] && startsWithKeyword(text, i)) {
        return i;
      }
    }
    return -1;
  }

  private boolean startsWithKeyword(String text, int i) {
    for (String k : keywords) {
      if (text.regionMatches(true, i, k, 0, k.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lower-cases ASCII letters. It also maps some punctuation onto other punctuation, which only
   * costs an extra {@code regionMatches} since keywords are checked exactly afterwards.
   */
  private static char fold(char c) {
    return (char) (c | 0x20);
  }

  private static int pair(char c0, char c1) {
    return (c0 & 0x7f) << 7 | (c1 & 0x7f);
  }
}
