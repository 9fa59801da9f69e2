package dev.tracecurator.secrets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every detector's triggers in one trie, so a text is read once instead of once per literal with
 * {@code indexOf} and once more for the keywords. A {@link PairFilter} picks the few places where
 * a trigger may begin by their first two characters, and the trie is walked from each of those
 * only as far as a trigger's prefix goes. A trigger that ignores case is entered in every casing of
 * its letters, which keeps each step a plain table read. Immutable and thread-safe.
 */
final class TriggerAutomaton {
  private static final int ASCII = 128;

  /** Group index of each trigger name. */
  private final Map<String, Integer> groups = new HashMap<>();
  /** Which places may begin a literal. */
  private final PairFilter starts;
  /**
   * {@code child[state * 128 + c]}: the trie state after reading ASCII {@code c}, as its row's
   * offset ({@code state * 128}), or -1 when no literal goes on with {@code c}.
   */
  private final int[] child;
  /** Per state, the groups of the literals that end there; null for none. */
  private final int[][] ends;

  TriggerAutomaton(List<Trigger> triggers) {
    Map<String, int[]> literals = new LinkedHashMap<>();  // literal -> its groups
    for (Trigger trigger : triggers) {
      Integer group = groups.get(trigger.name());
      if (group == null) {
        group = groups.size();
        groups.put(trigger.name(), group);
      }
      for (String literal : trigger.literals()) {
        for (String spelling : trigger.ignoreCase() ? casings(literal) : List.of(literal)) {
          int[] known = literals.get(spelling);
          int[] more = known == null ? new int[] {group} : Arrays.copyOf(known, known.length + 1);
          more[more.length - 1] = group;
          literals.put(spelling, more);
        }
      }
    }
    starts = new PairFilter(literals.keySet());
    List<int[]> gotos = new ArrayList<>();
    List<int[]> output = new ArrayList<>();
    gotos.add(filled());
    output.add(null);
    for (Map.Entry<String, int[]> e : literals.entrySet()) {
      int state = 0;
      for (char c : e.getKey().toCharArray()) {
        if (gotos.get(state)[c] < 0) {
          gotos.get(state)[c] = gotos.size();
          gotos.add(filled());
          output.add(null);
        }
        state = gotos.get(state)[c];
      }
      output.set(state, e.getValue());
    }
    child = new int[gotos.size() * ASCII];
    for (int s = 0; s < gotos.size(); s++) {
      for (int c = 0; c < ASCII; c++) {
        int to = gotos.get(s)[c];
        child[s * ASCII + c] = to < 0 ? -1 : to * ASCII;
      }
    }
    ends = output.toArray(int[][]::new);
  }

  /** Where each trigger occurs in {@code text}, overlapping occurrences included. */
  Triggers scan(String text) {
    Triggers.Builder found = new Triggers.Builder(groups);
    int n = text.length();
    // Places are visited in order, so each trigger's places come sorted.
    for (int at = starts.next(text, 0); at >= 0; at = starts.next(text, at + 1)) {
      int row = 0;
      for (int i = at; i < n; i++) {
        char c = text.charAt(i);
        if (c >= ASCII || (row = child[row + c]) < 0) {
          break;
        }
        int[] end = ends[row / ASCII];
        if (end != null) {
          for (int group : end) {
            found.add(group, at);
          }
        }
      }
    }
    return found.build();
  }

  private static int[] filled() {
    int[] row = new int[ASCII];
    Arrays.fill(row, -1);
    return row;
  }

  /** Every spelling of an ASCII literal with each letter in either case. */
  private static List<String> casings(String literal) {
    List<String> spellings = List.of("");
    for (char c : literal.toCharArray()) {
      String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
      String upper = String.valueOf(c).toUpperCase(Locale.ROOT);
      List<String> longer = new ArrayList<>();
      for (String s : spellings) {
        longer.add(s + lower);
        if (!upper.equals(lower)) {
          longer.add(s + upper);
        }
      }
      spellings = longer;
    }
    return spellings;
  }
}
