package dev.tracecurator.dedup;

import dev.tracecurator.coders.RepresentativeOfferCoder;
import dev.tracecurator.coders.SignatureCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Near-duplicate clusters from MinHash signatures keyed by row id: the rows of every cluster of
 * two or more, each with its cluster's label (the smallest row id in it).
 *
 * <p>No step holds a group of signatures. Each LSH band bucket is reduced by a combine to its
 * smallest row id, the bucket's representative; the bucket's member ids (tens of bytes each) are
 * then joined to it ({@link HeadJoin}, one pass), the representative's signature is sent to each
 * member as a copy, and each
 * member, holding its own signature and at most one offer per band, keeps the offers whose
 * estimated similarity reaches the threshold as edges. A bucket of 10,000 near-identical rows thus
 * holds 10,000 row ids at one key and one signature per member key, never 10,000 signatures.
 *
 * <p>Checking members against the representative only, not every pair of a bucket, finds the
 * pairs that matter for clusters: a member like the others of its bucket is like its
 * representative too. Connected components over the edges come from {@link ConnectedComponents}.
 */
public final class ClusterNearDuplicates extends PTransform<PCollection<KV<String, int[]>>, PCollection<KV<String, String>>> {
  private final double threshold;
  private final LshBands bands;

  private ClusterNearDuplicates(double threshold, LshBands bands) {
    this.threshold = threshold;
    this.bands = bands;
  }

  public static ClusterNearDuplicates with(NearDupSettings settings) {
    return new ClusterNearDuplicates(settings.threshold(), settings.bands());
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, int[]>> signatures) {
    KvCoder<String, String> ids = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    PCollection<KV<Long, String>> buckets = signatures
        .apply("BandKeys", ParDo.of(new BandKeys(bands)))
        .setCoder(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of()));
    // The smallest first, by a combine, then the members joined to it: a runner need not let a
    // group be read twice (Flink does not), so one pass cannot both find it and pair with it.
    PCollection<KV<Long, String>> representatives = buckets.apply("Representative", Min.perKey());
    PCollection<KV<String, String>> membersByRepresentative = HeadJoin
        .group("JoinBuckets", representatives, buckets, VarLongCoder.of(), StringUtf8Coder.of(), StringUtf8Coder.of())
        .apply("MembersOfBucket", ParDo.of(new MembersOfBucket()))
        .setCoder(ids)
        .apply("OncePerPair", Distinct.create());

    PCollection<KV<String, RepresentativeOffer>> offers = HeadJoin
        .group("JoinRepresentatives", signatures, membersByRepresentative, StringUtf8Coder.of(), SignatureCoder.of(),
            StringUtf8Coder.of())
        .apply("OfferSignature", ParDo.of(new OfferSignature()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), RepresentativeOfferCoder.of()));

    PCollection<KV<String, String>> edges = KeyedPCollectionTuple
        .of(Verify.SIGNATURE, signatures)
        .and(Verify.OFFERS, offers)
        .apply("JoinOffers", CoGroupByKey.create())
        .apply("Verify", ParDo.of(new Verify(threshold)))
        .setCoder(ids);
    return edges.apply("Components", ConnectedComponents.withRounds(ConnectedComponents.DEFAULT_ROUNDS));
  }

  static final class BandKeys extends DoFn<KV<String, int[]>, KV<Long, String>> {
    private final LshBands bands;

    BandKeys(LshBands bands) {
      this.bands = bands;
    }

    @ProcessElement
    public void process(@Element KV<String, int[]> row, OutputReceiver<KV<Long, String>> out) {
      for (long key : bands.keys(row.getValue())) {
        out.output(KV.of(key, row.getKey()));
      }
    }
  }

  /** Every member of a bucket but its representative, keyed by the representative. */
  static final class MembersOfBucket extends DoFn<KV<Long, Iterable<HeadJoin.Item<String, String>>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<Long, Iterable<HeadJoin.Item<String, String>>> bucket,
        OutputReceiver<KV<String, String>> out) {
      HeadJoin.forEach(bucket.getValue(), (representative, member) -> {
        if (!member.equals(representative)) {
          out.output(KV.of(representative, member));
        }
      });
    }
  }

  /** The representative's signature, one copy for each member that must compare with it. */
  static final class OfferSignature extends DoFn<KV<String, Iterable<HeadJoin.Item<int[], String>>>, KV<String, RepresentativeOffer>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<HeadJoin.Item<int[], String>>> joined,
        OutputReceiver<KV<String, RepresentativeOffer>> out) {
      // a row id read twice has two equal signatures; the first will do
      HeadJoin.forEach(joined.getValue(), (signature, member) ->
          out.output(KV.of(member, new RepresentativeOffer(joined.getKey(), signature))));
    }
  }

  /** A member and each representative it is near: an edge of the similarity graph. */
  static final class Verify extends DoFn<KV<String, CoGbkResult>, KV<String, String>> {
    static final TupleTag<int[]> SIGNATURE = new TupleTag<>() {};
    static final TupleTag<RepresentativeOffer> OFFERS = new TupleTag<>() {};
    private final double threshold;

    Verify(double threshold) {
      this.threshold = threshold;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<KV<String, String>> out) {
      // every member key has its signature; each group is read once (a runner may not allow more)
      int[] signature = joined.getValue().getAll(SIGNATURE).iterator().next();
      for (RepresentativeOffer offer : joined.getValue().getAll(OFFERS)) {
        if (MinHasher.similarity(signature, offer.signature()) >= threshold) {
          out.output(KV.of(joined.getKey(), offer.representative()));
        }
      }
    }
  }
}
