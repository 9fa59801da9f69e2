package dev.tracecurator.secrets;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A credential with a recognisable literal prefix. {@code anchors} are found with
 * {@link String#indexOf(String, int)}, which is far cheaper than running a regex over the whole
 * text; {@code shape} is then matched only at an anchor, so it never scans text without one.
 *
 * @param shape matched with {@code lookingAt} at the anchor; must use bounded quantifiers and end
 *     with its own right-boundary look-ahead
 * @param minEntropy bits per character over the whole match; rejects {@code ghp_xxxx...} fillers
 * @param accept a further check on the matched value
 */
record TokenRule(
    SecretKind kind, List<String> anchors, Pattern shape, double minEntropy, Predicate<String> accept) {

  static TokenRule of(SecretKind kind, List<String> anchors, String shape) {
    return new TokenRule(kind, anchors, Pattern.compile(shape), 3.0, value -> true);
  }

  static TokenRule of(SecretKind kind, List<String> anchors, String shape, Predicate<String> accept) {
    return new TokenRule(kind, anchors, Pattern.compile(shape), 3.0, accept);
  }
}
