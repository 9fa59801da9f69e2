package dev.tracecurator.sft;

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
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  public static boolean isBlank(String s) {
    return strip(s).isEmpty();
  }
}
