package dev.tracecurator.secrets;

import java.util.HashMap;
import java.util.Map;

/** Shannon entropy in bits per character. */
final class Entropy {
  private static final double LN2 = Math.log(2);

  private Entropy() {}

  static double of(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return 0;
    }
    int[] ascii = new int[128];
    Map<Character, Integer> other = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        ascii[c]++;
      } else {
        if (other == null) {
          other = new HashMap<>();
        }
        other.merge(c, 1, Integer::sum);
      }
    }
    double h = of(ascii, n);
    if (other != null) {
      for (int count : other.values()) {
        h += term(count, n);
      }
    }
    return h;
  }

  /** Entropy of a distribution given as counts per character, {@code total} being their sum. */
  static double of(int[] counts, int total) {
    double h = 0;
    if (total == 0) {
      return h;
    }
    for (int count : counts) {
      if (count > 0) {
        h += term(count, total);
      }
    }
    return h;
  }

  private static double term(int count, int total) {
    double p = (double) count / total;
    return -p * Math.log(p) / LN2;
  }
}
