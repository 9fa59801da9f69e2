package dev.tracecurator.secrets;

import java.util.Locale;

/** What SFT output does with credentials found in a trajectory. */
public enum SecretsMode {
  /** Replace each secret with a placeholder naming its kind, and keep the row. */
  REDACT,
  /** Filter the row out ({@code contains_secret}). */
  DROP,
  /** Leave the text as it is (the counts are still reported). */
  KEEP;

  public static SecretsMode parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--secrets must be redact, drop or keep, got '" + name + "'", e);
    }
  }
}
