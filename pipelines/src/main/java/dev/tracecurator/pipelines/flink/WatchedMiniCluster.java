package dev.tracecurator.pipelines.flink;

import java.util.concurrent.CompletableFuture;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink mini cluster that says when it has closed. Flink's local executor closes a job's
 * cluster on its own threads when the job ends; the run waits for that before removing the
 * cluster's temporary folder, which the closing cluster may still be using.
 */
class WatchedMiniCluster extends MiniCluster {
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  WatchedMiniCluster(MiniClusterConfiguration configuration) {
    super(configuration);
  }

  /** Completes when a close, Flink's own at the job's end or ours, has ended, however it ended. */
  final CompletableFuture<Void> closed() {
    return closed;
  }

  @Override
  public CompletableFuture<Void> closeAsync() {
    CompletableFuture<Void> closing = super.closeAsync();
    closing.whenComplete((ignored, error) -> closed.complete(null));
    return closing;
  }
}
