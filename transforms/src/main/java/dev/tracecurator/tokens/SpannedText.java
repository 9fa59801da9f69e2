package dev.tracecurator.tokens;

import java.util.List;

/** A text and the message texts it was built from, in order of {@link SourceSpan#at}, not overlapping. */
public record SpannedText(String text, List<SourceSpan> spans) {
  public SpannedText {
    spans = List.copyOf(spans);
  }
}
