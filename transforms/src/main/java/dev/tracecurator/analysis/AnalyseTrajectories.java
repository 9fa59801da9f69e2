package dev.tracecurator.analysis;

import dev.tracecurator.model.SourceLine;
import dev.tracecurator.normalize.NormalizeRecords;
import dev.tracecurator.normalize.RowParser;

import dev.tracecurator.coders.AnalysedTrajectoryCoder;
import dev.tracecurator.coders.JsonRecordCoder;
import dev.tracecurator.errors.RejectedRecord;
import dev.tracecurator.io.ReadTrajectoryLines;
import dev.tracecurator.io.RunCounters;
import dev.tracecurator.model.TrajectoryRecord;
import dev.tracecurator.sft.SftSettings;
import org.apache.beam.sdk.metrics.Counter;
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
    return withCoders(records.apply("Score", ParDo.of(new AnalyseFn(settings)).withOutputTags(ANALYSED, TupleTagList.of(REJECTED))));
  }

  private static PCollectionTuple withCoders(PCollectionTuple out) {
    out.get(ANALYSED).setCoder(AnalysedTrajectoryCoder.of());
    out.get(REJECTED).setCoder(JsonRecordCoder.of(RejectedRecord.class));
    return out;
  }

  /**
   * Normalises and scores raw lines in one step: the same work as {@code NormalizeRecords}
   * followed by this transform, without handing each whole trajectory from one step to the next.
   * Flink's batch translation of a step with several outputs ships every element through a coder
   * to the step after it; here that happens once, to the small analysed rows.
   */
  public static FromLines fromLines(SftSettings settings) {
    return new FromLines(settings, RowParser.withDefaults());
  }

  /** See {@link #fromLines}. */
  public static final class FromLines extends PTransform<PCollection<SourceLine>, PCollectionTuple> {
    private final SftSettings settings;
    private final RowParser parser;

    private FromLines(SftSettings settings, RowParser parser) {
      this.settings = settings;
      this.parser = parser;
    }

    /** Rows nested deeper than this are rejected (default {@link RowParser#DEFAULT_MAX_NESTING_DEPTH}). */
    public FromLines withMaxNestingDepth(int depth) {
      return new FromLines(settings, new RowParser(depth));
    }

    @Override
    public PCollectionTuple expand(PCollection<SourceLine> lines) {
      return withCoders(lines.apply("NormalizeAndScore", ParDo.of(new LinesFn(settings, parser)).withOutputTags(ANALYSED, TupleTagList.of(REJECTED))));
    }
  }

  /**
   * Reads each planned file and normalises and scores its records in the same step. For a runner
   * that runs every step on its own and keeps what a step outputs in memory until the next step
   * has taken it (the DirectRunner): there, a separate read outruns the analysis and holds the
   * whole input as text. Fusing runners (Flink, Dataflow) chain the two steps of
   * {@link #fromLines} into this anyway.
   */
  public static FromFiles fromFiles(ReadTrajectoryLines.RecordReader reader, SftSettings settings, int maxNestingDepth) {
    return new FromFiles(reader, new LinesFn(settings, new RowParser(maxNestingDepth)));
  }

  /** See {@link #fromFiles}. */
  public static final class FromFiles extends PTransform<PCollection<ReadTrajectoryLines.FileToRead>, PCollectionTuple> {
    private final ReadTrajectoryLines.RecordReader reader;
    private final LinesFn lines;

    private FromFiles(ReadTrajectoryLines.RecordReader reader, LinesFn lines) {
      this.reader = reader;
      this.lines = lines;
    }

    @Override
    public PCollectionTuple expand(PCollection<ReadTrajectoryLines.FileToRead> files) {
      return withCoders(files.apply("ReadNormalizeAndScore", ParDo.of(new FilesFn(reader, lines))
          .withOutputTags(ANALYSED, TupleTagList.of(REJECTED))));
    }
  }

  static final class FilesFn extends DoFn<ReadTrajectoryLines.FileToRead, AnalysedTrajectory> {
    private final ReadTrajectoryLines.RecordReader reader;
    private final LinesFn lines;

    FilesFn(ReadTrajectoryLines.RecordReader reader, LinesFn lines) {
      this.reader = reader;
      this.lines = lines;
    }

    @ProcessElement
    public void process(@Element ReadTrajectoryLines.FileToRead file, MultiOutputReceiver out) {
      reader.read(file, new DoFn.OutputReceiver<>() {
        @Override
        public void output(SourceLine line) {
          lines.process(line, out);
        }

        @Override
        public void outputWithTimestamp(SourceLine line, org.joda.time.Instant timestamp) {
          output(line);
        }
      });
    }
  }

  static final class LinesFn extends DoFn<SourceLine, AnalysedTrajectory> {
    private final AnalyseFn analyse;
    private final RowParser parser;
    private final Counter rejected = RunCounters.counter("rejected");

    LinesFn(SftSettings settings, RowParser parser) {
      this.analyse = new AnalyseFn(settings);
      this.parser = parser;
    }

    @ProcessElement
    public void process(@Element SourceLine line, MultiOutputReceiver out) {
      NormalizeRecords.Outcome outcome = NormalizeRecords.outcome(line, parser);
      if (outcome.rejected() != null) {
        rejected.inc();
        out.get(REJECTED).output(outcome.rejected());
      } else {
        analyse.analyse(outcome.record(), out);
      }
    }
  }

  static final class AnalyseFn extends DoFn<TrajectoryRecord, AnalysedTrajectory> {
    private final SftSettings settings;
    private final Counter analysed = RunCounters.counter("analysed");
    private final Counter kept = RunCounters.counter("sft_kept");
    private final Counter rejected = RunCounters.counter("rejected");

    AnalyseFn(SftSettings settings) {
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element TrajectoryRecord record, MultiOutputReceiver out) {
      analyse(record, out);
    }

    void analyse(TrajectoryRecord record, MultiOutputReceiver out) {
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
      if (result.kept()) {
        kept.inc();
      }
      out.get(ANALYSED).output(result);
    }
  }
}
