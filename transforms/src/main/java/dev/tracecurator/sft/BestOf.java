package dev.tracecurator.sft;

import dev.tracecurator.coders.SftCandidateCoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * The best {@code keep} candidates of a key in {@link SftSelection#BEST_FIRST} order, in memory
 * that does not grow with the key's rows: the accumulator is a sorted list of at most
 * {@code keep} small candidates. The order is total on distinct candidates, so the result does
 * not depend on how the rows were split or in which order accumulators merge.
 */
public final class BestOf extends Combine.CombineFn<SftCandidate, List<SftCandidate>, List<SftCandidate>> {
  private final int keep;

  private BestOf(int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, not " + keep);
    }
    this.keep = keep;
  }

  public static BestOf of(int keep) {
    return new BestOf(keep);
  }

  @Override
  public List<SftCandidate> createAccumulator() {
    return new ArrayList<>();
  }

  @Override
  public List<SftCandidate> addInput(List<SftCandidate> best, SftCandidate candidate) {
    int at = Collections.binarySearch(best, candidate, SftSelection.BEST_FIRST);
    int insertAt = at >= 0 ? at : -at - 1;
    if (insertAt < keep) {
      best.add(insertAt, candidate);
      if (best.size() > keep) {
        best.remove(best.size() - 1);
      }
    }
    return best;
  }

  @Override
  public List<SftCandidate> mergeAccumulators(Iterable<List<SftCandidate>> accumulators) {
    List<SftCandidate> merged = createAccumulator();
    for (List<SftCandidate> accumulator : accumulators) {
      for (SftCandidate candidate : accumulator) {
        addInput(merged, candidate);
      }
    }
    return merged;
  }

  @Override
  public List<SftCandidate> extractOutput(List<SftCandidate> best) {
    return best;
  }

  @Override
  public Coder<List<SftCandidate>> getAccumulatorCoder(CoderRegistry registry, Coder<SftCandidate> input) {
    return ListCoder.of(SftCandidateCoder.of());
  }

  @Override
  public Coder<List<SftCandidate>> getDefaultOutputCoder(CoderRegistry registry, Coder<SftCandidate> input) {
    return ListCoder.of(SftCandidateCoder.of());
  }
}
