package dev.tracecurator.normalize;

import dev.tracecurator.coders.JsonRecordCoder;
import dev.tracecurator.errors.InvalidRecordException;
import dev.tracecurator.errors.RejectedRecord;
import dev.tracecurator.io.RunCounters;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.model.TrajectoryRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Parses each raw record and maps it onto the record model. A record that is not a JSON object,
 * or whose fields have the wrong types, goes to {@link #REJECTED} with the reason.
 */
public final class NormalizeRecords extends PTransform<PCollection<SourceLine>, PCollectionTuple> {
  public static final TupleTag<TrajectoryRecord> RECORDS = new TupleTag<>() {};
  public static final TupleTag<RejectedRecord> REJECTED = new TupleTag<>() {};
  static final String STEP = "normalize";

  public static NormalizeRecords create() {
    return new NormalizeRecords();
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceLine> lines) {
    PCollectionTuple out = lines.apply("MapRows", ParDo.of(new NormalizeFn())
        .withOutputTags(RECORDS, TupleTagList.of(REJECTED)));
    out.get(RECORDS).setCoder(JsonRecordCoder.of(TrajectoryRecord.class));
    out.get(REJECTED).setCoder(JsonRecordCoder.of(RejectedRecord.class));
    return out;
  }

  /** What one line becomes: a record, or a rejection with its reason; exactly one is set. */
  public record Outcome(TrajectoryRecord record, RejectedRecord rejected) {}

  /** One line normalised; never throws, so every line read comes out once. */
  public static Outcome outcome(SourceLine line) {
    return outcome(line, RowParser.withDefaults());
  }

  /** {@link #outcome(SourceLine)} within the parser's limits. */
  public static Outcome outcome(SourceLine line, RowParser parser) {
    String file = line.position().file();
    long number = line.position().line();
    if (line.readError() != null) {
      return new Outcome(null, RejectedRecord.of(file, number, "read", line.readError(), line.text()));
    }
    try {
      return new Outcome(RowMapper.map(line, parser), null);
    } catch (InvalidRecordException e) {
      return new Outcome(null, RejectedRecord.of(file, number, STEP, e.getMessage(), line.text()));
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(null, RejectedRecord.of(file, number, STEP,
          "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), line.text()));
    }
  }

  static final class NormalizeFn extends DoFn<SourceLine, TrajectoryRecord> {
    private final Counter rejected = RunCounters.counter("rejected");

    @ProcessElement
    public void process(@Element SourceLine line, MultiOutputReceiver out) {
      Outcome outcome = outcome(line);
      if (outcome.rejected() != null) {
        rejected.inc();
        out.get(REJECTED).output(outcome.rejected());
      } else {
        out.get(RECORDS).output(outcome.record());
      }
    }
  }
}
