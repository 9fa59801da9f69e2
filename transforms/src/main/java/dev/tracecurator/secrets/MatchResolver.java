package dev.tracecurator.secrets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns overlapping candidates from several detectors into non-overlapping matches sorted by
 * start. The more specific detection wins: a whole private-key block over anything inside it, a
 * provider token ({@code ghp_...}) over the generic "value after a secret-sounding name" or
 * "token after Bearer" that found the same characters, since its kind says more.
 */
final class MatchResolver {
  private MatchResolver() {}

  static List<SecretMatch> resolve(List<SecretMatch> candidates) {
    if (candidates.size() <= 1) {
      return List.copyOf(candidates);
    }
    List<SecretMatch> byPrecedence = new ArrayList<>(candidates);
    // Ties at equal precedence go to the earlier, then the shorter match: of two readings of the
    // same value, the tighter one redacts less of the surrounding text.
    byPrecedence.sort(Comparator.comparingInt((SecretMatch m) -> precedence(m.kind()))
        .thenComparingInt(SecretMatch::start)
        .thenComparingInt(SecretMatch::end));
    TreeMap<Integer, SecretMatch> accepted = new TreeMap<>();
    for (SecretMatch m : byPrecedence) {
      if (!overlapsAccepted(accepted, m)) {
        accepted.put(m.start(), m);
      }
    }
    return List.copyOf(accepted.values());
  }

  private static boolean overlapsAccepted(TreeMap<Integer, SecretMatch> accepted, SecretMatch m) {
    Map.Entry<Integer, SecretMatch> before = accepted.floorEntry(m.start());
    if (before != null && before.getValue().overlaps(m)) {
      return true;
    }
    Map.Entry<Integer, SecretMatch> after = accepted.ceilingEntry(m.start());
    return after != null && after.getValue().overlaps(m);
  }

  private static int precedence(SecretKind kind) {
    return switch (kind) {
      case PRIVATE_KEY -> 0;
      case AWS_SECRET_ACCESS_KEY -> 2;
      case BEARER_TOKEN -> 3;
      case PASSWORD_ASSIGNMENT -> 4;
      default -> 1; // provider tokens with a recognisable format
    };
  }
}
