package dev.tracecurator.dedup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHashTest {
  @Test
  void wordsIgnoreCasePunctuationAndLayout() {
    assertArrayEquals(WordShingles.of("Fix the  bug,\nin parser.py", 2), WordShingles.of("fix THE bug in parser py", 2));
  }

  @Test
  void aShortTextIsOneShingleAndAnEmptyOneNone() {
    assertEquals(1, WordShingles.of("two words", 5).length);
    assertEquals(0, WordShingles.of(" ,; ", 5).length);
  }

  @Test
  void theSameSeedSignsTheSameOnEveryInstance() {
    long[] shingles = WordShingles.of("the same text signed twice by two hashers", 3);
    assertArrayEquals(new MinHasher(64, 7).signature(shingles), new MinHasher(64, 7).signature(shingles));
  }

  /** Generated texts: the estimate stays within five standard errors of the exact similarity. */
  @Test
  void estimatesTheExactJaccard() {
    Random random = new Random(11);
    MinHasher hasher = new MinHasher(128, NearDupSettings.DEFAULT_SEED);
    for (int trial = 0; trial < 50; trial++) {
      String[] words = new String[300];
      for (int i = 0; i < words.length; i++) {
        words[i] = "w" + random.nextInt(5_000);
      }
      String a = String.join(" ", words);
      int edits = random.nextInt(30);
      for (int e = 0; e < edits; e++) {
        words[random.nextInt(words.length)] = "edit" + random.nextInt(1_000_000);
      }
      long[] sa = WordShingles.of(a, 5);
      long[] sb = WordShingles.of(String.join(" ", words), 5);
      double exact = WordShingles.jaccard(sa, sb);
      double estimate = MinHasher.similarity(hasher.signature(sa), hasher.signature(sb));
      double error = Math.sqrt(exact * (1 - exact) / 128);
      assertTrue(Math.abs(estimate - exact) <= 5 * error + 1e-9, "exact " + exact + ", estimate " + estimate);
    }
  }

  @Test
  void bandsFindPairsAtTheThresholdAndFewFarBelowIt() {
    LshBands bands = LshBands.forThreshold(0.8, 128);
    assertTrue(bands.bands() * bands.rows() <= 128);
    assertTrue(bands.candidateProbability(0.8) >= LshBands.RECALL_AT_THRESHOLD);
    assertTrue(bands.candidateProbability(0.2) < 0.05, bands.toString());
  }

  @Test
  void equalSignaturesShareEveryBandAndBandsOfDifferentIndexDiffer() {
    int[] signature = new int[16];
    long[] keys = new LshBands(4, 4).keys(signature);
    assertArrayEquals(keys, new LshBands(4, 4).keys(signature.clone()));
    assertEquals(4, java.util.Arrays.stream(keys).distinct().count());
  }
}
