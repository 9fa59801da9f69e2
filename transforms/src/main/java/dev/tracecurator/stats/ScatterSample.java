package dev.tracecurator.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bounded sample of (messages, tokens, resolved) points for the scatter plot. It keeps the rows
 * whose key hashes lowest, so the sample is the same whatever order rows arrive in and however
 * they are split across workers, and it never holds more than {@code capacity} points.
 */
public final class ScatterSample {
  public static final int DEFAULT_POINTS = 2_000;

  private final int capacity;
  private final TreeMap<Long, long[]> points = new TreeMap<>();

  public ScatterSample(int capacity) {
    this.capacity = capacity;
  }

  public void add(String key, long messages, long tokens, boolean resolved) {
    put(StableHash.of(key), new long[] {messages, tokens, resolved ? 1 : 0});
  }

  void put(long hash, long[] point) {
    if (points.size() >= capacity && hash > points.lastKey()) {
      return;
    }
    // Two rows with one key: keep the smaller point, so arrival order never decides.
    points.merge(hash, point, (a, b) -> Arrays.compare(a, b) <= 0 ? a : b);
    if (points.size() > capacity) {
      points.pollLastEntry();
    }
  }

  public void addAll(ScatterSample other) {
    other.points.forEach(this::put);
  }

  /** Points as {messages, tokens, resolved (1 or 0)}, in hash order. */
  public Map<Long, long[]> points() {
    return points;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScatterSample s) || !s.points.keySet().equals(points.keySet())) {
      return false;
    }
    for (Map.Entry<Long, long[]> e : points.entrySet()) {
      if (!Arrays.equals(e.getValue(), s.points.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return points.keySet().hashCode();
  }
}
