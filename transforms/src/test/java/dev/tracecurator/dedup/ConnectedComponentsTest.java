package dev.tracecurator.dedup;

import dev.tracecurator.testing.TestPipelines;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {
  @Test
  void labelsAChainAStarAndAPairByTheirSmallestIds() throws Throwable {
    List<KV<String, String>> edges = new ArrayList<>();
    // a chain of ten, its smallest id at one end: the farthest vertex is nine steps away
    for (int i = 1; i < 10; i++) {
      edges.add(KV.of("c" + i, "c" + (i - 1)));
    }
    // a star around s5, whose leaves are smaller and larger than it
    for (String leaf : List.of("s1", "s7", "s8")) {
      edges.add(KV.of(leaf, "s5"));
    }
    edges.add(KV.of("p2", "p1"));
    List<KV<String, String>> expected = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      expected.add(KV.of("c" + i, "c0"));
    }
    for (String v : List.of("s1", "s5", "s7", "s8")) {
      expected.add(KV.of(v, "s1"));
    }
    expected.add(KV.of("p1", "p1"));
    expected.add(KV.of("p2", "p1"));
    TestPipelines.run(getClass(), "components", pipeline -> {
      PCollection<KV<String, String>> labels = pipeline
          .apply(Create.of(edges).withCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())))
          .apply(ConnectedComponents.withRounds(ConnectedComponents.DEFAULT_ROUNDS));
      PAssert.that(labels).containsInAnyOrder(expected);
      pipeline.run().waitUntilFinish();
    });
  }
}
