package dev.tracecurator.sft;

import dev.tracecurator.tokens.SpannedTextBuilder;

/** Python's {@code str.strip()}, whose idea of white space is wider than Java's. */
public final class PythonStrings {
  private PythonStrings() {}

  public static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u0085' || c == '\u00A0' || c == '\u2007' || c == '\u202F';
  }

  public static String strip(String s) {
    if (s == null) {
      return "";
    }
    int start = stripStart(s);
    return s.substring(start, stripEnd(s, start));
  }

  /** Where {@code strip(s)} begins in {@code s}. */
  static int stripStart(String s) {
    int start = 0;
    while (start < s.length() && isSpace(s.charAt(start))) {
      start++;
    }
    return start;
  }

  /** Where {@code strip(s)} ends in {@code s}, given where it begins. */
  static int stripEnd(String s, int start) {
    int end = s.length();
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  /** Appends {@code strip(s)} as the message text it is part of. */
  static void appendStripped(String s, SpannedTextBuilder out) {
    if (s != null) {
      int start = stripStart(s);
      out.appendSource(s, start, stripEnd(s, start));
    }
  }

  public static boolean isBlank(String s) {
    return s == null || stripStart(s) == s.length();
  }
}
