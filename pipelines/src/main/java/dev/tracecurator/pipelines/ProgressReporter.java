package dev.tracecurator.pipelines;

import dev.tracecurator.io.ReadTrajectoryLines;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;

/**
 * Prints progress from the job's Beam metrics while it runs: one updating line on a terminal,
 * plain lines in a log. Works on any runner that reports metrics while running.
 */
final class ProgressReporter {
  private final PrintStream out;
  private final boolean terminal;
  private final long startNanos;

  ProgressReporter(PrintStream out, boolean terminal, long startNanos) {
    this.out = out;
    this.terminal = terminal;
    this.startNanos = startNanos;
  }

  /** Waits for the job, printing every {@code intervalSeconds}; returns its final state. */
  PipelineResult.State follow(PipelineResult result, int intervalSeconds) {
    PipelineResult.State state = result.getState();
    if (intervalSeconds <= 0) {
      return result.waitUntilFinish();
    }
    while (state == null || !state.isTerminal()) {
      state = result.waitUntilFinish(Duration.standardSeconds(intervalSeconds));
      print(counters(result), state != null && state.isTerminal());
    }
    return state;
  }

  /**
   * A counter's final value: committed where the runner keeps committed values (retried work
   * counted once), else attempted; null when the runner reports no such counter.
   */
  static Long finalCount(PipelineResult result, String name) {
    try {
      MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.named(ReadTrajectoryLines.METRICS_NAMESPACE, name))
          .build());
      Long total = null;
      for (MetricResult<Long> counter : metrics.getCounters()) {
        Long value;
        try {
          value = counter.getCommitted();
        } catch (UnsupportedOperationException e) {
          value = counter.getAttempted();
        }
        total = (total == null ? 0L : total) + (value == null ? 0L : value);
      }
      return total;
    } catch (RuntimeException e) {
      return null;
    }
  }

  static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> values = new HashMap<>();
    try {
      MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.inNamespace(ReadTrajectoryLines.METRICS_NAMESPACE))
          .build());
      for (MetricResult<Long> counter : metrics.getCounters()) {
        Long value = counter.getAttempted();
        values.merge(counter.getName().getName(), value == null ? 0L : value, Long::sum);
      }
    } catch (RuntimeException e) {
      // Some runners report no metrics until the job ends; progress is then silent.
    }
    return values;
  }

  private void print(Map<String, Long> c, boolean last) {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    long analysed = c.getOrDefault("analysed", 0L);
    String line = String.format("progress: read %,d  analysed %,d  rejected %,d  sft kept %,d  %.0f rows/s  %.1f MB/s  %.0fs",
        c.getOrDefault("read", 0L), analysed, c.getOrDefault("rejected", 0L), c.getOrDefault("sft_kept", 0L),
        analysed / seconds, c.getOrDefault("bytes_read", 0L) / 1e6 / seconds, seconds);
    if (terminal) {
      out.print("\r" + line + (last ? "\n" : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }
}
