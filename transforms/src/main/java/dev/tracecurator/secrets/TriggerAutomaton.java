package dev.tracecurator.secrets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every detector's triggers in one Aho–Corasick automaton, so a text is read once, one table
 * step per character, instead of once per literal with {@code indexOf} and once more for the
 * keywords. A trigger that ignores case is entered in every casing of its letters, which keeps
 * the step a plain table read. Immutable and thread-safe.
 */
final class TriggerAutomaton {
  private static final int ASCII = 128;

  /** Group index of each trigger name. */
  private final Map<String, Integer> groups = new HashMap<>();
  /**
   * {@code next[state * 128 + c]}: the state after reading ASCII {@code c}, as its row's offset
   * ({@code state * 128}), negated less one when literals end there so that the common step needs
   * one read; other characters go to the root.
   */
  private final int[] next;
  /** Per state, the (group, literal length) pairs of the literals ending there, flattened; null for none. */
  private final int[][] ends;

  TriggerAutomaton(List<Trigger> triggers) {
    Map<String, int[]> literals = new LinkedHashMap<>();  // literal -> {group}
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
    List<int[]> gotos = new ArrayList<>();
    List<List<Integer>> output = new ArrayList<>();
    gotos.add(filled());
    output.add(new ArrayList<>());
    for (Map.Entry<String, int[]> e : literals.entrySet()) {
      int state = 0;
      for (char c : e.getKey().toCharArray()) {
        if (gotos.get(state)[c] < 0) {
          gotos.get(state)[c] = gotos.size();
          gotos.add(filled());
          output.add(new ArrayList<>());
        }
        state = gotos.get(state)[c];
      }
      for (int group : e.getValue()) {
        output.get(state).add(group);
        output.get(state).add(e.getKey().length());
      }
    }
    int states = gotos.size();
    next = new int[states * ASCII];
    int[] fail = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ASCII; c++) {
      int child = gotos.get(0)[c];
      next[c] = Math.max(child, 0);
      if (child > 0) {
        queue.add(child);
      }
    }
    // Breadth first, so a state's failure state is complete before the state is.
    while (!queue.isEmpty()) {
      int state = queue.poll();
      output.get(state).addAll(output.get(fail[state]));
      for (int c = 0; c < ASCII; c++) {
        int child = gotos.get(state)[c];
        if (child > 0) {
          fail[child] = next[fail[state] * ASCII + c];
          next[state * ASCII + c] = child;
          queue.add(child);
        } else {
          next[state * ASCII + c] = next[fail[state] * ASCII + c];
        }
      }
    }
    ends = new int[states][];
    for (int s = 0; s < states; s++) {
      List<Integer> out = output.get(s);
      ends[s] = out.isEmpty() ? null : out.stream().mapToInt(Integer::intValue).toArray();
    }
    for (int i = 0; i < next.length; i++) {
      next[i] = ends[next[i]] == null ? next[i] * ASCII : ~(next[i] * ASCII);
    }
  }

  /** Where each trigger occurs in {@code text}, overlapping occurrences included. */
  Triggers scan(String text) {
    Triggers.Builder found = new Triggers.Builder(groups);
    int row = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= ASCII) {
        row = 0;
        continue;
      }
      int step = next[row + c];
      if (step >= 0) {
        row = step;
      } else {
        row = ~step;
        int[] end = ends[row / ASCII];
        for (int k = 0; k < end.length; k += 2) {
          found.add(end[k], i + 1 - end[k + 1]);
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
