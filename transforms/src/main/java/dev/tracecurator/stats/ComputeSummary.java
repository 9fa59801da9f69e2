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
  private final String tokenizer;

  private ComputeSummary(int minGroupSize, PCollectionView<Long> rejectedCount, String tokenizer) {
    this.minGroupSize = minGroupSize;
    this.rejectedCount = rejectedCount;
    this.tokenizer = tokenizer;
  }

  public static ComputeSummary of(int minGroupSize, PCollectionView<Long> rejectedCount) {
    return new ComputeSummary(minGroupSize, rejectedCount, dev.tracecurator.tokens.Tokenizers.DEFAULT);
  }

  /** The same, labelling {@code model_tokens} with the {@code --tokenizer} they were counted in. */
  public ComputeSummary withTokenizer(String name) {
    return new ComputeSummary(minGroupSize, rejectedCount, name);
  }

  @Override
  public PCollection<String> expand(PCollection<AnalysisRow> rows) {
    return rows
        .apply("CombineStatistics", Combine.globally(new SummaryFn(minGroupSize, tokenizer)))
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
