package dev.tracecurator.secrets;

import java.util.Collection;

/**
 * Which places of a text may begin one of a set of ASCII literals, judged by the two characters
 * there. About 3 % of the places in agents' texts pass for the credential triggers (pairs such as
 * {@code se}, {@code pa}, {@code to}), so {@link TriggerAutomaton} walks its trie only there. The
 * test is a table read with no state carried from one place to the next, which the processor can
 * overlap, where an automaton's step must wait for the previous one.
 *
 * <p>Never rejects a place where a literal begins; may accept places where none does.
 */
final class PairFilter {
  private static final int ASCII = 128;

  /**
   * {@code pairs[c0 * 128 + (c1 & 127)]}: whether some literal begins with {@code c0} followed by
   * {@code c1}. A one-character literal marks every second character, and the text's end reads as
   * the second character {@code 0}. Folding {@code c1} to 7 bits can only accept more places.
   */
  private final boolean[] pairs = new boolean[ASCII * ASCII];

  PairFilter(Collection<String> literals) {
    for (String literal : literals) {
      if (literal.isEmpty() || !literal.chars().allMatch(c -> c < ASCII)) {
        throw new IllegalArgumentException("literals must be non-empty ASCII: " + literal);
      }
      int first = literal.charAt(0) * ASCII;
      if (literal.length() == 1) {
        for (int c = 0; c < ASCII; c++) {
          pairs[first + c] = true;
        }
      } else {
        pairs[first + literal.charAt(1)] = true;
      }
    }
  }

  /** The first place at or after {@code from} where a literal may begin, or -1. */
  int next(String text, int from) {
    int last = text.length() - 1;
    for (int i = Math.max(from, 0); i < last; i++) {
      char c0 = text.charAt(i);
      if (c0 < ASCII && pairs[c0 * ASCII + (text.charAt(i + 1) & (ASCII - 1))]) {
        return i;
      }
    }
    if (from <= last && last >= 0) {
      char c0 = text.charAt(last);
      if (c0 < ASCII && pairs[c0 * ASCII]) {
        return last;
      }
    }
    return -1;
  }
}
