package dev.tracecurator.io;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The run's counters ({@link ReadTrajectoryLines#METRICS_NAMESPACE}): Beam counters, which every
 * runner reports, that also add up in this JVM. An embedded Flink run reports Beam metrics only
 * once its job has ended (its launcher blocks until then), while its workers are threads of this
 * JVM: the launcher reads progress from here meanwhile. Elsewhere these stay at zero and unread.
 */
public final class RunCounters {
  private static final Map<String, LongAdder> IN_THIS_JVM = new ConcurrentHashMap<>();

  private RunCounters() {}

  /** The counter {@code name}, counted by Beam and in this JVM. */
  public static Counter counter(String name) {
    return new Both(name);
  }

  /** What this JVM's workers have counted since {@link #reset}. */
  public static Map<String, Long> inThisJvm() {
    Map<String, Long> values = new TreeMap<>();
    IN_THIS_JVM.forEach((name, adder) -> values.put(name, adder.sum()));
    return values;
  }

  /** Forgets earlier runs' counts: before a run. */
  public static void reset() {
    IN_THIS_JVM.clear();
  }

  private static final class Both extends AddingCounter implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Counter beam;

    Both(String name) {
      this.name = name;
      this.beam = Metrics.counter(ReadTrajectoryLines.METRICS_NAMESPACE, name);
    }

    @Override
    public void inc(long n) {
      beam.inc(n);
      IN_THIS_JVM.computeIfAbsent(name, k -> new LongAdder()).add(n);
    }

    @Override
    public MetricName getName() {
      return beam.getName();
    }
  }
}
