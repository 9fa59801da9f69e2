package dev.tracecurator.secrets;

import java.util.List;

/**
 * Whether the name a value is assigned to says the value is a credential. Names are judged by
 * how they end, so {@code DB_PASSWORD}, {@code self.password}, {@code clientSecret},
 * {@code OPENAI_API_KEY} and {@code --password} count, while {@code password_hash},
 * {@code max_tokens}, {@code tokenizer}, {@code primary_key} and {@code secret_name} do not.
 *
 * <p>Names are compared in place in the text, without copying, because a keyword-dense text
 * (JSON logs full of "token" keys) asks about a name every few characters.
 */
final class SecretName {
  /** Longest name we consider; longer runs of identifier characters are data, not names. */
  static final int MAX_LENGTH = 64;

  /** Compared case-insensitively with '-' read as '_'. */
  private static final List<String> GENERIC_ENDINGS = List.of(
      "password", "passwd", "passphrase", "_pass", "pwd", "secret", "secret_key", "secretkey",
      "api_key", "apikey", "access_key", "accesskey", "auth_key", "signing_key", "encryption_key",
      "master_key", "token");

  /** Compared case-insensitively ignoring '_', '-' and '.'. */
  private static final List<String> AWS_SECRET_ENDINGS =
      List.of("secretaccesskey", "awssecretkey", "awssecret");

  private SecretName() {}

  static boolean isIdentifierChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-' || c == '.';
  }

  /** Whether {@code text[start, end)} names a password, secret, API key or token. */
  static boolean isGeneric(String text, int start, int end) {
    if (end - start == 4 && text.regionMatches(true, start, "pass", 0, 4)) {
      return true;
    }
    for (String ending : GENERIC_ENDINGS) {
      if (endsWith(text, start, end, ending, false)) {
        return true;
      }
    }
    return false;
  }

  /** aws_secret_access_key, AWS_SECRET, aws_secret_key, SecretAccessKey (AWS CLI/STS JSON). */
  static boolean isAwsSecret(String text, int start, int end) {
    for (String ending : AWS_SECRET_ENDINGS) {
      if (endsWith(text, start, end, ending, true)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWith(
      String text, int start, int end, String ending, boolean skipSeparators) {
    int i = end - 1;
    for (int j = ending.length() - 1; j >= 0; j--, i--) {
      if (skipSeparators) {
        while (i >= start && isSeparator(text.charAt(i))) {
          i--;
        }
      }
      if (i < start || fold(text.charAt(i)) != ending.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.';
  }

  private static char fold(char c) {
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + ('a' - 'A'));
    }
    return c == '-' ? '_' : c;
  }
}
