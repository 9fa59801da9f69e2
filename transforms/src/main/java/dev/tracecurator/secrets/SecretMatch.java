package dev.tracecurator.secrets;

import java.util.Objects;

/** A secret found in a text: {@code [start, end)} covers the secret's value only, not its name. */
public record SecretMatch(SecretKind kind, int start, int end) {
  public SecretMatch {
    Objects.requireNonNull(kind, "kind");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
    }
  }

  boolean overlaps(SecretMatch other) {
    return start < other.end && other.start < end;
  }
}
