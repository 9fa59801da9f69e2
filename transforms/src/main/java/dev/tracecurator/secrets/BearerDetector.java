package dev.tracecurator.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token after {@code Bearer} ({@code Authorization: Bearer ...}, {@code bearer ...}): 16 or
 * more RFC 6750 token characters that pass {@link SecretValue#plausible}, which rules out
 * {@code Bearer YOUR_TOKEN}, {@code Bearer $TOKEN} and prose ("bearer authentication").
 */
final class BearerDetector implements Detector {
  static final int MIN_TOKEN = 16;

  /** "Bearer", "bearer" and "BEARER" all contain one of these after their first letter. */
  private static final List<String> ANCHORS = List.of("earer", "EARER");

  private static final Pattern TOKEN = Pattern.compile(
      "[ \\t]++([A-Za-z0-9._~+/\\-]{" + MIN_TOKEN + "," + AssignmentDetector.MAX_VALUE + "}+=*+)"
          + "(?![^\\s\"'`\\\\,;)}\\]&|])");

  @Override
  public List<Trigger> triggers() {
    return ANCHORS.stream().map(Trigger::literal).toList();
  }

  @Override
  public void detect(String text, Triggers triggers, List<SecretMatch> out) {
    Matcher matcher = null;
    int n = text.length();
    for (String anchor : ANCHORS) {
      int from = 0;
      int at;
      while ((at = triggers.next(anchor, from)) >= 0) {
        from = at + 1;
        int b = at - 1;
        if (b < 0 || (text.charAt(b) != 'b' && text.charAt(b) != 'B')
            || (b > 0 && Character.isLetterOrDigit(text.charAt(b - 1)))) {
          continue;
        }
        if (matcher == null) {
          matcher = TOKEN.matcher(text);
        }
        int afterWord = at + anchor.length();
        if (matcher.region(afterWord, n).lookingAt()
            && SecretValue.plausible(matcher.group(1), true, MIN_TOKEN)) {
          out.add(new SecretMatch(SecretKind.BEARER_TOKEN, matcher.start(1), matcher.end(1)));
          from = matcher.end();
        }
      }
    }
  }
}
