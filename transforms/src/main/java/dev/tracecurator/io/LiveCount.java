package dev.tracecurator.io;

import org.apache.beam.sdk.metrics.Counter;

/**
 * Bytes counted into a Beam counter as they are read, a step at a time, so that progress moves
 * while one big file is being read, not only when it ends; {@link #flush} adds the rest.
 */
final class LiveCount {
  private static final long STEP = 1L << 20;
  private final Counter counter;
  private long pending;

  LiveCount(Counter counter) {
    this.counter = counter;
  }

  void add(long n) {
    pending += n;
    if (pending >= STEP) {
      counter.inc(pending);
      pending = 0;
    }
  }

  void flush() {
    if (pending > 0) {
      counter.inc(pending);
      pending = 0;
    }
  }
}
