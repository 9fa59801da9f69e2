package dev.tracecurator.secrets;

import java.util.Map;

/** A text with its credentials replaced by placeholders, and how many of each kind there were. */
public record Redaction(String text, Map<SecretKind, Integer> counts) {
  public Redaction {
    counts = Map.copyOf(counts);
  }

  public boolean found() {
    return !counts.isEmpty();
  }
}
