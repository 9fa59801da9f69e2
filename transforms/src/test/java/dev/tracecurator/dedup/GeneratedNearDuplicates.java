package dev.tracecurator.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated texts with planted near duplicates: three fifths unrelated texts of 250 words drawn
 * from 5,000, the rest bases each followed by one to four copies with a known fraction of their
 * words replaced (0.5 % to 4 %, so that exact similarities fall on both sides of 0.8).
 */
public final class GeneratedNearDuplicates {
  private static final double[] EDITED_FRACTIONS = {0.005, 0.01, 0.015, 0.02, 0.03, 0.04};

  private GeneratedNearDuplicates() {}

  /** Generated rows: unrelated texts, and bases each with a few copies whose words are partly replaced. */
  public static List<String> texts(Random random, int count) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count * 3 / 5; i++) {
      texts.add(String.join(" ", words(random)));
    }
    while (texts.size() < count) {
      String[] base = words(random);
      texts.add(String.join(" ", base));
      int copies = 1 + random.nextInt(4);
      double fraction = EDITED_FRACTIONS[random.nextInt(EDITED_FRACTIONS.length)];
      for (int c = 0; c < copies && texts.size() < count; c++) {
        String[] copy = base.clone();
        int edits = (int) Math.round(fraction * copy.length);
        for (int e = 0; e < edits; e++) {
          copy[random.nextInt(copy.length)] = "edited" + random.nextInt(1_000_000);
        }
        texts.add(String.join(" ", copy));
      }
    }
    return texts;
  }

  private static String[] words(Random random) {
    String[] words = new String[250];
    for (int i = 0; i < words.length; i++) {
      words[i] = "w" + random.nextInt(5_000);
    }
    return words;
  }
}
