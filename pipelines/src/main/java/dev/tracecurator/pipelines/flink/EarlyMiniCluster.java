package dev.tracecurator.pipelines.flink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink mini cluster that starts on a thread of its own as soon as it is made. Flink's local
 * executor calls {@link #start()} only when the job graph is ready, after Beam's options factory,
 * the pipeline's construction and its translation (2-3 s of one busy thread); starting the
 * cluster (its RPC system, blob server, dispatcher and task manager: 1-1.6 s) meanwhile lets the
 * second core do it. {@link #start()} then waits for that start instead of starting again.
 */
final class EarlyMiniCluster extends WatchedMiniCluster {
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final MiniClusterConfiguration shape;

  EarlyMiniCluster(MiniClusterConfiguration configuration) {
    super(configuration);
    this.shape = configuration;
  }

  /** Whether a job that asks for {@code wanted} would get a cluster just like this one (same size, same configuration). */
  boolean fits(MiniClusterConfiguration wanted) {
    return shape.getNumTaskManagers() == wanted.getNumTaskManagers()
        && shape.getConfiguration().equals(wanted.getConfiguration());
  }

  /** Begins starting on a daemon thread; returns at once. */
  EarlyMiniCluster beginStart() {
    Thread thread = new Thread(() -> {
      try {
        super.start();
        started.complete(null);
      } catch (Throwable t) {
        started.completeExceptionally(t);
      }
    }, "trace-curator-flink-start");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /**
   * Runs {@code then} once the start begun by {@link #beginStart()} has ended, whichever way (at
   * once if it has): a cluster closed while it starts would go on starting after the close.
   */
  void whenStartEnded(Runnable then) {
    started.whenComplete((ignored, error) -> then.run());
  }

  /** Whether the start begun by {@link #beginStart()} has ended. */
  boolean startEnded() {
    return started.isDone();
  }

  /** Whether the early start ended in failure (known only once it has ended). */
  boolean failed() {
    return started.isCompletedExceptionally();
  }

  /** Waits for the start begun by {@link #beginStart()}; throws what it threw. */
  @Override
  public void start() throws Exception {
    try {
      started.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause() : e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw new IllegalStateException("the Flink mini cluster did not start", cause);
    }
  }
}
