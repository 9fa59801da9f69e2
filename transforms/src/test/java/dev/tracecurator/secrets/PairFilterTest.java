package dev.tracecurator.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The filter never passes over a place where a literal begins: from every position of random
 * texts built from the literals, their prefixes and characters whose low seven bits spell a
 * literal's letters, it stops at or before the first place where one begins.
 */
class PairFilterTest {
  private static final List<String> LITERALS = List.of("pass", "PaSs", "key", "AKIA", "gh", "gl", "sk-", "://",
      "-----BEGIN ", "earer", "hooks.slack.com/", "x");
  private static final String[] PIECES = {
      "pass", "PaSs", "pas", "p", "key", "ke", "k", "AKIA", "AK", "gh", "g", "gl", "sk-", "sk", "://", ":/", ":",
      "-----BEGIN ", "--", "-", "earer", "ea", "hooks.slack.com/", "ho", "x", "X", " ", "\n", "a", "é",
      // Low seven bits of each spell a literal's letter: folding must not hide a real pair.
      "\u00e8", "\u00f3", "\u0168", "\u01e8", "\u2d6b", "\uD83D\uDE00",
  };

  @Test
  void neverPassesOverAPlaceWhereALiteralBegins() {
    PairFilter filter = new PairFilter(LITERALS);
    Random random = new Random(5);
    int starts = 0;
    for (int t = 0; t < 5_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(25); k >= 0; k--) {
        b.append(random.nextInt(8) == 0 ? String.valueOf((char) random.nextInt(0x10000)) : PIECES[random.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      for (int from = -1; from <= text.length() + 1; from++) {
        int first = firstStart(text, from);
        int next = filter.next(text, from);
        String context = "from " + from + " in " + text;
        if (first >= 0) {
          assertTrue(next >= Math.max(from, 0) && next <= first, context + ": " + next + " after " + first);
          starts += first == from ? 1 : 0;
        } else {
          assertTrue(next == -1 || next >= Math.max(from, 0), context);
        }
        if (first >= 0 && first == from) {
          assertEquals(from, next, context);
        }
      }
    }
    assertTrue(starts > 10_000, starts + " starts");
  }

  @Test
  void oneCharacterLiteralAtEveryPlaceIncludingTheLast() {
    PairFilter filter = new PairFilter(List.of("x"));
    assertEquals(0, filter.next("x", 0));
    assertEquals(2, filter.next("abx", 0));
    assertEquals(1, filter.next("ax\u00e9", 0));
    assertEquals(-1, filter.next("abc", 0));
    assertEquals(-1, filter.next("", 0));
    assertEquals(-1, filter.next("x", 1));
  }

  @Test
  void twoCharacterLiteralsNeedBoth() {
    PairFilter filter = new PairFilter(List.of("gh"));
    assertEquals(-1, filter.next("g", 0));
    assertEquals(-1, filter.next("ag hg", 0));
    assertEquals(3, filter.next("ag gh", 0));
    assertEquals(3, filter.next("ag gh", 3));
    assertEquals(-1, filter.next("ag gh", 4));
  }

  @Test
  void rejectsEmptyAndNonAsciiLiterals() {
    assertThrows(IllegalArgumentException.class, () -> new PairFilter(List.of("")));
    assertThrows(IllegalArgumentException.class, () -> new PairFilter(List.of("pässword")));
  }

  private static int firstStart(String text, int from) {
    int first = -1;
    for (String literal : LITERALS) {
      int at = text.indexOf(literal, Math.max(from, 0));
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }
}
