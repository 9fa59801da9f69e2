package dev.tracecurator.pipelines.flink;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.executors.LocalExecutor;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * Flink's own local executor, unchanged (job graph, per-job cluster, shutdown when the job ends),
 * given the early-started cluster instead of a new one when the job fits it. A job that asks for
 * another number of slots or task managers gets a new cluster, as it would without us, and the
 * early one is closed.
 */
final class EarlyStartExecutor implements PipelineExecutorServiceLoader, PipelineExecutorFactory {
  static final String NAME = "trace-curator-early-local";

  private final Configuration configuration;
  private final AtomicReference<EarlyMiniCluster> unclaimed;
  /** Every cluster a job asked for: the early one (taken, or closed for not fitting) and any of the job's own. */
  private final List<WatchedMiniCluster> used = new CopyOnWriteArrayList<>();
  private volatile boolean handedOver;

  EarlyStartExecutor(Configuration configuration, EarlyMiniCluster cluster) {
    this.configuration = configuration;
    this.unclaimed = new AtomicReference<>(cluster);
  }

  @Override
  public PipelineExecutorFactory getExecutorFactory(Configuration ignored) {
    return this;
  }

  @Override
  public Stream<String> getExecutorNames() {
    return Stream.of(NAME);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isCompatibleWith(Configuration ignored) {
    return true;
  }

  @Override
  public PipelineExecutor getExecutor(Configuration ignored) {
    return LocalExecutor.createWithFactory(configuration, this::clusterFor);
  }

  /** The early cluster if the job's cluster would have its shape, else a new one (Flink starts and closes either). */
  private MiniCluster clusterFor(MiniClusterConfiguration wanted) {
    EarlyMiniCluster early = unclaimed.getAndSet(null);
    if (early != null && early.fits(wanted) && !early.failed()) {
      handedOver = true;
      used.add(early);
      return early;
    }
    if (early != null) {
      used.add(early);
      early.closeAsync();
    }
    WatchedMiniCluster own = new WatchedMiniCluster(wanted);
    used.add(own);
    return own;
  }

  /** Whether a job ran on the early cluster. */
  boolean handedOver() {
    return handedOver;
  }

  /**
   * Waits, up to {@code timeout} in all, for every cluster a job asked for to finish closing
   * (Flink closes a job's cluster on its own threads when the job ends): until then it may still
   * use its temporary files.
   */
  void awaitUsedClosed(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (WatchedMiniCluster cluster : used) {
      try {
        cluster.closed().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        // the process is ending; what is left is removed anyway
      }
    }
  }

  /**
   * Closes the early cluster if no job claimed it (a run that stopped before launching), waiting
   * up to {@code timeout}; then runs {@code afterClose}. A cluster still starting is closed, and
   * {@code afterClose} run, when its start ends, without waiting: a run that stops on a wrong
   * option or input ends at once.
   */
  void closeUnclaimed(Duration timeout, Runnable afterClose) {
    EarlyMiniCluster early = unclaimed.getAndSet(null);
    if (early == null) {
      afterClose.run();
    } else if (!early.startEnded()) {
      early.whenStartEnded(() -> early.closeAsync().whenComplete((ignored, error) -> afterClose.run()));
    } else {
      try {
        early.closeAsync().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // the process is ending; Flink's shutdown hooks remove what is left
      }
      afterClose.run();
    }
  }
}
