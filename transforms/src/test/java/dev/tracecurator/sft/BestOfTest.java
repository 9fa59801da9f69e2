package dev.tracecurator.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tracecurator.coders.SftCandidateCoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.testing.CoderProperties;
import org.apache.beam.sdk.testing.CombineFnTester;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

class BestOfTest {
  private static SftCandidate candidate(double quality, String trajectoryId, String file, long line) {
    return new SftCandidate(quality, trajectoryId, file, line, "hash", "id:inst");
  }

  /** Best score first; equal scores by trajectory id, then file, then line; a null id sorts as "". */
  private static final List<SftCandidate> BEST_FIRST_ORDER = List.of(
      candidate(0.9, "z", "a.jsonl", 9),
      candidate(0.5, null, "b.jsonl", 1),
      candidate(0.5, "a", "a.jsonl", 2),
      candidate(0.5, "a", "a.jsonl", 3),
      candidate(0.5, "a", "b.jsonl", 1),
      candidate(0.5, "b", "a.jsonl", 1),
      candidate(0.1, "a", "a.jsonl", 1));

  private static List<SftCandidate> shuffled(long seed) {
    List<SftCandidate> input = new ArrayList<>(BEST_FIRST_ORDER);
    Collections.shuffle(input, new Random(seed));
    return input;
  }

  @Test
  void keepsTheBestInOrderWhateverTheInputOrder() {
    for (int keep = 1; keep <= BEST_FIRST_ORDER.size() + 1; keep++) {
      List<SftCandidate> expected = BEST_FIRST_ORDER.subList(0, Math.min(keep, BEST_FIRST_ORDER.size()));
      for (long seed = 0; seed < 20; seed++) {
        BestOf fn = BestOf.of(keep);
        List<SftCandidate> best = fn.createAccumulator();
        for (SftCandidate c : shuffled(seed)) {
          best = fn.addInput(best, c);
        }
        assertEquals(expected, fn.extractOutput(best), "keep " + keep + ", seed " + seed);
      }
    }
  }

  @Test
  void equalScoresAreDecidedByTrajectoryIdThenFileThenLine() {
    BestOf fn = BestOf.of(1);
    SftCandidate byId = candidate(0.5, "a", "z.jsonl", 99);
    SftCandidate byFile = candidate(0.5, "b", "a.jsonl", 99);
    SftCandidate byLine = candidate(0.5, "b", "b.jsonl", 1);
    assertEquals(List.of(byId), fn.apply(List.of(byLine, byFile, byId)));
    assertEquals(List.of(byFile), fn.apply(List.of(byLine, byFile)));
    assertEquals(List.of(byLine), fn.apply(List.of(candidate(0.5, "b", "b.jsonl", 2), byLine)));
  }

  @Test
  void anySplitAndMergeOrderGivesTheSameResult() {
    // CombineFnTester adds the inputs in every order it tries, splits them into accumulators of
    // many sizes and merges those in several orders; each must give the same best three.
    CombineFnTester.testCombineFn(BestOf.of(3), shuffled(7), BEST_FIRST_ORDER.subList(0, 3));
    CombineFnTester.testCombineFn(BestOf.of(1), shuffled(8), Matchers.contains(BEST_FIRST_ORDER.get(0)));
    for (long seed = 0; seed < 20; seed++) {
      BestOf fn = BestOf.of(2);
      List<List<SftCandidate>> accumulators = new ArrayList<>();
      List<SftCandidate> input = shuffled(seed);
      for (int i = 0; i < input.size(); i += 2) {
        List<SftCandidate> accumulator = fn.createAccumulator();
        for (SftCandidate c : input.subList(i, Math.min(i + 2, input.size()))) {
          fn.addInput(accumulator, c);
        }
        accumulators.add(accumulator);
      }
      Collections.shuffle(accumulators, new Random(seed));
      assertEquals(BEST_FIRST_ORDER.subList(0, 2), fn.extractOutput(fn.mergeAccumulators(accumulators)));
    }
  }

  @Test
  void theAccumulatorCoderIsDeterministicAndRoundTrips() throws Exception {
    ListCoder<SftCandidate> coder = ListCoder.of(SftCandidateCoder.of());
    coder.verifyDeterministic();
    CoderProperties.coderDecodeEncodeEqual(coder, BEST_FIRST_ORDER);
    CoderProperties.coderDeterministic(coder, new ArrayList<>(BEST_FIRST_ORDER), List.copyOf(BEST_FIRST_ORDER));
  }

  @Test
  void keepsAtLeastOne() {
    assertThrows(IllegalArgumentException.class, () -> BestOf.of(0));
  }
}
