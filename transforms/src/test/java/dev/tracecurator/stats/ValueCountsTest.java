package dev.tracecurator.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are what pandas prints for the same Series (linear interpolation, ddof=1). */
class ValueCountsTest {
  private static ValueCounts of(long... values) {
    ValueCounts counts = new ValueCounts();
    for (long v : values) {
      counts.add(v);
    }
    return counts;
  }

  @Test
  void quantilesInterpolateBetweenClosestRanks() {
    ValueCounts c = of(4, 1, 3, 2);
    assertEquals(2.5, c.quantile(0.5));
    assertEquals(3.25, c.quantile(0.75));
    assertEquals(1.75, c.quantile(0.25));
    assertEquals(3.97, c.quantile(0.99), 1e-12);
    assertEquals(4.0, c.quantile(1.0));
    assertEquals(1.0, c.quantile(0.0));
  }

  @Test
  void repeatedValuesCountByMultiplicity() {
    ValueCounts c = of(10, 10, 10, 20);
    assertEquals(10.0, c.quantile(0.5));
    assertEquals(12.5, c.quantile(0.75));
    assertEquals(12.5, c.mean());
    assertEquals(5.0, c.std(), 1e-12);
    assertEquals(0.75, c.fractionAtMost(10));
    assertEquals(1.0, c.fractionAtMost(20));
    assertEquals(0.0, c.fractionAtMost(9));
  }

  @Test
  void histogramMatchesNumpy() {
    // np.histogram([1, 2, 2, 3, 10], bins=3): edges [1, 4, 7, 10], counts [4, 0, 1]
    Histogram h = of(1, 2, 2, 3, 10).histogram(3, Double.POSITIVE_INFINITY);
    assertEquals(List.of(1.0, 4.0, 7.0, 10.0), h.edges());
    assertEquals(List.of(4L, 0L, 1L), h.counts());
  }

  @Test
  void clippedHistogramPutsTheTailInTheLastBin() {
    // Series([0, 1, 2, 100]).clip(upper=2) → [0, 1, 2, 2]; np.histogram(bins=2): edges [0, 1, 2], counts [1, 3]
    Histogram h = of(0, 1, 2, 100).histogram(2, 2.0);
    assertEquals(List.of(0.0, 1.0, 2.0), h.edges());
    assertEquals(List.of(1L, 3L), h.counts());
  }

  @Test
  void singleValueHistogramSpansHalfAUnitEachSide() {
    Histogram h = of(5, 5).histogram(2, Double.POSITIVE_INFINITY);
    assertEquals(List.of(4.5, 5.0, 5.5), h.edges());
    assertEquals(List.of(0L, 2L), h.counts());
  }

  @Test
  void mergeIsAddition() {
    ValueCounts a = of(1, 2);
    a.addAll(of(2, 3));
    assertEquals(of(1, 2, 2, 3), a);
    assertEquals(4, a.count());
  }
}
