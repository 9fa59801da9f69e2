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
