package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TaskManager lost mid-job costs a restart, not a row. On a Flink session cluster of two
 * TaskManagers (runner-configs/flink-cluster, one slot of each used), the same input is curated
 * twice: undisturbed, then with the TaskManager that has read the most rows killed (SIGKILL, as
 * {@code kill -9}) once a third of them are read. The second job fails, restarts on the surviving
 * TaskManager, finishes, and leaves the same outputs as the first: no row lost, none twice, no
 * temporary or half-written file, the same counts in the manifest.
 */
class FlinkFailoverIT {
  private static final Path JAR = Path.of("pipelines/target/trace-curator.jar");
  private static final Path BAD_ROWS = Path.of("src/test-fixtures/rows/bad.jsonl");
  /** Two files, so both reading tasks have work: 40 to 80 s a run on two busy cores. */
  private static final int FILES = 2;
  private static final int ROWS_PER_FILE = 600;
  private static final int ROWS = FILES * ROWS_PER_FILE;
  /** The job vertex that reads rows (normalising and scoring them is chained to it). */
  private static final String READER = "ReadTrajectories/ReadRecords";

  @TempDir
  Path tmp;

  @Test
  void losingATaskManagerMidJobCostsARestartNotARow() throws Exception {
    long testStart = System.nanoTime();
    for (int i = 0; i < FILES; i++) {
      generate(i);
    }
    Path undisturbed = tmp.resolve("undisturbed");
    Path disturbed = tmp.resolve("disturbed");
    try (FlinkSessionCluster cluster = FlinkSessionCluster.start(tmp, "--taskmanagers=2", "--slots=2")) {
      long start = System.nanoTime();
      finish(curate(cluster, undisturbed), undisturbed, cluster);
      double undisturbedSeconds = secondsSince(start);
      String undisturbedJob = cluster.rest("/jobs/overview").at("/jobs/0/jid").asText();
      assertTrue(failures(cluster, undisturbedJob).isEmpty(),
          "the undisturbed job failed on its own: " + failures(cluster, undisturbedJob));

      start = System.nanoTime();
      Process run = curate(cluster, disturbed);
      String job;
      Kill kill;
      try {
        job = awaitJobOtherThan(undisturbedJob, cluster, run, disturbed);
        kill = killBusiestReader(job, cluster, run, disturbed);
      } catch (Throwable e) {
        run.destroyForcibly();
        throw e;
      }
      finish(run, disturbed, cluster);
      double disturbedSeconds = secondsSince(start);

      // The kill is what failed the job: a failure names the TaskManager killed while it ran.
      assertEquals("FINISHED", cluster.rest("/jobs/" + job).get("state").asText());
      JsonNode failures = failures(cluster, job);
      assertFalse(failures.isEmpty(), "the job never failed after " + kill.taskManager + " was killed");
      assertTrue(failures.toString().contains(kill.taskManager),
          "no failure of the job names " + kill.taskManager + ": " + failures);
      // Each failure in the history of a job that finished is one it restarted from.
      System.out.printf("FlinkFailoverIT: %,d rows + %d bad; undisturbed %.0f s; disturbed %.0f s, %s killed "
              + "after %,d rows read, %d restart(s); test %.0f s%n", ROWS, badRows(), undisturbedSeconds,
          disturbedSeconds, kill.taskManager, kill.rowsRead, failures.size(), secondsSince(testStart));
    }

    CurateOutputs.assertSameOutputs(undisturbed, disturbed);
    JsonNode counts = CurateOutputs.manifest(disturbed).get("counts");
    assertEquals(ROWS, counts.get("analysed").asLong(), "analysed: " + counts);
    assertEquals(badRows(), counts.get("rejected").asLong(), "rejected: " + counts);
    assertEquals(ROWS + badRows(), counts.get("read").asLong(), "read: " + counts);
    assertSameFiles(undisturbed, disturbed);
  }

  /**
   * The same files, with no temporary one left: Beam writes to .temp-beam-… folders and renames
   * on success. Shard numbers are masked, as shard counts may differ. The report (which a task
   * writes under its final names, again on a restart) and the SFT card must match to the byte.
   */
  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    SortedSet<String> files = files(actual);
    assertEquals(files(expected), files, "the files of " + actual);
    assertTrue(files.stream().noneMatch(f -> f.startsWith(".") || f.contains("/.")), "temporary files: " + files);
    for (String file : files) {
      if (file.startsWith(CuratePipeline.REPORT_DIR + "/") || file.equals(CuratePipeline.SFT_DIR + "/README.md")) {
        assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)), file);
      }
    }
  }

  /** One record a line, each rejected; some are not UTF-8, hence the byte-for-byte charset. */
  private static long badRows() throws IOException {
    return Files.readAllLines(BAD_ROWS, StandardCharsets.ISO_8859_1).size();
  }

  private void generate(int file) throws IOException, InterruptedException {
    Path log = tmp.resolve("generate-" + file + ".log");
    Process generate = new ProcessBuilder("java", "-jar", JAR.toString(), "generate", "--schema=hub",
        "--harness=openhands", "--model=minimax_m25", "--rows=" + ROWS_PER_FILE, "--seed=" + (31 + file),
        "--out=" + tmp.resolve("data/openhands/minimax_m25/big/train-0000" + file + ".jsonl"))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(generate.waitFor(5, TimeUnit.MINUTES), "generating rows timed out");
    assertEquals(0, generate.exitValue(), Files.readString(log));
  }

  /** Starts a run on the cluster; its log is {@code <output>.log}. */
  private Process curate(FlinkSessionCluster cluster, Path output) throws IOException {
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString(),
        "--input=" + tmp.resolve("data") + "/**/*.jsonl", "--input=" + BAD_ROWS, "--maxRejectedFraction=1",
        "--output=" + output, "--optionsFile=runner-configs/flink-cluster/pipeline.options",
        "--flinkMaster=" + cluster.master(), "--filesToStage=" + JAR.toAbsolutePath(),
        // Two slots, one on each TaskManager (cluster.evenly-spread-out-slots); the survivor has two.
        "--parallelism=2"));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(output).toFile()).start();
  }

  private static Path log(Path output) {
    return output.resolveSibling(output.getFileName() + ".log");
  }

  /** Waits for a run to end and asserts it succeeded; a run that does not end is killed. */
  private static void finish(Process run, Path output, FlinkSessionCluster cluster) throws InterruptedException {
    try {
      assertTrue(run.waitFor(10, TimeUnit.MINUTES), "the run did not end in 10 minutes\n" + tails(output, cluster));
      assertEquals(0, run.exitValue(), "the run failed\n" + tails(output, cluster));
    } finally {
      run.destroyForcibly();
    }
  }

  private static String tails(Path output, FlinkSessionCluster cluster) {
    return FlinkSessionCluster.tail(log(output), 40) + "\n" + cluster.logTail("jobmanager");
  }

  private static String awaitJobOtherThan(String known, FlinkSessionCluster cluster, Process run, Path output)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (true) {
      for (JsonNode job : cluster.rest("/jobs/overview").get("jobs")) {
        if (!job.get("jid").asText().equals(known)) {
          return job.get("jid").asText();
        }
      }
      assertTrue(run.isAlive() && System.nanoTime() < deadline, "no job was submitted\n" + tails(output, cluster));
      Thread.sleep(500);
    }
  }

  private record Kill(String taskManager, long rowsRead) {}

  /**
   * Once the running job has read a third of the rows, kills the TaskManager whose reading task
   * has read the most: its work in progress, or its results not yet consumed, are lost with it.
   */
  private static Kill killBusiestReader(String job, FlinkSessionCluster cluster, Process run, Path output)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (true) {
      assertTrue(run.isAlive() && System.nanoTime() < deadline,
          "the job did not read a third of the rows while running\n" + tails(output, cluster));
      JsonNode status = cluster.rest("/jobs/" + job);
      JsonNode reader = null;
      for (JsonNode vertex : status.path("vertices")) {
        if (vertex.get("name").asText().contains(READER)) {
          reader = vertex;
        }
      }
      // Task metrics reach the REST API every 2 s (metrics.fetcher.update-interval).
      long read = reader == null ? 0 : reader.at("/metrics/write-records").asLong();
      if (status.get("state").asText().equals("RUNNING") && read >= ROWS / 3) {
        JsonNode busiest = null;
        for (JsonNode subtask : cluster.rest("/jobs/" + job + "/vertices/" + reader.get("id").asText()).get("subtasks")) {
          if (busiest == null || subtask.at("/metrics/write-records").asLong() > busiest.at("/metrics/write-records").asLong()) {
            busiest = subtask;
          }
        }
        String taskManager = busiest.get("taskmanager-id").asText();
        ProcessHandle process = cluster.taskManager(taskManager);
        // SIGKILL: no shutdown hook runs, nothing tells the JobManager; it finds out on its own.
        assertTrue(process.destroyForcibly(), "could not kill " + taskManager);
        process.onExit().get(1, TimeUnit.MINUTES);
        return new Kill(taskManager, read);
      }
      Thread.sleep(500);
    }
  }

  /** The job's failures (Flink's exception history), newest first. */
  private static JsonNode failures(FlinkSessionCluster cluster, String job) throws Exception {
    return cluster.rest("/jobs/" + job + "/exceptions").at("/exceptionHistory/entries");
  }

  /** The paths of an output folder's files and folders, relative, shard numbers masked. */
  private static SortedSet<String> files(Path output) throws IOException {
    try (var paths = Files.walk(output)) {
      return paths.filter(path -> !path.equals(output))
          .map(path -> output.relativize(path).toString().replaceAll("-\\d{5}-of-\\d{5}", "-SSSSS-of-NNNNN"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }
}
