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
import dev.tracecurator.decontam.BenchmarkHashes;
import dev.tracecurator.decontam.BenchmarkIndex;
import java.io.Serializable;
import java.util.List;
import dev.tracecurator.sft.SftSettings;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Scores every trajectory: role counts, tool use, patch statistics, tokens, the SFT decision and,
 * for kept rows, the SFT example. A row whose analysis fails goes to {@link #REJECTED}.
 *
 * <p>With {@code --decontaminate}, the benchmark index is a side input, not a field of the step:
 * the DirectRunner serialises a step's function again for every bundle it runs (twice, and
 * deserialises it twice), which with a 1.5 MB index inside doubled the whole run's time; a side
 * input is materialised once.
 */
public final class AnalyseTrajectories extends PTransform<PCollection<TrajectoryRecord>, PCollectionTuple> {
  public static final TupleTag<AnalysedTrajectory> ANALYSED = new TupleTag<>() {};
  public static final TupleTag<RejectedRecord> REJECTED = new TupleTag<>() {};

  private final SftSettings settings;
  private final BenchmarkIndex benchmarks;

  private AnalyseTrajectories(SftSettings settings, BenchmarkIndex benchmarks) {
    this.settings = settings;
    this.benchmarks = benchmarks;
  }

  public static AnalyseTrajectories with(SftSettings settings) {
    return new AnalyseTrajectories(settings, null);
  }

  /** Also checks each run against these benchmarks ({@code contaminated}); null checks none. */
  public AnalyseTrajectories withBenchmarks(BenchmarkIndex index) {
    return new AnalyseTrajectories(settings, index);
  }

  @Override
  public PCollectionTuple expand(PCollection<TrajectoryRecord> records) {
    BenchmarkSide view = benchmarkView(records.getPipeline().begin(), benchmarks);
    return withCoders(records.apply("Score", withSideInput(ParDo.of(new AnalyseFn(settings, view)), view)
        .withOutputTags(ANALYSED, TupleTagList.of(REJECTED))));
  }

  /**
   * The index as a side input of its rows' hashes, one element each (a few KB: Flink's sorter
   * refuses one element of 1.5 MB), merged again where it is read; null when there is none.
   */
  private static BenchmarkSide benchmarkView(PBegin begin, BenchmarkIndex index) {
    if (index == null) {
      return null;
    }
    PCollectionView<List<BenchmarkHashes>> view = begin
        .apply("Benchmarks", Create.of(index.hashes()).withCoder(SerializableCoder.of(BenchmarkHashes.class)))
        .apply("BenchmarkIndex", View.asList());
    return new BenchmarkSide(view, index.ngram());
  }

  /** The side input and the n-gram length its hashes were made with. */
  record BenchmarkSide(PCollectionView<List<BenchmarkHashes>> view, int ngram) implements Serializable {}

  private static <I, O> ParDo.SingleOutput<I, O> withSideInput(ParDo.SingleOutput<I, O> parDo, BenchmarkSide side) {
    return side == null ? parDo : parDo.withSideInputs(side.view());
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
    return new FromLines(settings, RowParser.withDefaults(), null);
  }

  /** See {@link #fromLines}. */
  public static final class FromLines extends PTransform<PCollection<SourceLine>, PCollectionTuple> {
    private final SftSettings settings;
    private final RowParser parser;
    private final BenchmarkIndex benchmarks;

    private FromLines(SftSettings settings, RowParser parser, BenchmarkIndex benchmarks) {
      this.settings = settings;
      this.parser = parser;
      this.benchmarks = benchmarks;
    }

    /** Rows nested deeper than this are rejected (default {@link RowParser#DEFAULT_MAX_NESTING_DEPTH}). */
    public FromLines withMaxNestingDepth(int depth) {
      return new FromLines(settings, new RowParser(depth), benchmarks);
    }

    /** See {@link AnalyseTrajectories#withBenchmarks}. */
    public FromLines withBenchmarks(BenchmarkIndex index) {
      return new FromLines(settings, parser, index);
    }

    @Override
    public PCollectionTuple expand(PCollection<SourceLine> lines) {
      BenchmarkSide view = benchmarkView(lines.getPipeline().begin(), benchmarks);
      return withCoders(lines.apply("NormalizeAndScore", withSideInput(ParDo.of(new LinesFn(settings, parser, view)), view)
          .withOutputTags(ANALYSED, TupleTagList.of(REJECTED))));
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
    return new FromFiles(reader, settings, new RowParser(maxNestingDepth), null);
  }

  /** See {@link #fromFiles}. */
  public static final class FromFiles extends PTransform<PCollection<ReadTrajectoryLines.FileToRead>, PCollectionTuple> {
    private final ReadTrajectoryLines.RecordReader reader;
    private final SftSettings settings;
    private final RowParser parser;
    private final BenchmarkIndex benchmarks;

    private FromFiles(ReadTrajectoryLines.RecordReader reader, SftSettings settings, RowParser parser, BenchmarkIndex benchmarks) {
      this.reader = reader;
      this.settings = settings;
      this.parser = parser;
      this.benchmarks = benchmarks;
    }

    /** See {@link AnalyseTrajectories#withBenchmarks}. */
    public FromFiles withBenchmarks(BenchmarkIndex index) {
      return new FromFiles(reader, settings, parser, index);
    }

    @Override
    public PCollectionTuple expand(PCollection<ReadTrajectoryLines.FileToRead> files) {
      BenchmarkSide view = benchmarkView(files.getPipeline().begin(), benchmarks);
      return withCoders(files.apply("ReadNormalizeAndScore", withSideInput(ParDo.of(new FilesFn(reader,
          new LinesFn(settings, parser, view))), view).withOutputTags(ANALYSED, TupleTagList.of(REJECTED))));
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
    public void process(@Element ReadTrajectoryLines.FileToRead file, MultiOutputReceiver out, ProcessContext context) {
      BenchmarkIndex index = lines.analyse.benchmarks(context);
      reader.read(file, new DoFn.OutputReceiver<>() {
        @Override
        public void output(SourceLine line) {
          lines.process(line, out, index);
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

    LinesFn(SftSettings settings, RowParser parser, BenchmarkSide benchmarks) {
      this.analyse = new AnalyseFn(settings, benchmarks);
      this.parser = parser;
    }

    @ProcessElement
    public void process(@Element SourceLine line, MultiOutputReceiver out, ProcessContext context) {
      process(line, out, analyse.benchmarks(context));
    }

    void process(SourceLine line, MultiOutputReceiver out, BenchmarkIndex index) {
      NormalizeRecords.Outcome outcome = NormalizeRecords.outcome(line, parser);
      if (outcome.rejected() != null) {
        rejected.inc();
        out.get(REJECTED).output(outcome.rejected());
      } else {
        analyse.analyse(outcome.record(), out, index);
      }
    }
  }

  static final class AnalyseFn extends DoFn<TrajectoryRecord, AnalysedTrajectory> {
    private final SftSettings settings;
    private final BenchmarkSide benchmarks;
    /** Merged from the side input on first use; the same for the whole run (one global window). */
    private transient BenchmarkIndex index;
    private final Counter analysed = RunCounters.counter("analysed");
    private final Counter kept = RunCounters.counter("sft_kept");
    private final Counter rejected = RunCounters.counter("rejected");

    AnalyseFn(SftSettings settings, BenchmarkSide benchmarks) {
      this.settings = settings;
      this.benchmarks = benchmarks;
    }

    /** The side input's index, or null when runs are checked against none. */
    BenchmarkIndex benchmarks(DoFn<?, ?>.ProcessContext context) {
      if (benchmarks != null && index == null) {
        index = BenchmarkIndex.fromHashes(context.sideInput(benchmarks.view()), benchmarks.ngram(), List.of());
      }
      return index;
    }

    @ProcessElement
    public void process(@Element TrajectoryRecord record, MultiOutputReceiver out, ProcessContext context) {
      analyse(record, out, benchmarks(context));
    }

    void analyse(TrajectoryRecord record, MultiOutputReceiver out, BenchmarkIndex index) {
      AnalysedTrajectory result;
      try {
        result = TrajectoryAnalyzer.analyse(record, settings, index);
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
