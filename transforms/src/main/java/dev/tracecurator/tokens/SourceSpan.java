package dev.tracecurator.tokens;

/**
 * Where a stretch of a message's own text lies in a text built from it (the joined messages, a
 * rendered chat template): {@code source[from, to)} was copied to {@code at}. A {@code whole} span
 * is a piece the text's builder made (a tool call's JSON and the line break after it), which
 * {@link TokenTally} counts once, whole, wherever both its ends are certain cuts.
 */
public record SourceSpan(int at, String source, int from, int to, boolean whole) {
  public SourceSpan {
    if (from < 0 || to < from || to > source.length() || at < 0) {
      throw new IllegalArgumentException("bad span [" + from + ", " + to + ") of " + source.length() + " chars at " + at);
    }
  }

  public SourceSpan(int at, String source, int from, int to) {
    this(at, source, from, to, false);
  }

  int end() {
    return at + to - from;
  }
}
