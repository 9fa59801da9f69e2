package dev.tracecurator.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A mergeable count per key, kept sorted so that its encoding is deterministic. */
public final class Tally {
  private final TreeMap<String, Long> counts = new TreeMap<>();

  public void add(String key, long amount) {
    if (key != null) {
      counts.merge(key, amount, Long::sum);
    }
  }

  public void addAll(Tally other) {
    other.counts.forEach(this::add);
  }

  public long get(String key) {
    return counts.getOrDefault(key, 0L);
  }

  public Map<String, Long> asMap() {
    return counts;
  }

  public long total() {
    long sum = 0;
    for (long c : counts.values()) {
      sum += c;
    }
    return sum;
  }

  /** Entries by count, highest first; ties by key, so the order never depends on arrival. */
  public List<Map.Entry<String, Long>> byCountDescending() {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    return entries;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tally t && t.counts.equals(counts);
  }

  @Override
  public int hashCode() {
    return counts.hashCode();
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
