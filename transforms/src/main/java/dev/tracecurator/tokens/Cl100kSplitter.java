package dev.tracecurator.tokens;

/**
 * Cuts text into the pieces cl100k's pattern matches, one after another, as tiktoken's regex does:
 * <pre>'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]++[\r\n]*|\s*[\r\n]|\s+(?!\S)|\s+</pre>
 * The alternatives are tried in that order at each position and the first that matches wins; each
 * branch below is one of them, with the backtracking the regex engine would do written out.
 * Letters, numbers and white space are Unicode's ({@code L*}, {@code N*}, {@code White_Space}).
 * Works on the text's chars in an array, one code point at a time, without allocating: jtokkit's
 * pre-tokeniser produced each piece's bytes through a callback and a growing list, and was a third
 * of a row's work on a 2-core run.
 */
final class Cl100kSplitter {
  static final byte LETTER = 1;
  static final byte NUMBER = 2;
  static final byte SPACE = 3;
  static final byte NEWLINE = 4;  // \r or \n: white space the pattern treats apart
  static final byte OTHER = 5;

  private static final byte[] ASCII = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII[c] = c == '\r' || c == '\n' ? NEWLINE
          : c == ' ' || (c >= '\t' && c <= '\f') ? SPACE
          : (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? LETTER
          : c >= '0' && c <= '9' ? NUMBER
          : OTHER;
    }
  }

  private Cl100kSplitter() {}

  /** Receives each piece as {@code text[start, end)}. */
  interface Sink {
    void piece(char[] text, int start, int end);
  }

  /** Every piece of {@code text[0, length)} (no lone surrogates), in order. */
  static void split(char[] text, int length, Sink sink) {
    int at = 0;
    while (at < length) {
      int end = pieceEnd(text, length, at);
      sink.piece(text, at, end);
      at = end;
    }
  }

  /** Where the piece that starts at {@code at} ends. */
  static int pieceEnd(char[] t, int n, int at) {
    int c = codePointAt(t, n, at);
    int next = at + Character.charCount(c);
    int kind = kind(c);
    if (c == '\'' && next < n) {  // '(?i:[sdmt]|ll|ve|re)
      int end = contractionEnd(t, n, next);
      if (end > 0) {
        return end;
      }
    }
    if (kind == LETTER) {  // [^\r\n\p{L}\p{N}]?+\p{L}+ without its optional first char
      return letterRunEnd(t, n, next);
    }
    if ((kind == SPACE || kind == OTHER) && next < n && kindAt(t, n, next) == LETTER) {  // ... with it
      return letterRunEnd(t, n, next);
    }
    if (kind == NUMBER) {  // \p{N}{1,3}
      int end = next;
      for (int more = 0; more < 2 && end < n; more++) {
        int d = codePointAt(t, n, end);
        if (kind(d) != NUMBER) {
          break;
        }
        end += Character.charCount(d);
      }
      return end;
    }
    if (kind == OTHER) {  //  ?[^\s\p{L}\p{N}]++[\r\n]* without the space
      return newlineRunEnd(t, n, otherRunEnd(t, n, next));
    }
    if (c == ' ' && next < n && kindAt(t, n, next) == OTHER) {  // ... with it
      return newlineRunEnd(t, n, otherRunEnd(t, n, next));
    }
    // white space: \s*[\r\n] (to the run's last \r or \n), else \s+(?!\S), else \s+
    int end = at;
    int lastNewline = -1;
    while (end < n) {
      int k = kindAt(t, n, end);
      if (k == NEWLINE) {
        lastNewline = end;
      } else if (k != SPACE) {
        break;
      }
      end++;  // white space is all in the BMP: one char each
    }
    if (lastNewline >= 0) {
      return lastNewline + 1;
    }
    if (end == n || end - at == 1) {
      return end;
    }
    return end - 1;  // leaves the last space to the piece that follows
  }

  /** The end of {@code (?i:[sdmt]|ll|ve|re)} at {@code at}, or 0. */
  private static int contractionEnd(char[] t, int n, int at) {
    char a = t[at];
    if ("sdmtSDMT\u017f".indexOf(a) >= 0) {  // ſ folds to s under Unicode case-insensitivity
      return at + 1;
    }
    if (at + 1 < n) {
      char b = Character.toLowerCase(t[at + 1]);
      char lower = Character.toLowerCase(a);
      if (a < 128 && t[at + 1] < 128 && ((lower == 'l' && b == 'l') || (lower == 'v' && b == 'e') || (lower == 'r' && b == 'e'))) {
        return at + 2;
      }
    }
    return 0;
  }

  private static int letterRunEnd(char[] t, int n, int at) {
    int end = at;
    while (end < n) {
      char ch = t[end];
      if (ch < 128) {
        if (ASCII[ch] != LETTER) {
          return end;
        }
        end++;
      } else {
        int d = codePointAt(t, n, end);
        if (kind(d) != LETTER) {
          return end;
        }
        end += Character.charCount(d);
      }
    }
    return end;
  }

  private static int otherRunEnd(char[] t, int n, int at) {
    int end = at;
    while (end < n) {
      int d = codePointAt(t, n, end);
      if (kind(d) != OTHER) {
        return end;
      }
      end += Character.charCount(d);
    }
    return end;
  }

  private static int newlineRunEnd(char[] t, int n, int at) {
    int end = at;
    while (end < n && (t[end] == '\r' || t[end] == '\n')) {
      end++;
    }
    return end;
  }

  private static int kindAt(char[] t, int n, int at) {
    char ch = t[at];
    return ch < 128 ? ASCII[ch] : kind(codePointAt(t, n, at));
  }

  private static int codePointAt(char[] t, int n, int at) {
    char ch = t[at];
    if (Character.isHighSurrogate(ch) && at + 1 < n && Character.isLowSurrogate(t[at + 1])) {
      return Character.toCodePoint(ch, t[at + 1]);
    }
    return ch;
  }

  static int kind(int c) {
    if (c < 128) {
      return ASCII[c];
    }
    if (isUnicodeSpace(c)) {
      return SPACE;
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER -> LETTER;
      case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> NUMBER;
      default -> OTHER;
    };
  }

  /** Unicode's White_Space above ASCII. */
  private static boolean isUnicodeSpace(int c) {
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029
        || c == 0x202F || c == 0x205F || c == 0x3000;
  }
}
