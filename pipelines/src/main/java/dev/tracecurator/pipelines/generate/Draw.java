package dev.tracecurator.pipelines.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded draws from the distributions the generator uses; one instance per row. */
final class Draw {
  private final SplittableRandom random;

  Draw(long seed, long row) {
    // Row i's stream depends on (seed, i) only, so row i is the same whatever the number of rows.
    this.random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + row * 0xBF58476D1CE4E5B9L + 1);
  }

  int between(int lowInclusive, int highInclusive) {
    return random.nextInt(lowInclusive, highInclusive + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double uniform() {
    return random.nextDouble();
  }

  /** A log-normal draw with the given median and sigma, clamped. */
  int logNormal(double median, double sigma, int min, int max) {
    double gaussian = gaussian();
    long value = Math.round(median * Math.exp(sigma * gaussian));
    return (int) Math.max(min, Math.min(max, value));
  }

  private double gaussian() {
    double u1 = Math.max(1e-12, random.nextDouble());
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** An index drawn with the given weights. */
  int weighted(int[] weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  String hex(int chars) {
    StringBuilder out = new StringBuilder(chars);
    for (int i = 0; i < chars; i++) {
      out.append(Character.forDigit(random.nextInt(16), 16));
    }
    return out.toString();
  }
}
