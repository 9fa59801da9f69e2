package dev.tracecurator.stats;

import dev.tracecurator.analysis.AnalysisRow;
import dev.tracecurator.normalize.Json;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;

/** Combines analysis rows into the summary's JSON, merging partial counts from every worker. */
public final class SummaryFn extends Combine.CombineFn<AnalysisRow, SummaryAccumulator, String> {
  private final int minGroupSize;
  private final String tokenizer;

  public SummaryFn(int minGroupSize) {
    this(minGroupSize, dev.tracecurator.tokens.Tokenizers.DEFAULT);
  }

  public SummaryFn(int minGroupSize, String tokenizer) {
    this.minGroupSize = minGroupSize;
    this.tokenizer = tokenizer;
  }

  @Override
  public SummaryAccumulator createAccumulator() {
    return new SummaryAccumulator();
  }

  @Override
  public SummaryAccumulator addInput(SummaryAccumulator acc, AnalysisRow row) {
    acc.add(row);
    return acc;
  }

  @Override
  public SummaryAccumulator mergeAccumulators(Iterable<SummaryAccumulator> accumulators) {
    SummaryAccumulator merged = new SummaryAccumulator();
    for (SummaryAccumulator acc : accumulators) {
      merged.merge(acc);
    }
    return merged;
  }

  @Override
  public String extractOutput(SummaryAccumulator acc) {
    return Json.write(SummaryJson.build(acc, minGroupSize, tokenizer));
  }

  @Override
  public Coder<SummaryAccumulator> getAccumulatorCoder(CoderRegistry registry, Coder<AnalysisRow> inputCoder)
      throws CannotProvideCoderException {
    return SummaryAccumulatorCoder.of();
  }

  @Override
  public Coder<String> getDefaultOutputCoder(CoderRegistry registry, Coder<AnalysisRow> inputCoder) {
    return StringUtf8Coder.of();
  }
}
