package dev.tracecurator.tokens;

import java.util.List;

/**
 * A text and the message texts it was built from, in order of {@link SourceSpan#at}, not
 * overlapping. Only {@link SpannedTextBuilder} makes spans, which copies each source as it notes
 * it, so {@link TokenTally} can trust every span to hold its source without comparing them.
 */
public final class SpannedText {
  private final String text;
  private final List<SourceSpan> spans;

  SpannedText(String text, List<SourceSpan> spans) {
    this.text = text;
    this.spans = List.copyOf(spans);
  }

  /** A text with no message texts noted: counted whole. */
  public static SpannedText plain(String text) {
    return new SpannedText(text, List.of());
  }

  public String text() {
    return text;
  }

  public List<SourceSpan> spans() {
    return spans;
  }
}
