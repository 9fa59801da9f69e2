package dev.tracecurator.sft;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.io.FilePlacement;
import dev.tracecurator.io.PlaceFiles;
import dev.tracecurator.io.StagedFiles;
import dev.tracecurator.stats.StableHash;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
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
    PCollection<KV<String, String>> bySplit = analysed
        .apply("Kept", Filter.by(AnalysedTrajectory::kept))
        .apply("AssignSplit", ParDo.of(new AssignSplitFn(layout)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    PCollectionView<Map<String, Long>> rows = bySplit
        .apply("RowOfSplit", ParDo.of(new MeasureFn(false))).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("RowsPerSplit", Sum.longsPerKey())
        .apply("RowsView", View.asMap());
    PCollectionView<Map<String, Long>> bytes = bySplit
        .apply("BytesOfSplit", ParDo.of(new MeasureFn(true))).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("BytesPerSplit", Sum.longsPerKey())
        .apply("BytesView", View.asMap());
    PCollection<KV<String, String>> byShard = bySplit
        .apply("AssignShard", ParDo.of(new AssignShardFn(layout, rows, bytes)).withSideInputs(rows, bytes))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));

    // A shard's rows meet in one group and go to one file: a shuffle Beam's WriteFiles makes too,
    // in some twenty more steps (see WriteTextFiles).
    StagedFiles staged = new StagedFiles(directory);
    String schemaJson = layout.file() == SftFile.PARQUET ? SftAvro.schema(layout.format()).toString() : null;
    return byShard
        .apply("GroupShards", GroupByKey.create())
        .apply("WriteShards", ParDo.of(new WriteShardFileFn(staged, layout.file(), schemaJson)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("PlaceFiles", PlaceFiles.by(new ShardPlacement(staged)));
  }

  /** Renames each written shard to its final name. */
  record ShardPlacement(StagedFiles staged) implements FilePlacement<KV<String, String>> {
    @Override
    public void place(List<KV<String, String>> written) throws IOException {
      List<String> temporaries = new ArrayList<>();
      List<String> finals = new ArrayList<>();
      for (KV<String, String> file : written) {
        temporaries.add(file.getKey());
        finals.add(file.getValue());
      }
      staged.place(temporaries, finals);
    }
  }

  static final class AssignSplitFn extends DoFn<AnalysedTrajectory, KV<String, String>> {
    private final SftLayout layout;

    AssignSplitFn(SftLayout layout) {
      this.layout = layout;
    }

    @ProcessElement
    public void process(@Element AnalysedTrajectory a, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(layout.splitOf(SftSelection.instanceKey(a.row())), a.sftJson()));
    }
  }

  static final class MeasureFn extends DoFn<KV<String, String>, KV<String, Long>> {
    private final boolean bytes;

    MeasureFn(boolean bytes) {
      this.bytes = bytes;
    }

    @ProcessElement
    public void process(@Element KV<String, String> row, OutputReceiver<KV<String, Long>> out) {
      out.output(KV.of(row.getKey(), bytes ? (long) row.getValue().length() + 1 : 1L));
    }
  }

  static final class AssignShardFn extends DoFn<KV<String, String>, KV<String, String>> {
    private final SftLayout layout;
    private final PCollectionView<Map<String, Long>> rows;
    private final PCollectionView<Map<String, Long>> bytes;

    AssignShardFn(SftLayout layout, PCollectionView<Map<String, Long>> rows, PCollectionView<Map<String, Long>> bytes) {
      this.layout = layout;
      this.rows = rows;
      this.bytes = bytes;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      KV<String, String> row = c.element();
      String split = row.getKey();
      int shards = layout.shards(c.sideInput(rows).getOrDefault(split, 0L), c.sideInput(bytes).getOrDefault(split, 0L));
      // The opening names the instance and trajectory: enough to spread rows, and cheap on long ones.
      String value = row.getValue();
      int shard = (int) Math.floorMod(StableHash.mixed(value.length() <= 512 ? value : value.substring(0, 512)), (long) shards);
      c.output(KV.of(layout.shardName(split, shard, shards), row.getValue()));
    }
  }
}
