package dev.tracecurator.sft;

import dev.tracecurator.coders.ClusterChoiceCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * A near-duplicate cluster's best candidate ({@link SftSelection#BEST_FIRST}) and its size, in
 * memory that does not grow with the cluster: one candidate and a count.
 */
public final class BestOfCluster extends Combine.CombineFn<SftCandidate, ClusterChoice, ClusterChoice> {
  @Override
  public ClusterChoice createAccumulator() {
    return new ClusterChoice(null, 0);
  }

  @Override
  public ClusterChoice addInput(ClusterChoice choice, SftCandidate candidate) {
    return merge(choice, new ClusterChoice(candidate, 1));
  }

  @Override
  public ClusterChoice mergeAccumulators(Iterable<ClusterChoice> choices) {
    ClusterChoice merged = createAccumulator();
    for (ClusterChoice choice : choices) {
      merged = merge(merged, choice);
    }
    return merged;
  }

  private static ClusterChoice merge(ClusterChoice a, ClusterChoice b) {
    SftCandidate best;
    if (a.best() == null) {
      best = b.best();
    } else if (b.best() == null) {
      best = a.best();
    } else {
      best = SftSelection.BEST_FIRST.compare(a.best(), b.best()) <= 0 ? a.best() : b.best();
    }
    return new ClusterChoice(best, a.size() + b.size());
  }

  @Override
  public ClusterChoice extractOutput(ClusterChoice choice) {
    return choice;
  }

  @Override
  public Coder<ClusterChoice> getAccumulatorCoder(CoderRegistry registry, Coder<SftCandidate> input) {
    return ClusterChoiceCoder.of();
  }

  @Override
  public Coder<ClusterChoice> getDefaultOutputCoder(CoderRegistry registry, Coder<SftCandidate> input) {
    return ClusterChoiceCoder.of();
  }
}
