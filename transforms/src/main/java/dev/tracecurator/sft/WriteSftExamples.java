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
    PCollection<KV<String, String>> bySplit = analysed
        .apply("Kept", Filter.by(AnalysedTrajectory::kept))
        .apply("AssignSplit", ParDo.of(new AssignSplitFn(layout)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    PCollectionView<Map<String, KV<Long, Long>>> totals = bySplit
        .apply("MeasureRows", ParDo.of(new MeasureFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
        .apply("TotalsPerSplit", Combine.perKey(WriteSftExamples::sum))
        .apply("TotalsView", View.asMap());
    PCollection<KV<String, String>> byShard = bySplit
        .apply("AssignShard", ParDo.of(new AssignShardFn(layout, totals)).withSideInputs(totals))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));

    // A shard's rows meet in one group and go to one file: a shuffle Beam's WriteFiles makes too,
    // in some twenty more steps (see WriteTextFiles).
    StagedFiles staged = new StagedFiles(directory, "sft");
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

  /** One row of its split: (split, (1, its bytes of JSON with the line break)). */
  static final class MeasureFn extends DoFn<KV<String, String>, KV<String, KV<Long, Long>>> {
    @ProcessElement
    public void process(@Element KV<String, String> row, OutputReceiver<KV<String, KV<Long, Long>>> out) {
      out.output(KV.of(row.getKey(), KV.of(1L, (long) row.getValue().length() + 1)));
    }
  }

  static final class AssignShardFn extends DoFn<KV<String, String>, KV<String, String>> {
    private final SftLayout layout;
    private final PCollectionView<Map<String, KV<Long, Long>>> totals;

    AssignShardFn(SftLayout layout, PCollectionView<Map<String, KV<Long, Long>>> totals) {
      this.layout = layout;
      this.totals = totals;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      KV<String, String> row = c.element();
      String split = row.getKey();
      KV<Long, Long> total = c.sideInput(totals).getOrDefault(split, KV.of(0L, 0L));
      int shards = layout.shards(total.getKey(), total.getValue());
      // The opening names the instance and trajectory: enough to spread rows, and cheap on long ones.
      String value = row.getValue();
      int shard = (int) Math.floorMod(StableHash.mixed(value.length() <= 512 ? value : value.substring(0, 512)), (long) shards);
      c.output(KV.of(layout.shardName(split, shard, shards), row.getValue()));
    }
  }
}
