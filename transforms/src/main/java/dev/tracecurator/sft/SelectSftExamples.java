package dev.tracecurator.sft;

import dev.tracecurator.analysis.AnalysedTrajectory;
import dev.tracecurator.coders.AnalysedTrajectoryCoder;
import dev.tracecurator.coders.JsonRecordCoder;
import dev.tracecurator.coders.SftCandidateCoder;
import dev.tracecurator.dedup.ClusterMembership;
import dev.tracecurator.dedup.NearDupSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Applies the cross-trajectory SFT rules to analysed trajectories: exact duplicates collapse to
 * the best one ({@code duplicate}), then near-duplicate clusters to their best one
 * ({@code near_duplicate}, see {@link NearDuplicates}), then at most {@code maxPerInstance} per
 * instance id ({@code over_instance_limit}). Each rule sees only the winners of the one before, so
 * a row is filtered for the first rule it fails. Trajectories already filtered pass through
 * untouched; every trajectory comes out once, with its final decision.
 *
 * <p>Memory does not depend on how many rows share a key (a file of overlapping downloads repeats
 * one trajectory hundreds of times; an instance can have thousands of runs). The winners are
 * chosen on {@link SftCandidate}s, a few hundred bytes each, by a {@link BestOf} combine per key
 * that holds at most {@code keep} of them; the winners of one rule are the candidates of the next.
 * Each rule's winners name their row id; one join by row id then brings every whole row together
 * with the rules it passed. Whole rows cross that one shuffle, keyed by a row id no other row
 * shares, their SFT example deflated ({@link dev.tracecurator.model.DeflatedText}), and nothing ever holds a group
 * of them; only the winners' examples are inflated again.
 */
public final class SelectSftExamples extends PTransform<PCollection<AnalysedTrajectory>, PCollection<AnalysedTrajectory>> {
  private final boolean dedup;
  private final int maxPerInstance;
  private final NearDupSettings nearDup;

  private SelectSftExamples(boolean dedup, int maxPerInstance, NearDupSettings nearDup) {
    this.dedup = dedup;
    this.maxPerInstance = maxPerInstance;
    this.nearDup = nearDup;
  }

  /** {@code maxPerInstance} 0 keeps every trajectory of an instance. */
  public static SelectSftExamples with(boolean dedup, int maxPerInstance) {
    return new SelectSftExamples(dedup, maxPerInstance, null);
  }

  /**
   * Also collapses near-duplicate clusters; null leaves them. The rows must have been analysed
   * with the same settings ({@link SftSettings#nearDup()}), which signs them.
   */
  public SelectSftExamples withNearDuplicates(NearDupSettings settings) {
    return new SelectSftExamples(dedup, maxPerInstance, settings);
  }

  /** One rule: the candidates that pass it, the rest filtered as {@code status}. */
  private record Rule(String name, PTransform<PCollection<SftCandidate>, PCollection<SftCandidate>> choose, SftStatus status) {}

  @Override
  public PCollection<AnalysedTrajectory> expand(PCollection<AnalysedTrajectory> analysed) {
    List<Rule> rules = new ArrayList<>();
    List<PCollection<KV<String, ClusterMembership>>> clusters = new ArrayList<>();
    if (dedup) {
      rules.add(new Rule("CollapseDuplicates", new ChooseBest(SftCandidate::contentHash, 1), SftStatus.DUPLICATE));
    }
    if (nearDup != null) {
      rules.add(new Rule("CollapseNearDuplicates", new ClusterRule(nearDup, clusters), SftStatus.NEAR_DUPLICATE));
    }
    if (maxPerInstance > 0) {
      rules.add(new Rule("LimitPerInstance", new ChooseBest(SftCandidate::instanceKey, maxPerInstance), SftStatus.OVER_INSTANCE_LIMIT));
    }
    if (rules.isEmpty()) {
      return analysed;
    }
    // Every row goes to the join, the filtered ones too (a row without its SFT example is small):
    // a split into kept and filtered rows, and the flatten that joined them again, cost the job
    // two stages on Flink for nothing.
    PCollection<SftCandidate> candidates = analysed
        .apply("Candidates", ParDo.of(new CandidateFn()))
        .setCoder(SftCandidateCoder.of());
    PCollectionList<KV<String, Integer>> passed = PCollectionList.empty(analysed.getPipeline());
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      candidates = candidates.apply(rule.name(), rule.choose());
      int ruleIndex = i;
      passed = passed.and(candidates
          .apply(rule.name() + "Passed", MapElements
              .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.integers()))
              .via((SftCandidate c) -> KV.of(c.rowId(), ruleIndex)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), VarIntCoder.of())));
    }

    PCollection<KV<String, AnalysedTrajectory>> rowsById = analysed
        .apply("ByRowId", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(AnalysedTrajectory.class)))
            .via((AnalysedTrajectory a) -> KV.of(SftCandidate.rowId(a.row()), a)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AnalysedTrajectoryCoder.of()));
    List<SftStatus> statuses = rules.stream().map(Rule::status).toList();
    KeyedPCollectionTuple<String> joined = KeyedPCollectionTuple.of(Decide.ROWS, rowsById)
        .and(Decide.PASSED, passed.apply("AllPassed", Flatten.pCollections()));
    if (!clusters.isEmpty()) {
      joined = joined.and(Decide.CLUSTER, PCollectionList.<KV<String, ClusterMembership>>empty(analysed.getPipeline())
          .and(clusters)
          .apply("AllClusters", Flatten.pCollections())
          .setCoder(KvCoder.of(StringUtf8Coder.of(), JsonRecordCoder.of(ClusterMembership.class))));
    }
    return joined
        .apply("JoinDecisions", CoGroupByKey.create())
        .apply("Decide", ParDo.of(new Decide(statuses, !clusters.isEmpty())))
        .setCoder(AnalysedTrajectoryCoder.of());
  }

  /** A kept row's candidate; a row already filtered has none. */
  static final class CandidateFn extends DoFn<AnalysedTrajectory, SftCandidate> {
    @ProcessElement
    public void process(@Element AnalysedTrajectory a, OutputReceiver<SftCandidate> out) {
      if (a.kept()) {
        out.output(SftCandidate.of(a));
      }
    }
  }

  /**
   * The near-duplicate rule as a rule: its passed candidates, its cluster memberships handed to
   * the list the join reads (the graph is built once, so the list is filled before it is read).
   */
  static final class ClusterRule extends PTransform<PCollection<SftCandidate>, PCollection<SftCandidate>> {
    private final transient NearDupSettings settings;
    private final transient List<PCollection<KV<String, ClusterMembership>>> clusters;

    ClusterRule(NearDupSettings settings, List<PCollection<KV<String, ClusterMembership>>> clusters) {
      this.settings = settings;
      this.clusters = clusters;
    }

    @Override
    public PCollection<SftCandidate> expand(PCollection<SftCandidate> candidates) {
      PCollectionTuple result = candidates.apply("Clusters", NearDuplicates.with(settings));
      clusters.add(result.get(NearDuplicates.MEMBERS));
      return result.get(NearDuplicates.PASSED);
    }
  }

  /** The best {@code keep} candidates of each key, as candidates again. */
  static final class ChooseBest extends PTransform<PCollection<SftCandidate>, PCollection<SftCandidate>> {
    private final SerializableFunction<SftCandidate, String> key;
    private final int keep;

    ChooseBest(SerializableFunction<SftCandidate, String> key, int keep) {
      this.key = key;
      this.keep = keep;
    }

    @Override
    public PCollection<SftCandidate> expand(PCollection<SftCandidate> candidates) {
      return candidates
          .apply("Key", MapElements
              .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(SftCandidate.class)))
              .via((SftCandidate c) -> KV.of(key.apply(c), c)))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), SftCandidateCoder.of()))
          .apply("Best", Combine.perKey(BestOf.of(keep)))
          .apply("Winners", ParDo.of(new DoFn<KV<String, List<SftCandidate>>, SftCandidate>() {
            @ProcessElement
            public void process(@Element KV<String, List<SftCandidate>> best, OutputReceiver<SftCandidate> out) {
              best.getValue().forEach(out::output);
            }
          }))
          .setCoder(SftCandidateCoder.of());
    }
  }

  /**
   * One row id's whole row and the rules its candidate passed. A row passes the rules in order;
   * the first it fails names its status. Two rows share an id only when one file is read twice;
   * then the rule's winners name that id as often as it kept such rows, and the rows are matched
   * to them in turn (they are alike in every tie-break, so which one does not matter). A row in a
   * near-duplicate cluster carries the cluster's id, and the cluster's size if it is the row the
   * cluster kept.
   */
  static final class Decide extends DoFn<KV<String, CoGbkResult>, AnalysedTrajectory> {
    static final TupleTag<AnalysedTrajectory> ROWS = new TupleTag<>() {};
    static final TupleTag<Integer> PASSED = new TupleTag<>() {};
    static final TupleTag<ClusterMembership> CLUSTER = new TupleTag<>() {};
    private final List<SftStatus> statuses;
    private final boolean clusters;

    /** {@code clusters}: whether the join has near-duplicate cluster memberships ({@link #CLUSTER}). */
    Decide(List<SftStatus> statuses, boolean clusters) {
      this.statuses = statuses;
      this.clusters = clusters;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<AnalysedTrajectory> out) {
      int[] passedBy = new int[statuses.size()];
      for (int rule : joined.getValue().getAll(PASSED)) {
        passedBy[rule]++;
      }
      String cluster = null;
      long clusterSize = 0;
      for (ClusterMembership membership : clusters ? joined.getValue().getAll(CLUSTER) : List.<ClusterMembership>of()) {
        cluster = membership.cluster();
        clusterSize = Math.max(clusterSize, membership.size());
      }
      int nth = 0;
      for (AnalysedTrajectory row : joined.getValue().getAll(ROWS)) {
        if (!row.kept()) {
          out.output(row);  // filtered before these rules: untouched
          continue;
        }
        int rule = 0;
        while (rule < statuses.size() && nth < passedBy[rule]) {
          rule++;
        }
        AnalysedTrajectory decided = rule == statuses.size() ? row : row.filteredAs(statuses.get(rule).label());
        if (cluster != null) {
          // the size goes on the one row the cluster kept, so the cluster is counted once
          Long size = clusterSize > 0 && nth == 0 ? clusterSize : null;
          decided = new AnalysedTrajectory(decided.row().withNearDupCluster(cluster, size), decided.sftExample(),
              decided.contentHash(), null);
        }
        out.output(decided);
        nth++;
      }
    }
  }
}
