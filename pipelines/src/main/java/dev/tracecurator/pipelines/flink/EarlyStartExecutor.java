package dev.tracecurator.pipelines.flink;

import java.time.Duration;
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
  private final AtomicReference<EarlyMiniCluster> claimed = new AtomicReference<>();
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
      claimed.set(early);
      return early;
    }
    if (early != null) {
      early.closeAsync();
    }
    return new MiniCluster(wanted);
  }

  /** Whether a job ran on the early cluster. */
  boolean handedOver() {
    return handedOver;
  }

  /**
   * Waits, up to {@code timeout}, for the cluster a job took to finish closing (Flink closes it when
   * the job ends, on its own threads): until then it may still use its temporary files.
   */
  void awaitClaimedClosed(Duration timeout) {
    EarlyMiniCluster cluster = claimed.get();
    if (cluster != null) {
      try {
        cluster.closed().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // the process is ending; what is left is removed anyway
      }
    }
  }

  /** Closes the early cluster if no job claimed it (a run that stopped before launching). */
  void closeUnclaimed() {
    EarlyMiniCluster early = unclaimed.getAndSet(null);
    if (early != null) {
      try {
        early.closeAsync().get();
      } catch (Exception e) {
        // the process is ending; Flink's shutdown hooks remove what is left
      }
    }
  }
}
