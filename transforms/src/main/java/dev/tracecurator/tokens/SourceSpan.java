package dev.tracecurator.tokens;

/**
 * Where a stretch of a message's own text lies in a text built from it (the joined messages, a
 * rendered chat template): {@code source[from, to)} was copied to {@code at}.
 */
public record SourceSpan(int at, String source, int from, int to) {
  public SourceSpan {
    if (from < 0 || to < from || to > source.length() || at < 0) {
      throw new IllegalArgumentException("bad span [" + from + ", " + to + ") of " + source.length() + " chars at " + at);
    }
  }

  int end() {
    return at + to - from;
  }
}
