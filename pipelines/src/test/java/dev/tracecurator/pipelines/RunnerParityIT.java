package dev.tracecurator.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same jar, the same input, three runners: the DirectRunner, Flink embedded, and a real Flink
 * session cluster (separate JobManager and TaskManager JVMs started by
 * runner-configs/flink-cluster/start-cluster.sh on free ports). Outputs must be identical.
 * Runs after `package`, as a user would: `java -jar pipelines/target/trace-curator.jar`.
 */
class RunnerParityIT {
  private static final Path JAR = Path.of("pipelines/target/trace-curator.jar");

  @TempDir
  Path tmp;

  @Test
  void directFlinkEmbeddedAndFlinkSessionClusterAgree() throws Exception {
    Path direct = tmp.resolve("direct");
    Path embedded = tmp.resolve("flink-embedded");
    Path cluster = tmp.resolve("flink-cluster");
    runJar(direct, "--optionsFile=runner-configs/direct/pipeline.options");
    runJar(embedded, "--optionsFile=runner-configs/flink-local/pipeline.options");

    try (FlinkSessionCluster session = FlinkSessionCluster.start(tmp)) {
      runJar(cluster, "--optionsFile=runner-configs/flink-cluster/pipeline.options",
          "--flinkMaster=" + session.master(), "--filesToStage=" + JAR.toAbsolutePath());
      JsonNode jobs = session.rest("/jobs/overview");
      assertEquals(1, jobs.get("jobs").size());
      assertEquals("FINISHED", jobs.get("jobs").get(0).get("state").asText());
    }

    for (Path other : List.of(embedded, cluster)) {
      CurateOutputs.assertSameOutputs(direct, other);
    }
    assertEquals("FlinkRunner", CurateOutputs.manifest(cluster).get("runner").asText());
    assertEquals("DirectRunner", CurateOutputs.manifest(direct).get("runner").asText());
  }

  private void runJar(Path output, String... options) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString(),
        "--input=src/test-fixtures/rows/data/**/*.jsonl",
        "--input=src/test-fixtures/rows/tutorial/*.jsonl#openhands/qwen35_122b",
        "--input=src/test-fixtures/rows/tutorial/two-rows.json#sweagent/minimax_m25",
        "--input=src/test-fixtures/rows/bad.jsonl",
        "--output=" + output, "--minGroupSize=1", "--progressIntervalSeconds=1", "--maxRejectedFraction=1"));
    command.addAll(List.of(options));
    Path log = tmp.resolve(output.getFileName() + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(600, TimeUnit.SECONDS), "timed out: " + command);
    assertEquals(0, process.exitValue(), Files.readString(log));
  }
}
