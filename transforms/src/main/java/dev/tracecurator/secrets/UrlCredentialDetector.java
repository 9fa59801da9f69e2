package dev.tracecurator.secrets;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The password in a URL's userinfo, {@code scheme://user:PASSWORD@host}, as in
 * {@code DATABASE_URL=postgres://app:...@db/app} or a git remote with an embedded token.
 * Reported as {@link SecretKind#PASSWORD_ASSIGNMENT}; a provider token in that position
 * ({@code x-access-token:ghp_...}) is reported under its own kind instead.
 */
final class UrlCredentialDetector implements Detector {
  private static final String PART = "[^\\s:/?#@\"'`<>\\\\\\[\\]]";
  private static final Pattern USERINFO =
      Pattern.compile("://" + PART + "{1,128}+:(" + PART + "{1,1024}+)@");

  private static final String SCHEME_END = "://";

  @Override
  public List<Trigger> triggers() {
    return List.of(Trigger.literal(SCHEME_END));
  }

  @Override
  public void detect(String text, Triggers triggers, List<SecretMatch> out) {
    int from = 0;
    int at;
    Matcher matcher = null;
    int n = text.length();
    while ((at = triggers.next(SCHEME_END, from)) >= 0) {
      from = at + 3;
      if (matcher == null) {
        matcher = USERINFO.matcher(text);
      }
      if (matcher.region(at, n).lookingAt() && SecretValue.plausible(matcher.group(1), true)) {
        out.add(new SecretMatch(SecretKind.PASSWORD_ASSIGNMENT, matcher.start(1), matcher.end(1)));
        from = matcher.end();
      }
    }
  }
}
