package dev.tracecurator.pipelines;

import dev.tracecurator.decontam.BenchmarkIndex;
import dev.tracecurator.analysis.AnalyseTrajectories;
import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.analysis.AnalysisCsv;
import dev.tracecurator.analysis.AnalysisRow;
import dev.tracecurator.coders.JsonRecordCoder;
import dev.tracecurator.errors.RejectedJson;
import dev.tracecurator.errors.RejectedRecord;
import dev.tracecurator.io.InputSpec;
import dev.tracecurator.io.OutputPaths;
import dev.tracecurator.io.ReadTrajectoryLines;
import dev.tracecurator.io.PlaceFiles;
import dev.tracecurator.io.StagedOutput;
import dev.tracecurator.io.WriteTextFiles;
import dev.tracecurator.model.SourceLine;
import dev.tracecurator.report.ExampleChooser;
import dev.tracecurator.report.WriteReport;
import dev.tracecurator.sft.SelectSftExamples;
import dev.tracecurator.sft.SftLayout;
import dev.tracecurator.sft.SftSettings;
import dev.tracecurator.sft.WriteSftExamples;
import dev.tracecurator.stats.ComputeSummary;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The {@code curate} graph: one read, then normalise → score → (statistics | SFT | table) → write,
 * with every failure flattened into one dead-letter output.
 */
public final class CuratePipeline {
  public static final String ANALYSIS_DIR = "analysis";
  public static final String SFT_DIR = "sft";
  public static final String REJECTED_DIR = "rejected";
  public static final String SUMMARY_FILE = "stats/summary.json";
  public static final String REPORT_DIR = "report";

  private CuratePipeline() {}

  /** The settings of one run, resolved from the options. */
  public record Settings(List<InputSpec> inputs, String output, SftSettings sft, SftLayout layout, boolean dedup,
      int maxPerInstance, int minGroupSize, boolean report, long limitPerSource, long maxRecordBytes,
      int maxJsonDepth, long readRangeBytes, BenchmarkIndex benchmarks) {
    /** These settings with JSON Lines files cut into stretches of at most {@code bytes}. */
    public Settings withReadRangeBytes(long bytes) {
      return new Settings(inputs, output, sft, layout, dedup, maxPerInstance, minGroupSize, report, limitPerSource,
          maxRecordBytes, maxJsonDepth, bytes, benchmarks);
    }
  }

  public static void build(Pipeline pipeline, Settings settings) {
    String out = settings.output();
    ReadTrajectoryLines read = ReadTrajectoryLines.from(settings.inputs()).withLimitPerSource(settings.limitPerSource())
        .withMaxRecordBytes(settings.maxRecordBytes()).withRangeBytes(settings.readRangeBytes());
    boolean direct = pipeline.getOptions().getRunner().getSimpleName().equals("DirectRunner");
    PCollectionTuple scored;
    if (direct && settings.limitPerSource() == 0) {
      // The DirectRunner runs each step apart and keeps a step's output until the next has taken
      // it: a separate read would outrun the analysis and hold the whole input as text.
      scored = pipeline.apply("ReadTrajectories", read.plan())
          .apply("NormalizeAndScore", AnalyseTrajectories.fromFiles(read.reader(), settings.sft(), settings.maxJsonDepth())
              .withBenchmarks(settings.benchmarks()));
    } else {
      PCollection<SourceLine> lines = pipeline.apply("ReadTrajectories", read);
      // Normalise and score in one step (see AnalyseTrajectories.fromLines): the graph is still
      // read → normalise → score, without shipping whole trajectories between the two.
      scored = lines.apply("NormalizeAndScore", AnalyseTrajectories.fromLines(settings.sft())
          .withMaxNestingDepth(settings.maxJsonDepth()).withBenchmarks(settings.benchmarks()));
    }
    PCollection<AnalysedTrajectory> analysed = scored.get(AnalyseTrajectories.ANALYSED)
        .apply("SelectSftExamples", SelectSftExamples.with(settings.dedup(), settings.maxPerInstance())
            .withNearDuplicates(settings.sft().nearDup()));
    if (direct) {
      analysed = analysed.apply("DirectRunnerBundles", new DirectRunnerBundles());
    }
    PCollection<AnalysisRow> rows = analysed
        .apply("TableRows", MapElements.into(TypeDescriptor.of(AnalysisRow.class)).via(AnalysedTrajectory::row))
        .setCoder(JsonRecordCoder.of(AnalysisRow.class));

    PCollection<RejectedRecord> rejected = scored.get(AnalyseTrajectories.REJECTED);

    // Every output is written under temporary names, then all are put in place by one step once
    // all are written (PlaceFiles.together): one placement per output cost Flink five tasks per worker each.
    List<StagedOutput> outputs = new ArrayList<>();
    outputs.add(WriteTextFiles.to(OutputPaths.join(out, ANALYSIS_DIR), ".csv", AnalysisCsv.HEADER)
        .stage("WriteAnalysisTable", rows.apply("ToCsv", MapElements.into(TypeDescriptors.strings()).via(AnalysisCsv::line))));

    outputs.add(WriteSftExamples.to(OutputPaths.join(out, SFT_DIR), settings.layout()).stage("WriteSft", analysed));

    outputs.add(WriteTextFiles.to(OutputPaths.join(out, REJECTED_DIR), ".jsonl", null)
        .stage("WriteRejected", rejected.apply("RejectedJson", MapElements.into(TypeDescriptors.strings()).via(RejectedJson::line))));

    PCollection<String> summary = ComputeSummary.inputs(rows, rejected)
        .apply("ComputeStatistics", ComputeSummary.of(settings.minGroupSize()).withTokenizer(settings.sft().tokenizer()));
    outputs.add(WriteTextFiles.toSingleFile(OutputPaths.join(out, SUMMARY_FILE)).stage("WriteSummary", summary));
    PlaceFiles.together(pipeline, "PlaceOutputs", outputs);

    if (settings.report()) {
      // Only the report reads the examples as JSON lines: inflating and keeping every kept one was
      // wasted work in a run without it.
      PCollection<String> sftRows = analysed
          .apply("KeptForSft", Filter.by(AnalysedTrajectory::kept))
          .apply("SftJson", MapElements.into(TypeDescriptors.strings()).via(AnalysedTrajectory::sftJson));
      PCollectionView<List<String>> example = sftRows
          .apply("ChooseSftExample", Combine.globally(new Top.TopCombineFn<>(1, new ExampleChooser())).asSingletonView());
      summary.apply("WriteReport", WriteReport.to(OutputPaths.join(out, REPORT_DIR), example));
    }
  }
}
