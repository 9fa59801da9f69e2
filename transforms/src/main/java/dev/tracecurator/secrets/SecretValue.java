package dev.tracecurator.secrets;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a value found after a secret-sounding name (or after "Bearer", or in a URL's userinfo)
 * is plausibly a real secret rather than a placeholder, a reference, a path or an ordinary word.
 *
 * <p>The threshold is Shannon entropy of at least {@value #MIN_ENTROPY} bits per character over at
 * least {@value #MIN_LENGTH} characters. A string of n distinct characters has log2(n) bits per
 * character, so an 8-character value reaches 3.0 only when all its characters differ, and a
 * random 12+ character key from [A-Za-z0-9] scores about 3.5 and up; English words, repeated
 * characters ({@code aaaaaaaa}, {@code ********}) and short enumerations fall below. Entropy alone
 * cannot tell {@code password123} (3.28) from a random key, so dictionary-shaped values (one or
 * more all-lower or ALL-UPPER words joined by {@code _ - .}, or one Capitalized word, optionally
 * followed by digits and up to two symbols) are never flagged: in trajectories they are test
 * fixtures and tutorial defaults, and redacting them would remove useful code for little gain.
 */
final class SecretValue {
  static final double MIN_ENTROPY = 3.0;
  static final int MIN_LENGTH = 8;

  // Bounded, possessive and separator-delimited, so matching is linear in the value's length.
  private static final Pattern WORDS = Pattern.compile(
      "(?:[a-z]++(?:[_.\\-][a-z]++)*+|[A-Z]++(?:[_.\\-][A-Z]++)*+|[A-Z][a-z]++)"
          + "[0-9]*+[^A-Za-z0-9]{0,2}+");

  private static final Pattern NUMERIC = Pattern.compile("[0-9._:/+\\-]++");

  /**
   * A code reference: dotted and/or snake_case names made of all-caps or lower/camel-case words
   * ({@code os.environ}, {@code settings.SECRET_KEY}, {@code self._password}, {@code apiKey}).
   * Random strings rarely have this shape because each camel-case part needs two or more
   * lower-case letters after its capital.
   */
  private static final String CHUNK =
      "(?:[A-Z]++|[a-z]++(?:[A-Z][a-z]{2,}+)*+|(?:[A-Z][a-z]{2,}+)++)[0-9]*+";
  private static final Pattern REFERENCE =
      Pattern.compile("_*+" + CHUNK + "(?:[._]++" + CHUNK + ")*+");

  private static final List<String> PLACEHOLDER_PARTS = List.of(
      "xxx", "***", "...", "\u2026", "<", ">", "${", "{{", "}}", "$(", "%(", "example",
      "placeholder", "changeme", "change_me", "change-me", "replace_me", "replaceme", "redacted",
      "your_", "your-", "yourpassword", "yourtoken", "yourkey", "dummy");

  private SecretValue() {}

  /**
   * @param literal the value is a literal (quoted, or in a context where unquoted text is data).
   *     Unquoted values in code are often references to variables, and those are not secrets.
   */
  static boolean plausible(String value, boolean literal) {
    return plausible(value, literal, MIN_LENGTH);
  }

  static boolean plausible(String value, boolean literal, int minLength) {
    if (value.length() < minLength
        || isPlaceholder(value)
        || isPathOrUrl(value)
        || NUMERIC.matcher(value).matches()
        || WORDS.matcher(value).matches()
        || (!literal && REFERENCE.matcher(value).matches())) {
      return false;
    }
    return Entropy.of(value) >= MIN_ENTROPY;
  }

  static boolean isPlaceholder(String value) {
    char first = value.charAt(0);
    // $VAR, %VAR% and @VAR@ are substitutions by a shell, Windows or a build tool.
    if (first == '$' || first == '%' || first == '@') {
      return true;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    for (String part : PLACEHOLDER_PARTS) {
      if (lower.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPathOrUrl(String value) {
    return value.startsWith("/") || value.startsWith("./") || value.startsWith("../")
        || value.startsWith("~/") || value.contains("://");
  }
}
