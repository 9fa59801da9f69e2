package dev.tracecurator.dedup;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Connected components of an undirected graph given as edges of vertex ids: every vertex on an
 * edge, labelled with the smallest id it reaches.
 *
 * <p>A Beam graph is fixed before it runs, so this runs a fixed number of rounds rather than
 * "until nothing changes". Each round passes every label to its neighbours (min-label
 * propagation), then lets every vertex take its label's label (pointer jumping, which halves the
 * remaining distance to the smallest id). The edges near-duplicate detection makes point from a
 * member to its bucket's smallest member, so a component is usually a few stars around one
 * smallest row and {@link #DEFAULT_ROUNDS} rounds label it whole; a longer chain of
 * near-duplicates than those rounds reach is split into several clusters, each still made of
 * near-duplicates (the labels only ever merge vertices that are connected). Each step holds at
 * one key a vertex's neighbours or the vertices pointing at it: ids, never rows or signatures,
 * read in one pass ({@link HeadJoin}).
 */
public final class ConnectedComponents extends PTransform<PCollection<KV<String, String>>, PCollection<KV<String, String>>> {
  public static final int DEFAULT_ROUNDS = 3;
  private final int rounds;

  private ConnectedComponents(int rounds) {
    this.rounds = rounds;
  }

  public static ConnectedComponents withRounds(int rounds) {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must not be negative");
    }
    return new ConnectedComponents(rounds);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, String>> edges) {
    KvCoder<String, String> ids = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    PCollection<KV<String, String>> reversed = edges.apply("Reverse", ParDo.of(new DoFn<KV<String, String>, KV<String, String>>() {
      @ProcessElement
      public void process(@Element KV<String, String> edge, OutputReceiver<KV<String, String>> out) {
        out.output(KV.of(edge.getValue(), edge.getKey()));
        out.output(KV.of(edge.getKey(), edge.getKey()));
        out.output(KV.of(edge.getValue(), edge.getValue()));
      }
    })).setCoder(ids);
    // A vertex's first label: the smallest of itself and its neighbours.
    PCollection<KV<String, String>> labels = PCollectionList.of(edges).and(reversed)
        .apply("AllEnds", Flatten.pCollections())
        .apply("FirstLabel", Min.perKey());
    PCollection<KV<String, String>> neighbours = PCollectionList.of(edges).and(reversed)
        .apply("Adjacency", Flatten.pCollections());
    for (int round = 1; round <= rounds; round++) {
      // min-label propagation: each vertex's label goes to its neighbours
      labels = HeadJoin.group("JoinNeighbours" + round, labels, neighbours, StringUtf8Coder.of(), StringUtf8Coder.of(),
              StringUtf8Coder.of())
          .apply("Propagate" + round, ParDo.of(new Spread()))
          .setCoder(ids)
          .apply("Smallest" + round, Min.perKey());
      // pointer jumping: each vertex's label goes to the vertices labelled with it
      labels = HeadJoin.group("JoinLabels" + round, labels, labels.apply("ByLabel" + round, ParDo.of(new Invert())).setCoder(ids),
              StringUtf8Coder.of(), StringUtf8Coder.of(), StringUtf8Coder.of())
          .apply("Jump" + round, ParDo.of(new Spread()))
          .setCoder(ids)
          .apply("Jumped" + round, Min.perKey());
    }
    return labels;
  }

  /**
   * A vertex's label, kept and sent to each vertex joined to it: its neighbours (propagation) or
   * the vertices whose label it is (pointer jumping); the smallest label a vertex receives wins.
   */
  static final class Spread extends DoFn<KV<String, Iterable<HeadJoin.Item<String, String>>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<HeadJoin.Item<String, String>>> vertex,
        OutputReceiver<KV<String, String>> out) {
      String label = HeadJoin.forEach(vertex.getValue(), (own, to) -> out.output(KV.of(to, own)));
      out.output(KV.of(vertex.getKey(), label));
    }
  }

  /** (vertex, label) as (label, vertex). */
  static final class Invert extends DoFn<KV<String, String>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, String> label, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(label.getValue(), label.getKey()));
    }
  }
}
