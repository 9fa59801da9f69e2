package dev.tracecurator.sft;

import java.io.Serializable;
import java.util.Set;

/**
 * The SFT filters; defaults are the tutorial's constants.
 *
 * @param requireResolved keep only rows with resolved == 1 (SFT_REQUIRE_RESOLVED)
 * @param maxTokens keep rows whose rendered text has at most this many tokens (MAX_SFT_TOKENS)
 * @param languages keep only these languages; empty keeps all (SFT_LANGUAGES = None)
 */
public record SftSettings(boolean requireResolved, int maxTokens, Set<String> languages) implements Serializable {
  public static final SftSettings TUTORIAL = new SftSettings(true, 32_000, Set.of());

  public SftSettings {
    languages = languages == null ? Set.of() : Set.copyOf(languages);
  }
}
