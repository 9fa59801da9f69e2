package dev.tracecurator.sft;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.coders.AnalysedTrajectoryCoder;
import dev.tracecurator.coders.JsonRecordCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Applies the cross-trajectory SFT rules to analysed trajectories: exact duplicates collapse to
 * the best one ({@code duplicate}), then at most {@code maxPerInstance} per instance id
 * ({@code over_instance_limit}). Trajectories already filtered pass through untouched; every
 * trajectory comes out once, with its final decision.
 */
public final class SelectSftExamples extends PTransform<PCollection<AnalysedTrajectory>, PCollection<AnalysedTrajectory>> {
  private final boolean dedup;
  private final int maxPerInstance;

  private SelectSftExamples(boolean dedup, int maxPerInstance) {
    this.dedup = dedup;
    this.maxPerInstance = maxPerInstance;
  }

  /** {@code maxPerInstance} 0 keeps every trajectory of an instance. */
  public static SelectSftExamples with(boolean dedup, int maxPerInstance) {
    return new SelectSftExamples(dedup, maxPerInstance);
  }

  @Override
  public PCollection<AnalysedTrajectory> expand(PCollection<AnalysedTrajectory> analysed) {
    if (!dedup && maxPerInstance <= 0) {
      return analysed;
    }
    PCollectionList<AnalysedTrajectory> parts = analysed.apply("KeptOrNot",
        Partition.of(2, (AnalysedTrajectory a, int n) -> a.kept() ? 0 : 1));
    PCollection<AnalysedTrajectory> kept = parts.get(0);
    PCollectionList<AnalysedTrajectory> decided = PCollectionList.of(parts.get(1));
    if (dedup) {
      PCollectionList<AnalysedTrajectory> split = kept
          .apply("CollapseDuplicates", keepBestBy(AnalysedTrajectory::contentHash, 1, SftStatus.DUPLICATE))
          .apply("DuplicatesOut", Partition.of(2, (AnalysedTrajectory a, int n) -> a.kept() ? 0 : 1));
      kept = split.get(0);
      decided = decided.and(split.get(1));
    }
    if (maxPerInstance > 0) {
      kept = kept.apply("LimitPerInstance",
          keepBestBy(a -> SftSelection.instanceKey(a.row()), maxPerInstance, SftStatus.OVER_INSTANCE_LIMIT));
    }
    return decided.and(kept).apply("AllDecided", Flatten.pCollections());
  }

  private static KeepBestBy keepBestBy(SerializableFunction<AnalysedTrajectory, String> key, int keep, SftStatus status) {
    return new KeepBestBy(key, keep, status);
  }

  /** Groups by a key and keeps the best {@code keep} of each group. */
  static final class KeepBestBy extends PTransform<PCollection<AnalysedTrajectory>, PCollection<AnalysedTrajectory>> {
    private final SerializableFunction<AnalysedTrajectory, String> key;
    private final int keep;
    private final SftStatus status;

    KeepBestBy(SerializableFunction<AnalysedTrajectory, String> key, int keep, SftStatus status) {
      this.key = key;
      this.keep = keep;
      this.status = status;
    }

    @Override
    public PCollection<AnalysedTrajectory> expand(PCollection<AnalysedTrajectory> input) {
      return input
          .apply("Key", ParDo.of(new KeyFn(key)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), AnalysedTrajectoryCoder.of()))
          .apply("Group", GroupByKey.create())
          .apply("KeepBest", ParDo.of(new KeepBestFn(keep, status)))
          .setCoder(AnalysedTrajectoryCoder.of());
    }
  }

  static final class KeyFn extends DoFn<AnalysedTrajectory, KV<String, AnalysedTrajectory>> {
    private final SerializableFunction<AnalysedTrajectory, String> key;

    KeyFn(SerializableFunction<AnalysedTrajectory, String> key) {
      this.key = key;
    }

    @ProcessElement
    public void process(@Element AnalysedTrajectory a, OutputReceiver<KV<String, AnalysedTrajectory>> out) {
      out.output(KV.of(key.apply(a), a));
    }
  }

  static final class KeepBestFn extends DoFn<KV<String, Iterable<AnalysedTrajectory>>, AnalysedTrajectory> {
    private final int keep;
    private final SftStatus status;

    KeepBestFn(int keep, SftStatus status) {
      this.keep = keep;
      this.status = status;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<AnalysedTrajectory>> group, OutputReceiver<AnalysedTrajectory> out) {
      SftSelection.keepBest(group.getValue(), keep, status).forEach(out::output);
    }
  }
}
