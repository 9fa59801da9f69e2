package dev.tracecurator.stats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracecurator.analysis.AnalysisRow;
import dev.tracecurator.normalize.Json;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The grouped statistics of {@code stats/summary.json}, computed with one {@link Combine} over the
 * analysis rows, with the run's reconciliation counts added from the read and rejected totals.
 */
public final class ComputeSummary extends PTransform<PCollection<AnalysisRow>, PCollection<String>> {
  private final int minGroupSize;
  private final PCollectionView<Long> readCount;
  private final PCollectionView<Long> rejectedCount;

  private ComputeSummary(int minGroupSize, PCollectionView<Long> readCount, PCollectionView<Long> rejectedCount) {
    this.minGroupSize = minGroupSize;
    this.readCount = readCount;
    this.rejectedCount = rejectedCount;
  }

  public static ComputeSummary of(int minGroupSize, PCollectionView<Long> readCount, PCollectionView<Long> rejectedCount) {
    return new ComputeSummary(minGroupSize, readCount, rejectedCount);
  }

  @Override
  public PCollection<String> expand(PCollection<AnalysisRow> rows) {
    return rows
        .apply("CombineStatistics", Combine.globally(new SummaryFn(minGroupSize)))
        .apply("AddRunCounts", ParDo.of(new AddCountsFn(readCount, rejectedCount))
            .withSideInputs(readCount, rejectedCount))
        .setCoder(StringUtf8Coder.of());
  }

  static final class AddCountsFn extends DoFn<String, String> {
    private final PCollectionView<Long> readCount;
    private final PCollectionView<Long> rejectedCount;

    AddCountsFn(PCollectionView<Long> readCount, PCollectionView<Long> rejectedCount) {
      this.readCount = readCount;
      this.rejectedCount = rejectedCount;
    }

    @ProcessElement
    public void process(@Element String summary, ProcessContext context) throws Exception {
      ObjectNode node = (ObjectNode) Json.STRICT.readTree(summary);
      RunCounts counts = RunCounts.of(node, context.sideInput(readCount), context.sideInput(rejectedCount));
      counts.toJson(node.putObject("counts"));
      context.output(Json.STRICT.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }
  }
}
