package dev.tracecurator.tokens;

import com.knuddels.jtokkit.api.EncodingType;

/**
 * Where tiktoken's pre-tokenizer splits a text whatever surrounds it, so that the tokens of the
 * text are the tokens of its two sides counted apart. BPE never merges across the pieces the
 * pre-tokenizer's regex cuts, so a count is additive exactly at such a place.
 *
 * <p>The rule: right after a line break ({@code \n}) that is followed by spaces or tabs, if any,
 * and then a printable ASCII character other than a space. Derived from cl100k's regex
 * {@code '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]++[\r\n]*|\s*[\r\n]|\s+(?!\S)|\s+}:
 * no match can run from before the break to after it. Letters, digits and contractions stop at
 * the break and cannot start with it; a punctuation run's trailing {@code [\r\n]*} stops at the
 * first character after it that is not a line break; {@code \s*[\r\n]} reads on through the
 * spaces but gives back all that follows the last line break, and there is none after this one
 * before the printable character; {@code \s+(?!\S)} is never tried inside white space that holds
 * a break further on, since {@code \s*[\r\n]} matches first. So every match before the place
 * ends at it whatever follows the printable character, as it would at the end of the text, and
 * the matches after it never look back. o200k's regex ends its punctuation runs with
 * {@code [\r\n/]*}, so there a {@code /} right after the break does not qualify. Kept to ASCII so
 * that no Unicode white-space or letter class can differ between tiktoken's regex engine and
 * jtokkit's.
 */
final class TiktokenCuts {
  private TiktokenCuts() {}

  static boolean isCertainCut(EncodingType type, CharSequence text, int at) {
    int n = text.length();
    if (at <= 0 || at >= n) {
      return at == 0 || at == n;
    }
    if (text.charAt(at - 1) != '\n' || (text.charAt(at) == '/' && type != EncodingType.CL100K_BASE)) {
      return false;
    }
    int i = at;
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i < n && text.charAt(i) > ' ' && text.charAt(i) < 0x7f;
  }
}
