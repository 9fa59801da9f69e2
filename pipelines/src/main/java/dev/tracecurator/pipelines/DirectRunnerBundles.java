package dev.tracecurator.pipelines;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.coders.AnalysedTrajectoryCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * On the DirectRunner only: regroups rows decided per row id into a few bundles. That runner cuts
 * a GroupByKey's output into one bundle per key, and every bundle costs each later step an
 * evaluator and a round of watermark bookkeeping over the whole graph, so thousands of one-row
 * bundles made a run slower per row as inputs grew. The DirectRunner holds its collections in
 * memory anyway; other runners stream and never get this step.
 */
final class DirectRunnerBundles extends PTransform<PCollection<AnalysedTrajectory>, PCollection<AnalysedTrajectory>> {
  static final int BUNDLES = 16;

  @Override
  public PCollection<AnalysedTrajectory> expand(PCollection<AnalysedTrajectory> rows) {
    return rows
        .apply("KeyByBundle", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(AnalysedTrajectory.class)))
            .via((AnalysedTrajectory t) -> KV.of(Math.floorMod(
                (t.row().sourceFile() + ":" + t.row().sourceLine()).hashCode(), BUNDLES), t)))
        .setCoder(KvCoder.of(VarIntCoder.of(), AnalysedTrajectoryCoder.of()))
        .apply("Group", GroupByKey.create())
        .apply("Rows", Values.create())
        .apply("Ungroup", Flatten.iterables())
        .setCoder(AnalysedTrajectoryCoder.of());
  }
}
