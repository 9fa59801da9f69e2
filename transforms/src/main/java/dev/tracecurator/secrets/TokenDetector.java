package dev.tracecurator.secrets;

import java.util.List;
import java.util.regex.Matcher;

/** Finds the tokens of one {@link TokenRule}, from the places of its anchors. */
final class TokenDetector implements Detector {
  private final TokenRule rule;

  TokenDetector(TokenRule rule) {
    this.rule = rule;
  }

  @Override
  public List<Trigger> triggers() {
    return rule.anchors().stream().map(Trigger::literal).toList();
  }

  @Override
  public void detect(String text, Triggers triggers, List<SecretMatch> out) {
    Matcher matcher = null;
    int n = text.length();
    for (String anchor : rule.anchors()) {
      int from = 0;
      int at;
      while ((at = triggers.next(anchor, from)) >= 0) {
        from = at + 1;
        // A token glued to a preceding word character is part of some longer word ("task-...",
        // "sk-sk-sk-..."). Requiring a boundary also keeps the regex windows of successive
        // anchors disjoint, so the scan stays linear however the anchors repeat.
        if (at > 0 && isWordChar(text.charAt(at - 1))) {
          continue;
        }
        if (matcher == null) {
          matcher = rule.shape().matcher(text);
        }
        if (!matcher.region(at, n).lookingAt()) {
          continue;
        }
        String value = matcher.group();
        if (Entropy.of(value) >= rule.minEntropy() && rule.accept().test(value)) {
          out.add(new SecretMatch(rule.kind(), at, matcher.end()));
          from = matcher.end();
        }
      }
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
