package dev.tracecurator.secrets;

import java.util.Arrays;
import java.util.Map;

/** Where each trigger occurs in one text, as {@link TriggerAutomaton#scan} found them. */
final class Triggers {
  private static final int[] NONE = new int[0];

  private final Map<String, Integer> groups;
  /** Per group, its places in ascending order; null when no trigger was found at all. */
  private final int[][] starts;
  private final int[] sizes;

  private Triggers(Map<String, Integer> groups, int[][] starts, int[] sizes) {
    this.groups = groups;
    this.starts = starts;
    this.sizes = sizes;
  }

  /**
   * The first place at or after {@code from} where one of the trigger's literals begins, or -1:
   * what {@code text.indexOf(literal, from)} gives for a single literal.
   */
  int next(String trigger, int from) {
    Integer group = groups.get(trigger);
    if (group == null) {
      throw new IllegalArgumentException("not a trigger of the automaton: " + trigger);
    }
    if (starts == null) {
      return -1;
    }
    int[] at = starts[group];
    int size = sizes[group];
    int i = Arrays.binarySearch(at, 0, size, Math.max(from, 0));
    if (i < 0) {
      i = -i - 1;
    }
    return i < size ? at[i] : -1;
  }

  /** Whether no trigger occurs in the text, so that no detector has anywhere to start. */
  boolean isEmpty() {
    return starts == null;
  }

  static final class Builder {
    private final Map<String, Integer> groups;
    // Allocated at the first place found: most texts have none.
    private int[][] starts;
    private int[] sizes;
    private boolean[] unsorted;

    Builder(Map<String, Integer> groups) {
      this.groups = groups;
    }

    void add(int group, int start) {
      if (starts == null) {
        starts = new int[groups.size()][];
        Arrays.fill(starts, NONE);
        sizes = new int[groups.size()];
        unsorted = new boolean[groups.size()];
      }
      int size = sizes[group];
      int[] at = starts[group];
      if (size > 0 && at[size - 1] >= start) {
        // Literals of one trigger that differ in length can end in another order than they begin.
        if (at[size - 1] == start) {
          return;
        }
        unsorted[group] = true;
      }
      if (size == at.length) {
        at = Arrays.copyOf(at, Math.max(4, size * 2));
        starts[group] = at;
      }
      at[size] = start;
      sizes[group] = size + 1;
    }

    Triggers build() {
      if (starts == null) {
        return new Triggers(groups, null, null);
      }
      for (int g = 0; g < starts.length; g++) {
        if (unsorted[g]) {
          Arrays.sort(starts[g], 0, sizes[g]);
        }
      }
      return new Triggers(groups, starts, sizes);
    }
  }
}
