package dev.tracecurator.analysis;

import dev.tracecurator.coders.JsonRecordCoder;
import dev.tracecurator.errors.RejectedRecord;
import dev.tracecurator.io.ReadTrajectoryLines;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.sft.SftSettings;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Scores every trajectory: role counts, tool use, patch statistics, tokens, the SFT decision and,
 * for kept rows, the SFT example. A row whose analysis fails goes to {@link #REJECTED}.
 */
public final class AnalyseTrajectories extends PTransform<PCollection<TrajectoryRecord>, PCollectionTuple> {
  public static final TupleTag<AnalysedTrajectory> ANALYSED = new TupleTag<>() {};
  public static final TupleTag<RejectedRecord> REJECTED = new TupleTag<>() {};

  private final SftSettings settings;

  private AnalyseTrajectories(SftSettings settings) {
    this.settings = settings;
  }

  public static AnalyseTrajectories with(SftSettings settings) {
    return new AnalyseTrajectories(settings);
  }

  @Override
  public PCollectionTuple expand(PCollection<TrajectoryRecord> records) {
    PCollectionTuple out = records.apply("Score", ParDo.of(new AnalyseFn(settings))
        .withOutputTags(ANALYSED, TupleTagList.of(REJECTED)));
    out.get(ANALYSED).setCoder(JsonRecordCoder.of(AnalysedTrajectory.class));
    out.get(REJECTED).setCoder(JsonRecordCoder.of(RejectedRecord.class));
    return out;
  }

  static final class AnalyseFn extends DoFn<TrajectoryRecord, AnalysedTrajectory> {
    private final SftSettings settings;
    private final Counter analysed = Metrics.counter(ReadTrajectoryLines.METRICS_NAMESPACE, "analysed");
    private final Counter kept = Metrics.counter(ReadTrajectoryLines.METRICS_NAMESPACE, "sft_kept");
    private final Counter rejected = Metrics.counter(ReadTrajectoryLines.METRICS_NAMESPACE, "rejected");

    AnalyseFn(SftSettings settings) {
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element TrajectoryRecord record, MultiOutputReceiver out) {
      AnalysedTrajectory result;
      try {
        result = TrajectoryAnalyzer.analyse(record, settings);
      } catch (RuntimeException | StackOverflowError e) {
        rejected.inc();
        out.get(REJECTED).output(RejectedRecord.of(record.position().file(), record.position().line(), "analyse",
            "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), null));
        return;
      }
      analysed.inc();
      if (result.sftJson() != null) {
        kept.inc();
      }
      out.get(ANALYSED).output(result);
    }
  }
}
