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
 * analysis rows, with the counts the outputs account for (analysed, rejected, their sum as read)
 * added; the launcher checks that sum against the reader's own count.
 */
public final class ComputeSummary extends PTransform<PCollection<AnalysisRow>, PCollection<String>> {
  private final int minGroupSize;
  private final PCollectionView<Long> rejectedCount;

  private ComputeSummary(int minGroupSize, PCollectionView<Long> rejectedCount) {
    this.minGroupSize = minGroupSize;
    this.rejectedCount = rejectedCount;
  }

  public static ComputeSummary of(int minGroupSize, PCollectionView<Long> rejectedCount) {
    return new ComputeSummary(minGroupSize, rejectedCount);
  }

  @Override
  public PCollection<String> expand(PCollection<AnalysisRow> rows) {
    return rows
        .apply("CombineStatistics", Combine.globally(new SummaryFn(minGroupSize)))
        .apply("AddRunCounts", ParDo.of(new AddCountsFn(rejectedCount)).withSideInputs(rejectedCount))
        .setCoder(StringUtf8Coder.of());
  }

  static final class AddCountsFn extends DoFn<String, String> {
    private final PCollectionView<Long> rejectedCount;

    AddCountsFn(PCollectionView<Long> rejectedCount) {
      this.rejectedCount = rejectedCount;
    }

    @ProcessElement
    public void process(@Element String summary, ProcessContext context) throws Exception {
      ObjectNode node = (ObjectNode) Json.STRICT.readTree(summary);
      // What the outputs account for; the launcher compares it with what the reader counted.
      long rejected = context.sideInput(rejectedCount);
      RunCounts counts = RunCounts.of(node, node.path("total_records").asLong() + rejected, rejected);
      counts.toJson(node.putObject("counts"));
      context.output(Json.STRICT.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }
  }
}
