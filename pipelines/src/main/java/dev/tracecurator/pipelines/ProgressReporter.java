package dev.tracecurator.pipelines;

import dev.tracecurator.io.ReadTotal;
import dev.tracecurator.io.ReadTrajectoryLines;
import dev.tracecurator.io.RunCounters;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;

/**
 * Prints progress from the job's Beam metrics while it runs: one line redrawn in place on a
 * terminal, plain lines in a log. Where the run's total is known before it reads ({@link ReadTotal}:
 * the input files' bytes, Parquet footers' rows, --limitPerSource), the line starts with how far
 * the run is and when it should end. Works on any runner that reports metrics while running.
 */
final class ProgressReporter {
  private final PrintStream out;
  private final boolean terminal;
  private final long startNanos;
  private final Optional<ReadTotal> total;
  private double firstSeconds = -1;
  private long firstDone;
  private int lastLength;

  ProgressReporter(PrintStream out, boolean terminal, long startNanos, Optional<ReadTotal> total) {
    this.out = out;
    this.terminal = terminal;
    this.startNanos = startNanos;
    this.total = total;
  }

  /**
   * Waits for the job, printing every {@code intervalSeconds} from its metrics, and once more with
   * its final figures (also after a launcher that blocked until the job ended); returns its final state.
   */
  PipelineResult.State follow(PipelineResult result, int intervalSeconds) {
    if (intervalSeconds <= 0) {
      return result.waitUntilFinish();
    }
    PipelineResult.State state;
    do {
      state = result.waitUntilFinish(Duration.standardSeconds(intervalSeconds));
      print(counters(result), state);
    } while (state == null || !state.isTerminal());
    return state;
  }

  /**
   * Runs a job whose launcher blocks until it ends but whose workers are threads of this JVM
   * (embedded Flink): launched on another thread, with progress from {@link RunCounters} meanwhile.
   * Returns the launcher's result; its failure is rethrown as it is.
   */
  PipelineResult runInThisJvm(Pipeline pipeline, int intervalSeconds) {
    RunCounters.reset();
    CompletableFuture<PipelineResult> job = new CompletableFuture<>();
    Thread launcher = new Thread(() -> {
      try {
        job.complete(pipeline.run());
      } catch (Throwable t) {
        job.completeExceptionally(t);
      }
    }, "trace-curator-launcher");
    launcher.setDaemon(true);
    launcher.start();
    while (true) {
      try {
        return job.get(Math.max(1, intervalSeconds), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        print(RunCounters.inThisJvm(), PipelineResult.State.RUNNING);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the job ran", e);
      }
    }
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

  private void print(Map<String, Long> c, PipelineResult.State state) {
    double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
    boolean last = state != null && state.isTerminal();
    String line = extent(c, seconds, state) + counts(c, seconds);
    if (terminal) {
      // Spaces over what a longer line before left on the screen.
      out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) + (last ? "\n" : ""));
      lastLength = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  static String counts(Map<String, Long> c, double seconds) {
    long analysed = c.getOrDefault("analysed", 0L);
    return String.format(Locale.ROOT, "read %,d  analysed %,d  rejected %,d  sft kept %,d  %.0f rows/s  %.1f MB/s  %.0fs",
        c.getOrDefault("read", 0L), analysed, c.getOrDefault("rejected", 0L), c.getOrDefault("sft_kept", 0L),
        analysed / seconds, c.getOrDefault("bytes_read", 0L) / 1e6 / seconds, seconds);
  }

  /**
   * "progress: 42% ETA 1m05s  " where the total is known, else "progress: ". The ETA is the rest
   * at the rate seen since reading began (start-up is not work done), once there is such a rate.
   */
  private String extent(Map<String, Long> c, double seconds, PipelineResult.State state) {
    if (total.isEmpty() || total.get().total() <= 0) {
      return "progress: ";
    }
    long done = c.getOrDefault(total.get().counter(), 0L);
    if (done > 0 && firstSeconds < 0) {
      firstSeconds = seconds;
      firstDone = done;
    }
    double rate = firstSeconds >= 0 && seconds > firstSeconds ? (done - firstDone) / (seconds - firstSeconds) : 0;
    Double eta = rate <= 0 ? null : Math.max(0, total.get().total() - done) / rate;
    return extent(done, total.get().total(), eta, state);
  }

  /**
   * The share read, and the ETA: at most 99 % until the job is done (the last records read are
   * still being analysed and written), 100 % once it is.
   */
  static String extent(long done, long total, Double etaSeconds, PipelineResult.State state) {
    if (state == PipelineResult.State.DONE) {
      return "progress: 100% done  ";
    }
    long percent = Math.min(99, (long) Math.floor(100.0 * done / total));
    String after = state != null && state.isTerminal() ? state.toString().toLowerCase(Locale.ROOT)
        : done >= total ? "all read, finishing" : etaSeconds == null ? "ETA ?" : "ETA " + duration(etaSeconds);
    return String.format(Locale.ROOT, "progress: %3d%% %s  ", percent, after);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
