package dev.tracecurator.decontam;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated benchmark text and planted overlaps with it (generated, not real): statements of words
 * drawn from one made-up vocabulary, the text around a planted span from another, so that a span
 * matches exactly as long as it was planted and not a word longer.
 */
final class PlantedOverlaps {
  private final Random random;

  PlantedOverlaps(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} words from the statements' vocabulary (2,000 made-up words). */
  List<String> statementWords(int count) {
    return words("w", 2_000, count);
  }

  /** {@code count} words that never occur in a statement. */
  List<String> otherWords(int count) {
    return words("filler", 2_000, count);
  }

  private List<String> words(String stem, int vocabulary, int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(stem + Integer.toString(random.nextInt(vocabulary), 36));
    }
    return out;
  }

  /** Other text, then {@code length} words of {@code statement} from {@code from}, then other text. */
  String spanInOtherText(List<String> statement, int from, int length) {
    List<String> text = new ArrayList<>(otherWords(40));
    text.addAll(statement.subList(from, from + length));
    text.addAll(otherWords(40));
    return String.join(" ", text);
  }

  static final String GOLD_PATCH = String.join("\n",
      "diff --git a/src/pkg/handlers.py b/src/pkg/handlers.py",
      "index 3f2a9c1..8be41d0 100644",
      "--- a/src/pkg/handlers.py",
      "+++ b/src/pkg/handlers.py",
      "@@ -10,7 +10,8 @@ def handle(request):",
      "     payload = request.json()",
      "-    if payload is None:",
      "+    if not payload:",
      "+        log.debug('empty payload')",
      "         return None",
      " ",
      "     return process(payload)",
      "") ;

  /** The gold patch as another tool writes it: no index line, other line numbers, CRLF, trailing spaces, extra blank lines. */
  static String goldPatchRewritten() {
    return String.join("\r\n",
        "diff --git a/src/pkg/handlers.py b/src/pkg/handlers.py",
        "--- a/src/pkg/handlers.py",
        "+++ b/src/pkg/handlers.py",
        "@@ -42,7 +42,8 @@",
        "     payload = request.json()   ",
        "-    if payload is None:",
        "+    if not payload:\t",
        "+        log.debug('empty payload')",
        "         return None",
        "",
        "",
        "",
        "     return process(payload)",
        "",
        "");
  }

  /** The rewritten patch with one added line changed. */
  static String goldPatchOneLineChanged() {
    return goldPatchRewritten().replace("log.debug('empty payload')", "log.info('empty payload')");
  }
}
