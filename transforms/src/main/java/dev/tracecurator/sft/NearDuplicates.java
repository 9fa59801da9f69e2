package dev.tracecurator.sft;

import dev.tracecurator.coders.ClusterChoiceCoder;
import dev.tracecurator.coders.JsonRecordCoder;
import dev.tracecurator.coders.SftCandidateCoder;
import dev.tracecurator.coders.SignatureCoder;
import dev.tracecurator.dedup.ClusterMembership;
import dev.tracecurator.dedup.ClusterNearDuplicates;
import dev.tracecurator.dedup.NearDupSettings;
import java.util.Iterator;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The near-duplicate rule on candidates: candidates in no cluster pass, and of each cluster
 * ({@link ClusterNearDuplicates}) only the best ({@link SftSelection#BEST_FIRST}) passes; the
 * others are filtered as {@code near_duplicate}. Also says, by row id, which cluster each
 * clustered candidate is in ({@link #MEMBERS}), for the analysis table.
 */
public final class NearDuplicates extends PTransform<PCollection<SftCandidate>, PCollectionTuple> {
  public static final TupleTag<SftCandidate> PASSED = new TupleTag<>() {};
  public static final TupleTag<KV<String, ClusterMembership>> MEMBERS = new TupleTag<>() {};
  private static final TupleTag<KV<String, SftCandidate>> CLUSTERED = new TupleTag<>() {};

  private final NearDupSettings settings;

  private NearDuplicates(NearDupSettings settings) {
    this.settings = settings;
  }

  public static NearDuplicates with(NearDupSettings settings) {
    return new NearDuplicates(settings);
  }

  @Override
  public PCollectionTuple expand(PCollection<SftCandidate> candidates) {
    PCollection<KV<String, SftCandidate>> byRowId = candidates
        .apply("ByRowId", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(SftCandidate.class)))
            .via((SftCandidate c) -> KV.of(c.rowId(), c)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SftCandidateCoder.of()));
    PCollection<KV<String, int[]>> signatures = candidates
        .apply("Signatures", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(int[].class)))
            .via((SftCandidate c) -> KV.of(c.rowId(), signatureOf(c))))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SignatureCoder.of()));
    PCollection<KV<String, String>> labels = signatures.apply("Cluster", ClusterNearDuplicates.with(settings));

    PCollectionTuple split = KeyedPCollectionTuple.of(Label.CANDIDATES, byRowId)
        .and(Label.LABEL, labels)
        .apply("JoinLabels", CoGroupByKey.create())
        .apply("Label", ParDo.of(new Label()).withOutputTags(PASSED, TupleTagList.of(CLUSTERED)));
    split.get(PASSED).setCoder(SftCandidateCoder.of());
    PCollection<KV<String, SftCandidate>> clustered = split.get(CLUSTERED)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SftCandidateCoder.of()));

    PCollection<KV<String, ClusterChoice>> choices = clustered
        .apply("BestOfCluster", Combine.perKey(new BestOfCluster()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ClusterChoiceCoder.of()));
    PCollection<SftCandidate> winners = choices
        .apply("Winners", MapElements.into(TypeDescriptor.of(SftCandidate.class)).via((KV<String, ClusterChoice> c) -> c.getValue().best()))
        .setCoder(SftCandidateCoder.of());

    KvCoder<String, ClusterMembership> membershipCoder = KvCoder.of(StringUtf8Coder.of(), JsonRecordCoder.of(ClusterMembership.class));
    PCollection<KV<String, ClusterMembership>> members = clustered
        .apply("Members", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(ClusterMembership.class)))
            .via((KV<String, SftCandidate> c) -> KV.of(c.getValue().rowId(), new ClusterMembership(ClusterMembership.clusterId(c.getKey()), 0))))
        .setCoder(membershipCoder);
    PCollection<KV<String, ClusterMembership>> sizes = choices
        .apply("Sizes", MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(ClusterMembership.class)))
            .via((KV<String, ClusterChoice> c) -> KV.of(c.getValue().best().rowId(),
                new ClusterMembership(ClusterMembership.clusterId(c.getKey()), c.getValue().size()))))
        .setCoder(membershipCoder);

    PCollection<SftCandidate> passed = PCollectionList.of(split.get(PASSED)).and(winners)
        .apply("AllPassed", Flatten.pCollections());
    PCollection<KV<String, ClusterMembership>> memberships = PCollectionList.of(members).and(sizes)
        .apply("AllMembers", Flatten.pCollections());
    return PCollectionTuple.of(PASSED, passed).and(MEMBERS, memberships);
  }

  private static int[] signatureOf(SftCandidate c) {
    if (c.signature() == null) {
      throw new IllegalStateException("row " + c.rowId() + " was analysed without a near-duplicate signature");
    }
    return c.signature();
  }

  /** A candidate without a cluster passes; one with a cluster is keyed by its cluster's label. */
  static final class Label extends DoFn<KV<String, CoGbkResult>, SftCandidate> {
    static final TupleTag<SftCandidate> CANDIDATES = new TupleTag<>() {};
    static final TupleTag<String> LABEL = new TupleTag<>() {};

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, MultiOutputReceiver out) {
      Iterator<String> label = joined.getValue().getAll(LABEL).iterator();
      String cluster = label.hasNext() ? label.next() : null;
      for (SftCandidate candidate : joined.getValue().getAll(CANDIDATES)) {
        if (cluster == null) {
          out.get(PASSED).output(candidate);
        } else {
          out.get(CLUSTERED).output(KV.of(cluster, candidate));
        }
      }
    }
  }
}
