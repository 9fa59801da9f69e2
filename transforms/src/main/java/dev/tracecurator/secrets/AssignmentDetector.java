package dev.tracecurator.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values assigned to credential-sounding names in code, YAML, JSON, .env files, shell and INI:
 * {@code password=...}, {@code passwd: ...}, {@code "api_key": "..."}, {@code export TOKEN=...},
 * {@code aws_secret_access_key = ...}. Reports the value only, so the name stays readable.
 *
 * <p>Keywords are found in the scan of all triggers ({@link TriggerAutomaton}); at each one we take
 * the whole identifier around it, look for an operator after it, judge it once with
 * {@link SecretName}, and only then run an anchored regex for the operator and value. Scanning
 * resumes after the identifier, so every character is looked at a bounded number of times.
 */
final class AssignmentDetector implements Detector {
  /** Names of credentials contain one of these, in any case. */
  private static final Trigger KEYWORDS =
      new Trigger("credential name", List.of("pass", "pwd", "secret", "key", "token"), true);

  /** Longest value we treat as a credential; longer runs are data (blobs, minified code). */
  static final int MAX_VALUE = 4096;

  /** Any character that cannot end an unquoted value: letters, digits, '(', '[', ... */
  private static final String NOT_TERMINATOR = "[^\\s\"'`\\\\,;)}\\]&|]";
  /**
   * After the name: an optional closing quote of a quoted key (backslash-escaped when the text is
   * itself a JSON string), the operator ({@code = : := =>}, not {@code == =~ :: ://}), then the
   * value. A quoted value runs to the matching quote and may not contain whitespace or a
   * backslash. An unquoted value must be followed by a terminator, so {@code get_token()} and
   * {@code os.environ["X"]} are rejected; it excludes {@code : =} except trailing base64 padding,
   * which keeps a failed match from re-scanning the same characters for the next name. Package
   * access for the test that checks {@link #operatorMayFollow} against it.
   */
  static final Pattern ASSIGNED_VALUE = Pattern.compile(
      "\\\\{0,3}+[\"'`]?[ \\t]{0,8}+(?::=|=>|=(?![=~])|:(?![:/=]))[ \\t]{0,8}+"
          + "(?:\\\\{0,3}+([\"'`])([^\\s\"'`\\\\]{1," + MAX_VALUE + "}+)(?=\\\\{0,3}+\\1)"
          + "|([^\\s\"'`\\\\,;(){}\\[\\]<>&|=:]{1," + MAX_VALUE + "}+=*+)"
          + "(?!" + NOT_TERMINATOR + "))");

  private static final Pattern AWS_SECRET_VALUE = Pattern.compile("[A-Za-z0-9/+=]{40}");

  @Override
  public List<Trigger> triggers() {
    return List.of(KEYWORDS);
  }

  @Override
  public void detect(String text, Triggers triggers, List<SecretMatch> out) {
    int n = text.length();
    int from = 0;
    int hit;
    Matcher matcher = null;
    while ((hit = triggers.next(KEYWORDS.name(), from)) >= 0) {
      int limit = Math.max(from, hit - SecretName.MAX_LENGTH);
      int nameStart = hit;
      while (nameStart > limit && SecretName.isIdentifierChar(text.charAt(nameStart - 1))) {
        nameStart--;
      }
      int nameEnd = hit;
      while (nameEnd < n && SecretName.isIdentifierChar(text.charAt(nameEnd))) {
        nameEnd++;
      }
      from = nameEnd;
      boolean cutOff = nameStart == limit && nameStart > 0
          && SecretName.isIdentifierChar(text.charAt(nameStart - 1));
      if (cutOff || nameEnd - nameStart > SecretName.MAX_LENGTH) {
        continue;
      }
      if (!operatorMayFollow(text, nameEnd)) {
        continue;
      }
      boolean aws = SecretName.isAwsSecret(text, nameStart, nameEnd);
      boolean generic = SecretName.isGeneric(text, nameStart, nameEnd);
      if (!aws && !generic) {
        continue;
      }
      if (matcher == null) {
        matcher = ASSIGNED_VALUE.matcher(text);
      }
      if (!matcher.region(nameEnd, n).lookingAt()) {
        continue;
      }
      boolean quoted = matcher.start(2) >= 0;
      int group = quoted ? 2 : 3;
      String value = matcher.group(group);
      SecretKind kind = classify(value, quoted, aws, generic);
      if (kind != null) {
        out.add(new SecretMatch(kind, matcher.start(group), matcher.end(group)));
        from = matcher.end(group);
      }
    }
  }

  /**
   * Whether {@link #ASSIGNED_VALUE} can match at {@code i}: its operator must come after at most
   * three backslashes, one quote and eight blanks. Most keywords are in prose and code ("passed",
   * "tokens", "keys"), and this rules them out before their names are judged or the regex runs.
   */
  static boolean operatorMayFollow(String text, int i) {
    int n = text.length();
    for (int k = 0; k < 3 && i < n && text.charAt(i) == '\\'; k++) {
      i++;
    }
    if (i < n && isQuote(text.charAt(i))) {
      i++;
    }
    for (int k = 0; k < 8 && i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t'); k++) {
      i++;
    }
    return i < n && (text.charAt(i) == ':' || text.charAt(i) == '=');
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'' || c == '`';
  }

  private static SecretKind classify(String value, boolean quoted, boolean aws, boolean generic) {
    if (aws && AWS_SECRET_VALUE.matcher(value).matches() && !SecretValue.isPlaceholder(value)
        && Entropy.of(value) >= SecretValue.MIN_ENTROPY) {
      return SecretKind.AWS_SECRET_ACCESS_KEY;
    }
    if (generic && SecretValue.plausible(value, quoted)) {
      return SecretKind.PASSWORD_ASSIGNMENT;
    }
    return null;
  }
}
