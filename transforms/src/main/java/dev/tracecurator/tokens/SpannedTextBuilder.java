package dev.tracecurator.tokens;

import java.util.ArrayList;
import java.util.List;

/** A {@link StringBuilder} that remembers where each message text it was given went. */
public final class SpannedTextBuilder {
  private final StringBuilder out;
  private final List<SourceSpan> spans = new ArrayList<>();

  public SpannedTextBuilder() {
    this(16);
  }

  public SpannedTextBuilder(int capacity) {
    out = new StringBuilder(capacity);
  }

  public SpannedTextBuilder append(String text) {
    out.append(text);
    return this;
  }

  public SpannedTextBuilder append(char c) {
    out.append(c);
    return this;
  }

  /** Appends {@code source[from, to)}, a message's own text, and notes where it went. */
  public SpannedTextBuilder appendSource(String source, int from, int to) {
    if (to > from) {
      spans.add(new SourceSpan(out.length(), source, from, to));
      out.append(source, from, to);
    }
    return this;
  }

  /**
   * Appends a piece the caller made (a tool call's JSON and the line break after it), for the
   * tally to count once however many texts it counts hold it: put it between certain cuts (after
   * a line break, before a printable ASCII character) for that to happen.
   */
  public SpannedTextBuilder appendPiece(String piece) {
    if (!piece.isEmpty()) {
      spans.add(new SourceSpan(out.length(), piece, 0, piece.length(), true));
      out.append(piece);
    }
    return this;
  }

  public SpannedTextBuilder appendSource(String source) {
    return source == null ? append("null") : appendSource(source, 0, source.length());
  }

  public int length() {
    return out.length();
  }

  public char charAt(int index) {
    return out.charAt(index);
  }

  public SpannedText build() {
    return new SpannedText(out.toString(), spans);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
