package dev.tracecurator.io;

import org.apache.beam.sdk.metrics.Counter;

/** A counter that is one method, {@link #inc(long)}: the other increments are it. */
abstract class AddingCounter implements Counter {
  @Override
  public void inc() {
    inc(1);
  }

  @Override
  public void dec() {
    inc(-1);
  }

  @Override
  public void dec(long n) {
    inc(-n);
  }
}
