package dev.tracecurator.tokens;

import com.knuddels.jtokkit.api.EncodingType;

/**
 * Where tiktoken's pre-tokenizer splits a text whatever surrounds it, so that the tokens of the
 * text are the tokens of its two sides counted apart. BPE never merges across the pieces the
 * pre-tokenizer's regex cuts, so a count is additive exactly at such a place.
 *
 * <p>The rule: a line break ({@code \n}) followed by a printable ASCII character that is not a
 * space. Derived from cl100k's regex
 * {@code '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]++[\r\n]*|\s*[\r\n]|\s+(?!\S)|\s+}:
 * no alternative can match {@code \n} followed by a non-space, since letters, digits and
 * contractions stop at the break, a punctuation run's trailing {@code [\r\n]*} and
 * {@code \s*[\r\n]} stop at the first non-space after it, and {@code \s+(?!\S)} is never tried
 * inside a run of white space that holds a break (the newline alternative before it matches
 * first). So no piece crosses the place, and every match before it reads the character after the
 * break only to stop, as it would at the end of the text; the matches after it never look back.
 * o200k's regex ends its punctuation runs with {@code [\r\n/]*}, so there a {@code /} after the
 * break does not qualify. Kept to ASCII after the break so that no Unicode white-space or letter
 * class can differ between tiktoken's regex engine and jtokkit's.
 */
final class TiktokenCuts {
  private TiktokenCuts() {}

  static boolean isCertainCut(EncodingType type, CharSequence text, int at) {
    if (at <= 0 || at >= text.length()) {
      return at == 0 || at == text.length();
    }
    char next = text.charAt(at);
    return text.charAt(at - 1) == '\n' && next > ' ' && next < 0x7f
        && (next != '/' || type == EncodingType.CL100K_BASE);
  }
}
