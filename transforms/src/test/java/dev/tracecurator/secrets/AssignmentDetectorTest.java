package dev.tracecurator.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The quick look for an operator after a name rules out only places where the value's regex
 * cannot match: at every position of random texts dense with backslashes, quotes, blanks and
 * operators, wherever {@code ASSIGNED_VALUE} matches the look says yes.
 */
class AssignmentDetectorTest {
  private static final String[] PIECES = {
      "\\", "\\\\", "\\\\\\\\", "\"", "'", "`", " ", "\t", "        ", "\n", ":", "=", ":=", "=>", "==", "=~", "::",
      "://", ":=", "=\"", "abc", "Xy9", "s3cr3tV4lue", "$", ",", ";", "(", "[", "é", "=" + "a".repeat(20),
  };

  @Test
  void operatorLookNeverRejectsAMatch() {
    Random random = new Random(9);
    int matches = 0;
    for (int t = 0; t < 20_000; t++) {
      StringBuilder b = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        b.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String text = b.toString();
      Matcher matcher = AssignmentDetector.ASSIGNED_VALUE.matcher(text);
      for (int i = 0; i <= text.length(); i++) {
        if (matcher.region(i, text.length()).lookingAt()) {
          matches++;
          int at = i;
          assertTrue(AssignmentDetector.operatorMayFollow(text, i), () -> "at " + at + " in " + text);
        }
      }
    }
    assertTrue(matches > 10_000, matches + " matches");
  }

  @Test
  void proseAfterAKeywordHasNoOperator() {
    assertFalse(AssignmentDetector.operatorMayFollow("tokens were counted", 6));
    assertFalse(AssignmentDetector.operatorMayFollow("password", 8));
    assertFalse(AssignmentDetector.operatorMayFollow("key\\\\\\\\=x", 3));
    assertFalse(AssignmentDetector.operatorMayFollow("key \"=x", 3));
    assertTrue(AssignmentDetector.operatorMayFollow("key\\\\\\\"  \t: x", 3));
    assertTrue(AssignmentDetector.operatorMayFollow("key=x", 3));
  }
}
