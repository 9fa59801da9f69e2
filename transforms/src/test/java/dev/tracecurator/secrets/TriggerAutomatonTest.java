package dev.tracecurator.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-pass automaton (pair filter and trie) finds each trigger where the scans it replaced
 * did: {@code indexOf} for a literal, {@link KeywordScanner} for keywords in any case, from every
 * position of random texts dense with triggers, their prefixes, casings, overlaps, and characters
 * that the pair filter folds onto a trigger's letters.
 */
class TriggerAutomatonTest {
  private static final List<String> KEYWORDS = List.of("pass", "pwd", "secret", "key", "token");
  private static final List<String> LITERALS = List.of("AKIA", "ASIA", "ABIA", "ACCA", "gh", "github_pat_", "gl",
      "xox", "xapp-", "hooks.slack.com/", "sk-", "sk-ant-", "hf_", "api_org_", "earer", "EARER", "://", "-----BEGIN ");
  private static final String[] PIECES = {
      "pass", "PASS", "pAsS", "pas", "pwd", "PwD", "secret", "SECRET", "secre", "key", "KEY", "ke", "token", "Token",
      "toke", "AKIA", "AKI", "ASIA", "gh", "g", "github_pat_", "github_pa", "gl", "xox", "xo", "xapp-", "hooks.slack.com/",
      "sk-", "sk-ant-", "sk-an", "hf_", "api_org_", "earer", "EARER", "Bearer", "://", ":/", "-----BEGIN ", "-----BEGIN",
      "-", "_", " ", "\n", "a", "Z", "é", "\uD83D\uDE00", "\u0170", "ghgh", "sksk-", "passpass", "keykey",
      // Characters whose low seven bits are a trigger's letter, which the pair filter folds onto it.
      "\u00e8", "\u00f3", "\u01e8", "\u00eb", "p\u00e1ss", "g\u00e8",
  };

  @Test
  void findsEveryTriggerWhereTheSeparateScansDid() {
    Trigger names = new AssignmentDetector().triggers().get(0);
    assertEquals(KEYWORDS, names.literals());
    TriggerAutomaton automaton = new TriggerAutomaton(
        Stream.concat(Stream.of(names), LITERALS.stream().map(Trigger::literal)).toList());
    KeywordScanner keywords = new KeywordScanner(KEYWORDS.toArray(String[]::new));
    Random random = new Random(11);
    int found = 0;
    for (int i = 0; i < 3_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(30); k >= 0; k--) {
        b.append(random.nextInt(10) == 0 ? String.valueOf((char) random.nextInt(0x3000)) : PIECES[random.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      Triggers triggers = automaton.scan(text);
      boolean any = keywords.next(text, 0) >= 0 || LITERALS.stream().anyMatch(text::contains);
      assertEquals(!any, triggers.isEmpty(), () -> "whether any trigger is in " + text);
      for (int from = 0; from <= text.length() + 1; from++) {
        for (String literal : LITERALS) {
          int expected = text.indexOf(literal, from);
          assertEquals(expected, triggers.next(literal, from), () -> literal + " in " + text);
          found += expected >= 0 ? 1 : 0;
        }
        int fromHere = from;
        assertEquals(keywords.next(text, from), triggers.next(names.name(), from), () -> "keywords from " + fromHere + " in " + text);
      }
    }
    assertTrue(found > 100_000, found + " found");
  }
}
