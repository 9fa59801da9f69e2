package dev.tracecurator.secrets;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds and redacts credentials in free text (messages, tool observations) of agent
 * trajectories. Pure and thread-safe: all state is per call.
 *
 * <p>Cost: one {@link TriggerAutomaton} pass finds every detector's triggers, one table read a
 * character and a short trie walk where a trigger may begin; each detector runs a regex only at a trigger, anchored and with bounded
 * quantifiers; so a text without triggers costs one linear scan, and no input makes any
 * detector backtrack beyond a fixed window per trigger.
 */
public final class SecretScanner {
  private static final List<Detector> DETECTORS = Stream.concat(
          TokenRules.ALL.stream().map(TokenDetector::new),
          Stream.of(new PrivateKeyDetector(), new AssignmentDetector(),
              new UrlCredentialDetector(), new BearerDetector()))
      .toList();
  private static final TriggerAutomaton TRIGGERS =
      new TriggerAutomaton(DETECTORS.stream().flatMap(d -> d.triggers().stream()).toList());

  private SecretScanner() {}

  /** Non-overlapping matches sorted by start; empty for null or empty text. */
  public static List<SecretMatch> find(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    Triggers triggers = TRIGGERS.scan(text);
    if (triggers.isEmpty()) {
      // Every detector starts from its triggers' places, so none could report anything.
      return List.of();
    }
    List<SecretMatch> candidates = new ArrayList<>();
    for (Detector detector : DETECTORS) {
      detector.detect(text, triggers, candidates);
    }
    return MatchResolver.resolve(candidates);
  }

  /**
   * Replaces each secret value with its kind's placeholder. When nothing is found the returned
   * text is the same instance as the input (null is read as the empty text).
   */
  public static Redaction redact(String text) {
    String source = text == null ? "" : text;
    List<SecretMatch> matches = find(source);
    if (matches.isEmpty()) {
      return new Redaction(source, Map.of());
    }
    StringBuilder out = new StringBuilder(source.length());
    Map<SecretKind, Integer> counts = new EnumMap<>(SecretKind.class);
    int copied = 0;
    for (SecretMatch m : matches) {
      out.append(source, copied, m.start()).append(m.kind().placeholder());
      copied = m.end();
      counts.merge(m.kind(), 1, Integer::sum);
    }
    out.append(source, copied, source.length());
    return new Redaction(out.toString(), counts);
  }
}
