package dev.tracecurator.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.normalize.Json;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * The whole {@code stats/summary.json} in one combine: {@link SummaryFn}'s figures over the rows,
 * and the run's counts (read, analysed, rejected…) from the rows and the rejected records alike.
 * Counting the rejected records here rather than apart spares the run a stage that waited for both.
 */
public final class RunSummaryFn extends Combine.CombineFn<StatisticsInput, SummaryAccumulator, String> {
  private final SummaryFn rows;

  public RunSummaryFn(int minGroupSize, String tokenizer) {
    this.rows = new SummaryFn(minGroupSize, tokenizer);
  }

  @Override
  public SummaryAccumulator createAccumulator() {
    return rows.createAccumulator();
  }

  @Override
  public SummaryAccumulator addInput(SummaryAccumulator acc, StatisticsInput input) {
    if (input.row() != null) {
      acc.add(input.row());
    } else if (input.rejected()) {
      acc.addRejected();
    }
    return acc;
  }

  @Override
  public SummaryAccumulator mergeAccumulators(Iterable<SummaryAccumulator> accumulators) {
    return rows.mergeAccumulators(accumulators);
  }

  @Override
  public String extractOutput(SummaryAccumulator acc) {
    try {
      // From SummaryFn's text, not its tree: every number keeps the form summary.json has always had.
      ObjectNode node = (ObjectNode) Json.STRICT.readTree(rows.extractOutput(acc));
      RunCounts counts = RunCounts.of(node, acc.total() + acc.rejected(), acc.rejected());
      counts.toJson(node.putObject("counts"));
      return Json.STRICT.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the summary's own JSON did not parse", e);
    }
  }

  @Override
  public Coder<SummaryAccumulator> getAccumulatorCoder(CoderRegistry registry, Coder<StatisticsInput> inputCoder) {
    return SummaryAccumulatorCoder.of();
  }

  @Override
  public Coder<String> getDefaultOutputCoder(CoderRegistry registry, Coder<StatisticsInput> inputCoder) {
    return StringUtf8Coder.of();
  }
}
