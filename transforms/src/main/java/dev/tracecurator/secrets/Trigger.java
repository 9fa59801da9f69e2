package dev.tracecurator.secrets;

import java.util.List;

/**
 * What a detector looks for before it runs its regex: any of a few ASCII literals, by case or
 * ignoring it. {@code name} is how the detector asks {@link Triggers} for the places found.
 */
record Trigger(String name, List<String> literals, boolean ignoreCase) {
  Trigger {
    literals = List.copyOf(literals);
    for (String literal : literals) {
      if (literal.isEmpty() || !literal.chars().allMatch(c -> c < 128)) {
        throw new IllegalArgumentException("trigger literals must be non-empty ASCII: " + literal);
      }
    }
  }

  /** One literal matched by case, named by itself. */
  static Trigger literal(String literal) {
    return new Trigger(literal, List.of(literal), false);
  }
}
