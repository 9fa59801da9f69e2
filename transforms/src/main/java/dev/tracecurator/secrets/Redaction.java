package dev.tracecurator.secrets;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A text with its secrets replaced by placeholders, and how many of each kind were replaced.
 * {@code counts} holds only the kinds found, in {@link SecretKind} order.
 */
public record Redaction(String text, Map<SecretKind, Integer> counts) {
  public Redaction {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(counts, "counts");
    // EnumMap's copy constructor refuses an empty non-EnumMap, and callers should not be able to
    // change a result after the fact.
    counts = counts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(counts));
  }

  public boolean found() {
    return !counts.isEmpty();
  }
}
