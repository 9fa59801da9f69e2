package dev.tracecurator.stats;

import dev.tracecurator.analysis.AnalysisRow;
import dev.tracecurator.errors.RejectedRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The grouped statistics of {@code stats/summary.json}, computed with one {@link Combine} over the
 * analysis rows and the rejected records, with the counts the outputs account for (analysed,
 * rejected, their sum as read); the launcher checks that sum against the reader's own count.
 *
 * <p>One combine, fed once more by a single empty input so that a run of no rows still has a
 * summary: Beam's own default for an empty input, and a rejected count as a side input, each
 * made the runner wait for a whole stage (on Flink a scheduling wave after the analysis).
 */
public final class ComputeSummary extends PTransform<PCollectionTuple, PCollection<String>> {
  public static final TupleTag<AnalysisRow> ROWS = new TupleTag<>() {};
  public static final TupleTag<RejectedRecord> REJECTED = new TupleTag<>() {};
  private final int minGroupSize;
  private final String tokenizer;

  private ComputeSummary(int minGroupSize, String tokenizer) {
    this.minGroupSize = minGroupSize;
    this.tokenizer = tokenizer;
  }

  public static ComputeSummary of(int minGroupSize) {
    return new ComputeSummary(minGroupSize, dev.tracecurator.tokens.Tokenizers.DEFAULT);
  }

  /** The same, labelling {@code model_tokens} with the {@code --tokenizer} they were counted in. */
  public ComputeSummary withTokenizer(String name) {
    return new ComputeSummary(minGroupSize, name);
  }

  /** The input: {@link #ROWS} and {@link #REJECTED}. */
  public static PCollectionTuple inputs(PCollection<AnalysisRow> rows, PCollection<RejectedRecord> rejected) {
    return PCollectionTuple.of(ROWS, rows).and(REJECTED, rejected);
  }

  @Override
  public PCollection<String> expand(PCollectionTuple input) {
    TypeDescriptor<StatisticsInput> type = TypeDescriptor.of(StatisticsInput.class);
    PCollection<StatisticsInput> rows = input.get(ROWS)
        .apply("Rows", MapElements.into(type).via(StatisticsInput::of))
        .setCoder(StatisticsInputCoder.of());
    PCollection<StatisticsInput> rejected = input.get(REJECTED)
        .apply("Rejected", MapElements.into(type).via((RejectedRecord r) -> StatisticsInput.oneRejected()))
        .setCoder(StatisticsInputCoder.of());
    PCollection<StatisticsInput> nothing = input.getPipeline()
        .apply("NoInput", Create.of(StatisticsInput.nothing()).withCoder(StatisticsInputCoder.of()));
    return PCollectionList.of(rows).and(rejected).and(nothing)
        .apply("AllInputs", Flatten.pCollections())
        .apply("CombineStatistics", Combine.globally(new RunSummaryFn(minGroupSize, tokenizer)).withoutDefaults())
        .setCoder(StringUtf8Coder.of());
  }
}
