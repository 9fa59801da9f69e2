package dev.tracecurator.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact distribution of a whole-number column as value → count. Mergeable across workers, and
 * small: trajectory lengths take at most a few hundred thousand distinct values even over the
 * whole dataset. Percentiles, means and histograms computed from it equal pandas' on the rows.
 */
public final class ValueCounts {
  private final TreeMap<Long, Long> counts = new TreeMap<>();
  private long n;

  public void add(long value) {
    add(value, 1);
  }

  public void add(long value, long times) {
    counts.merge(value, times, Long::sum);
    n += times;
  }

  public void addAll(ValueCounts other) {
    other.counts.forEach(this::add);
  }

  public long count() {
    return n;
  }

  public Map<Long, Long> asMap() {
    return counts;
  }

  public long min() {
    return counts.firstKey();
  }

  public long max() {
    return counts.lastKey();
  }

  public double mean() {
    double sum = 0;
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      sum += (double) e.getKey() * e.getValue();
    }
    return sum / n;
  }

  /** Sample standard deviation (ddof = 1), as pandas' {@code describe}. */
  public double std() {
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean();
    double squares = 0;
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      double d = e.getKey() - mean;
      squares += d * d * e.getValue();
    }
    return Math.sqrt(squares / (n - 1));
  }

  /** The k-th smallest value, 0-based. */
  long kth(long k) {
    long seen = 0;
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      seen += e.getValue();
      if (k < seen) {
        return e.getKey();
      }
    }
    throw new IndexOutOfBoundsException("k=" + k + " of " + n);
  }

  /**
   * pandas' default quantile: linear interpolation between the closest ranks, computed the way
   * numpy does ({@code _lerp}) so that results agree to the last bit.
   */
  public double quantile(double q) {
    if (n == 0) {
      return Double.NaN;
    }
    double virtual = (n - 1) * q;
    long below = (long) Math.floor(virtual);
    double gamma = virtual - below;
    double a = kth(below);
    double b = kth(Math.min(below + 1, n - 1));
    double diff = b - a;
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }

  /** Fraction of values at most {@code limit}. */
  public double fractionAtMost(long limit) {
    if (n == 0) {
      return Double.NaN;
    }
    long within = 0;
    for (long c : counts.headMap(limit, true).values()) {
      within += c;
    }
    return (double) within / n;
  }

  /**
   * numpy's {@code histogram(values.clip(upper=clip), bins)}: equal-width bins from the smallest
   * to the largest (clipped) value, the last bin closed.
   */
  public Histogram histogram(int bins, double clip) {
    if (n == 0) {
      return new Histogram(List.of(), List.of());
    }
    double lo = Math.min(min(), clip);
    double hi = Math.min(max(), clip);
    if (lo == hi) {
      lo -= 0.5;
      hi += 0.5;
    }
    List<Double> edges = new ArrayList<>(bins + 1);
    double step = (hi - lo) / bins;
    for (int i = 0; i <= bins; i++) {
      edges.add(i == bins ? hi : i * step + lo);
    }
    long[] binCounts = new long[bins];
    for (Map.Entry<Long, Long> e : counts.entrySet()) {
      double v = Math.min(e.getKey(), clip);
      int bin = (int) Math.floor((v - lo) * (bins / (hi - lo)));
      bin = Math.max(0, Math.min(bins - 1, bin));
      // numpy corrects the arithmetic bin against the edges themselves, so values on an edge land
      // in the bin that edge opens.
      if (v < edges.get(bin)) {
        bin--;
      } else if (bin != bins - 1 && v >= edges.get(bin + 1)) {
        bin++;
      }
      binCounts[bin] += e.getValue();
    }
    List<Long> out = new ArrayList<>(bins);
    for (long c : binCounts) {
      out.add(c);
    }
    return new Histogram(edges, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueCounts v && v.counts.equals(counts);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }
}
