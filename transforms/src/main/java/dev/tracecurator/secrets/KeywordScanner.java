package dev.tracecurator.secrets;

import java.util.Locale;

/**
 * Finds the next occurrence of any of a few ASCII keywords, ignoring case, in one left-to-right
 * pass. No longer on the scan's path: {@link TriggerAutomaton} finds the keywords in the same pass
 * as every other trigger, and is checked against this scanner (TriggerAutomatonTest). A table of the keywords' first two letters (case-folded) rejects almost every position
 * with two array reads, so the pass costs about as much as copying the text; a case-insensitive
 * regex alternation would instead try every keyword at every position.
 */
final class KeywordScanner {
  /** The lower-cased keywords that begin with each pair of first letters; null for none. */
  private final String[][] byFirstPair = new String[128 * 128][];

  KeywordScanner(String... keywords) {
    for (String k : keywords) {
      if (k.length() < 2 || !k.chars().allMatch(c -> c < 128)) {
        throw new IllegalArgumentException("keywords must be ASCII, 2+ chars: " + k);
      }
      String lower = k.toLowerCase(Locale.ROOT);
      int pair = pair(lower.charAt(0), lower.charAt(1));
      String[] known = byFirstPair[pair] == null ? new String[0] : byFirstPair[pair];
      String[] more = java.util.Arrays.copyOf(known, known.length + 1);
      more[known.length] = lower;
      byFirstPair[pair] = more;
    }
  }

  /** Index of the first keyword occurrence at or after {@code from}, or -1. */
  int next(String text, int from) {
    int last = text.length() - 1;
    for (int i = Math.max(from, 0); i < last; i++) {
      char c0 = text.charAt(i);
      char c1 = text.charAt(i + 1);
      if (c0 < 128 && c1 < 128) {
        String[] candidates = byFirstPair[pair(fold(c0), fold(c1))];
        if (candidates != null && startsWithOneOf(text, i, candidates)) {
          return i;
        }
      }
    }
    return -1;
  }

  /** Only the keywords sharing the text's first two letters are compared, from the third letter on. */
  private static boolean startsWithOneOf(String text, int i, String[] lowerCaseKeywords) {
    for (String k : lowerCaseKeywords) {
      if (i + k.length() <= text.length() && restMatches(text, i, k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean restMatches(String text, int i, String lowerCaseKeyword) {
    for (int j = 2; j < lowerCaseKeyword.length(); j++) {
      char c = text.charAt(i + j);
      if (c >= 128 || fold(c) != lowerCaseKeyword.charAt(j)) {
        return false;
      }
    }
    return true;
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
