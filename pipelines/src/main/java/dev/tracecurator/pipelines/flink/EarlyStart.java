package dev.tracecurator.pipelines.flink;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.java.ExecutionEnvironment;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;

/**
 * Starts the embedded Flink cluster of a default run ({@code FlinkRunner}, {@code --flinkMaster}
 * {@code [auto]}, batch) while the main thread is still in Beam's options factory, and makes it
 * the one the run's job goes to. Beam's FlinkRunner asks Flink for the "context" batch
 * environment when the master is {@code [auto]} and uses it as it is when it is not a local one;
 * ours is an environment with the same configuration Beam would give its local one (the Flink
 * configuration from {@code --flinkConfDir} or {@code FLINK_CONF_DIR}, no class-loader leak check,
 * local and attached) whose executor is Flink's local executor handed the early cluster. Any other
 * run (another runner or master, streaming) is left to Beam and Flink as before.
 *
 * <p>Extends {@link ExecutionEnvironment} only to reach its protected context-environment hooks,
 * as Flink's own {@code ContextEnvironment} does.
 */
public final class EarlyStart extends ExecutionEnvironment implements AutoCloseable {
  /** How long {@link #close()} waits for Flink to finish closing the cluster before removing its files. */
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final EarlyStartExecutor executor;
  private final Optional<Path> temporaryFiles;

  private EarlyStart(EarlyStartExecutor executor, Optional<Path> temporaryFiles) {
    this.executor = executor;
    this.temporaryFiles = temporaryFiles;
  }

  /**
   * For the raw command-line arguments (options file already merged): begins starting the cluster
   * and installs it as Flink's context environment when the run will be a default embedded Flink
   * batch run; empty otherwise. Close the result when the run ends, whether or not it launched.
   */
  public static Optional<EarlyStart> beginIfEmbedded(String[] args) {
    if (!embeddedBatch(args)) {
      return Optional.empty();
    }
    int parallelism = value(args, "parallelism").map(Integer::parseInt).filter(p -> p > 0)
        .orElse(Runtime.getRuntime().availableProcessors());
    Configuration configuration = configuration(value(args, "flinkConfDir").orElse(null));
    Optional<Path> temporaryFiles = ownTemporaryFolder(configuration);
    EarlyMiniCluster cluster = new EarlyMiniCluster(clusterShape(configuration, parallelism)).beginStart();
    EarlyStartExecutor executor = new EarlyStartExecutor(configuration, cluster);
    initializeContextEnvironment(() -> {
      ExecutionEnvironment environment = new ExecutionEnvironment(executor, configuration, EarlyStart.class.getClassLoader());
      environment.setParallelism(parallelism);
      return environment;
    });
    return Optional.of(new EarlyStart(executor, temporaryFiles));
  }

  /** The run's own Flink temporary folder ({@code io.tmp.dirs}); empty when the Flink configuration names one. */
  Optional<Path> temporaryFiles() {
    return temporaryFiles;
  }

  /** Whether the run's job went to the early-started cluster (false before it launched, or if it needed another). */
  public boolean claimed() {
    return executor.handedOver();
  }

  /**
   * Removes the context environment, closes the cluster if no job took it, and removes the run's
   * Flink temporary folder once the clusters have closed (for a cluster still starting, when it
   * has started and closed, without waiting here).
   */
  @Override
  public void close() {
    resetContextEnvironment();
    executor.awaitUsedClosed(CLOSE_WAIT);
    executor.closeUnclaimed(CLOSE_WAIT, () -> temporaryFiles.ifPresent(EarlyStart::deleteQuietly));
    // Still there when a cluster is still starting (a run stopped on a wrong option or input): the
    // process usually exits first, so its exit removes the folder too.
    temporaryFiles.filter(Files::exists).ifPresent(folder ->
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(folder), "trace-curator-flink-files")));
  }

  /**
   * Points Flink's {@code io.tmp.dirs} at a new folder of the run's own, unless the Flink
   * configuration names one. Flink copies its 22 MB RPC jar into that folder at every cluster start
   * and deletes it only if the cluster closes before the JVM exits, which a run's exit often
   * outraces: each run left a {@code flink-rpc-akka*.jar} in {@code /tmp}. The sort spills of big
   * groups go there too, and go with it.
   */
  private static Optional<Path> ownTemporaryFolder(Configuration configuration) {
    if (configuration.contains(CoreOptions.TMP_DIRS)) {
      return Optional.empty();
    }
    try {
      Path folder = Files.createTempDirectory("trace-curator-flink-");
      configuration.set(CoreOptions.TMP_DIRS, folder.toString());
      return Optional.of(folder);
    } catch (IOException e) {
      return Optional.empty();  // Flink's default, the JVM's temporary folder
    }
  }

  /**
   * Removes the folder and what is in it, going on past files that cannot be removed or that
   * Flink removes at the same moment (its cluster deletes its own working folder as it closes);
   * tries again once a moment later for what that left.
   */
  private static void deleteQuietly(Path folder) {
    for (int attempt = 0; attempt < 3 && Files.exists(folder); attempt++) {
      if (attempt > 0) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      try {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            file.toFile().delete();
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path directory, IOException e) {
            directory.toFile().delete();
            return FileVisitResult.CONTINUE;
          }
        });
      } catch (IOException e) {
        // tried again below, else left for the system's cleaning of its temporary folder
      }
    }
  }


  /** Whether Beam will ask Flink for the context batch environment: FlinkRunner (the default), master [auto], not streaming. */
  static boolean embeddedBatch(String[] args) {
    boolean flink = value(args, "runner").map(r -> r.contains("Flink")).orElse(true);
    boolean auto = value(args, "flinkMaster").map(m -> m.equals("[auto]")).orElse(true);
    boolean streaming = value(args, "streaming").map(s -> !s.equals("false")).orElse(false)
        || java.util.Arrays.asList(args).contains("--streaming");
    return flink && auto && !streaming;
  }

  /** The last {@code --name=value} given, as Beam reads a repeated option of one value. */
  static Optional<String> value(String[] args, String name) {
    String prefix = "--" + name + "=";
    String found = null;
    for (String arg : args) {
      if (arg.startsWith(prefix)) {
        found = arg.substring(prefix.length());
      }
    }
    return Optional.ofNullable(found);
  }

  /** The configuration Beam's FlinkExecutionEnvironments gives an [auto] local environment, local and attached as Flink's LocalEnvironment sets. */
  private static Configuration configuration(String confDir) {
    Configuration configuration = confDir == null || confDir.isEmpty()
        ? GlobalConfiguration.loadConfiguration() : GlobalConfiguration.loadConfiguration(confDir);
    if (!configuration.contains(CoreOptions.CHECK_LEAKED_CLASSLOADER)) {
      configuration.set(CoreOptions.CHECK_LEAKED_CLASSLOADER, false);
    }
    if (!configuration.contains(SecurityOptions.DELEGATION_TOKENS_ENABLED)) {
      // An embedded cluster reads and writes as this process: it has no Kerberos tokens to hand
      // to workers. Obtaining them calls Hadoop's UserGroupInformation, whose Subject.getSubject
      // Java 23 and later refuse, which failed every run's cluster start there.
      configuration.set(SecurityOptions.DELEGATION_TOKENS_ENABLED, false);
    }
    configuration.set(DeploymentOptions.TARGET, "local");
    configuration.set(DeploymentOptions.ATTACHED, true);
    return configuration;
  }

  /** The cluster Flink's per-job factory makes for a job of this parallelism: one task manager (unless configured), a slot per subtask. */
  private static MiniClusterConfiguration clusterShape(Configuration base, int parallelism) {
    Configuration configuration = new Configuration(base);
    if (!configuration.contains(RestOptions.BIND_PORT)) {
      configuration.set(RestOptions.BIND_PORT, "0");
    }
    int taskManagers = configuration.get(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS);
    int slots = configuration.getOptional(TaskManagerOptions.NUM_TASK_SLOTS)
        .orElse((parallelism + taskManagers - 1) / taskManagers);
    return new MiniClusterConfiguration.Builder()
        .setConfiguration(configuration)
        .setNumTaskManagers(taskManagers)
        .setRpcServiceSharing(RpcServiceSharing.SHARED)
        .setNumSlotsPerTaskManager(slots)
        .build();
  }
}
