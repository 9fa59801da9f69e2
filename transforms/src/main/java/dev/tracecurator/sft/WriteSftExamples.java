package dev.tracecurator.sft;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.io.FilePlacement;
import dev.tracecurator.io.PlaceFiles;
import dev.tracecurator.io.StagedFiles;
import dev.tracecurator.io.StagedOutput;
import dev.tracecurator.io.WrittenFile;
import dev.tracecurator.io.WrittenFileCoder;
import dev.tracecurator.model.DeflatedText;
import dev.tracecurator.stats.StableHash;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;

/**
 * Writes kept SFT examples as {@code DIR/train-SSSSS-of-NNNNN.EXT} (and {@code validation-…} with a
 * validation split), JSON Lines or Parquet. An example's split follows its instance id, its shard
 * a stable hash of the example; the shard count follows the split's row or byte total. Files are
 * written under a temporary name and renamed when the run succeeds ({@link StagedFiles}).
 */
public final class WriteSftExamples extends PTransform<PCollection<AnalysedTrajectory>, PDone> {
  private final String directory;
  private final SftLayout layout;

  private WriteSftExamples(String directory, SftLayout layout) {
    this.directory = directory;
    this.layout = layout;
  }

  public static WriteSftExamples to(String directory, SftLayout layout) {
    return new WriteSftExamples(directory, layout);
  }

  @Override
  public PDone expand(PCollection<AnalysedTrajectory> analysed) {
    StagedOutput staged = stage("Stage", analysed);
    return staged.written().apply("PlaceFiles", PlaceFiles.by(staged.placement()));
  }

  /**
   * The shards written and not yet placed, for {@link PlaceFiles#together} with a job's other
   * outputs: applied as a step named {@code name}.
   */
  public StagedOutput stage(String name, PCollection<AnalysedTrajectory> analysed) {
    StagedFiles staged = new StagedFiles(directory, "sft");
    return new StagedOutput(analysed.apply(name, new Stage(staged, layout)), new ShardPlacement(staged));
  }

  /** Every kept example in its shard's file, under a temporary name. */
  private static final class Stage extends PTransform<PCollection<AnalysedTrajectory>, PCollection<WrittenFile>> {
    private final StagedFiles staged;
    private final SftLayout layout;

    Stage(StagedFiles staged, SftLayout layout) {
      this.staged = staged;
      this.layout = layout;
    }

    @Override
    public PCollection<WrittenFile> expand(PCollection<AnalysedTrajectory> analysed) {
      // Examples stay compressed until their shard's file is written: the shuffle to the shards
      // and the stage before it carry a fraction of the bytes, and no string of them is made twice.
      PCollection<KV<String, byte[]>> bySplit = analysed
          .apply("Kept", Filter.by(AnalysedTrajectory::kept))
          .apply("AssignSplit", ParDo.of(new AssignSplitFn(layout)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()));
      PCollectionView<Map<String, KV<Long, Long>>> totals = bySplit
          .apply("MeasureRows", ParDo.of(new MeasureFn()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
          .apply("TotalsPerSplit", Combine.perKey(WriteSftExamples::sum))
          .apply("TotalsView", View.asMap());
      PCollection<KV<String, byte[]>> byShard = bySplit
          .apply("AssignShard", ParDo.of(new AssignShardFn(layout, totals)).withSideInputs(totals))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), ByteArrayCoder.of()));

      // A shard's rows meet in one group and go to one file: a shuffle Beam's WriteFiles makes too,
      // in some twenty more steps (see WriteTextFiles).
      String schemaJson = layout.file() == SftFile.PARQUET ? SftAvro.schema(layout.format()).toString() : null;
      return byShard
          .apply("GroupShards", GroupByKey.create())
          .apply("WriteShards", ParDo.of(new WriteShardFileFn(staged, layout.file(), schemaJson)))
          .setCoder(WrittenFileCoder.of());
    }
  }

  /** Renames each written shard to its final name. */
  record ShardPlacement(StagedFiles staged) implements FilePlacement {
    @Override
    public void place(List<WrittenFile> written) throws IOException {
      List<String> temporaries = new ArrayList<>();
      List<String> finals = new ArrayList<>();
      for (WrittenFile file : written) {
        temporaries.add(file.temporary());
        finals.add(file.finalPath());
      }
      staged.place(temporaries, finals);
    }
  }

  /** A kept example's split, and the example still compressed. */
  static final class AssignSplitFn extends DoFn<AnalysedTrajectory, KV<String, byte[]>> {
    private final SftLayout layout;

    AssignSplitFn(SftLayout layout) {
      this.layout = layout;
    }

    @ProcessElement
    public void process(@Element AnalysedTrajectory a, OutputReceiver<KV<String, byte[]>> out) {
      out.output(KV.of(layout.splitOf(SftSelection.instanceKey(a.row())), a.sftExample().bytes()));
    }
  }

  /** A split's rows and bytes of JSON (with its line break) added up. */
  static KV<Long, Long> sum(Iterable<KV<Long, Long>> counts) {
    long rows = 0;
    long bytes = 0;
    for (KV<Long, Long> count : counts) {
      rows += count.getKey();
      bytes += count.getValue();
    }
    return KV.of(rows, bytes);
  }

  /** One row of its split: (split, (1, its bytes of JSON in UTF-8 with the line break)), read without inflating it. */
  static final class MeasureFn extends DoFn<KV<String, byte[]>, KV<String, KV<Long, Long>>> {
    @ProcessElement
    public void process(@Element KV<String, byte[]> row, OutputReceiver<KV<String, KV<Long, Long>>> out) {
      out.output(KV.of(row.getKey(), KV.of(1L, new DeflatedText(row.getValue()).utf8Length() + 1)));
    }
  }

  static final class AssignShardFn extends DoFn<KV<String, byte[]>, KV<String, byte[]>> {
    private final SftLayout layout;
    private final PCollectionView<Map<String, KV<Long, Long>>> totals;

    AssignShardFn(SftLayout layout, PCollectionView<Map<String, KV<Long, Long>>> totals) {
      this.layout = layout;
      this.totals = totals;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      KV<String, byte[]> row = c.element();
      String split = row.getKey();
      KV<Long, Long> total = c.sideInput(totals).getOrDefault(split, KV.of(0L, 0L));
      int shards = layout.shards(total.getKey(), total.getValue());
      // The opening names the instance and trajectory: enough to spread rows, and cheap on long ones.
      int shard = (int) Math.floorMod(StableHash.mixed(new DeflatedText(row.getValue()).opening(512)), (long) shards);
      c.output(KV.of(layout.shardName(split, shard, shards), row.getValue()));
    }
  }
}
